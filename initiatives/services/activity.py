"""The one interface through which the other apps tell the registry that an initiative is
alive: a consultation, a training, an event. Dormancy is decided from it."""

from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Organisation


@transaction.atomic
def record_activity(*, organisation_ids: list[int], at: datetime | None = None) -> int:
    """Marks the organisations active at `at` (now by default).

    A dormant organisation that shows activity becomes active again, with a dated step in its
    history. Returns the number of records touched.
    """
    from .lifecycle import status_set

    at = at or timezone.now()
    records = Organisation.objects.filter(pk__in=organisation_ids)
    touched = records.update(
        last_activity_at=Greatest(Coalesce(F("last_activity_at"), at), at),
        dormancy_warned_at=None,
    )
    for organisation in records.filter(
        status=Organisation.Status.DORMANT, moderation=Organisation.Moderation.PUBLISHED
    ).select_for_update():
        status_set(
            organisation=organisation,
            status=Organisation.Status.ACTIVE,
            reason=_("Activity resumed"),
            at=at,
        )
    return touched
