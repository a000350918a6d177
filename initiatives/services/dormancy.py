"""The dormancy rule: no activity for REGISTRY_DORMANCY_AFTER_DAYS makes a record dormant,
after its leaders were warned REGISTRY_DORMANCY_WARNING_DAYS before."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import notifications
from ..models import Organisation
from .lifecycle import status_set


@dataclass
class SweepResult:
    warned: list[int] = field(default_factory=list)
    made_dormant: list[int] = field(default_factory=list)


def _living_published() -> QuerySet:
    return Organisation.objects.filter(
        moderation=Organisation.Moderation.PUBLISHED,
        status__in=[Organisation.Status.IDEA, Organisation.Status.ACTIVE],
    ).annotate(last_seen=Coalesce(F("last_activity_at"), F("published_at")))


@transaction.atomic
def dormancy_sweep(*, now: datetime | None = None) -> SweepResult:
    """Safe to run any number of times a day: a warning goes once, a status changes once."""
    now = now or timezone.now()
    after = timedelta(days=settings.REGISTRY_DORMANCY_AFTER_DAYS)
    warning = timedelta(days=settings.REGISTRY_DORMANCY_WARNING_DAYS)
    result = SweepResult()

    to_dormant = _living_published().filter(
        last_seen__lte=now - after,
        dormancy_warned_at__isnull=False,
        dormancy_warned_at__lte=now - warning,
    )
    for organisation in to_dormant.select_for_update(of=("self",)):
        status_set(
            organisation=organisation,
            status=Organisation.Status.DORMANT,
            reason=_("No activity for %(days)s days") % {"days": after.days},
            at=now,
        )
        result.made_dormant.append(organisation.pk)

    to_warn = _living_published().filter(
        last_seen__lte=now - after + warning, dormancy_warned_at__isnull=True
    )
    for organisation in to_warn.select_for_update(of=("self",)):
        organisation.dormancy_warned_at = now
        organisation.save(update_fields=["dormancy_warned_at"])
        notifications.notify_leaders(
            organisation,
            "dormancy_warning",
            dormant_on=(organisation.last_seen + after).date(),
        )
        result.warned.append(organisation.pk)
    return result
