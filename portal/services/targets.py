"""The quarter's targets, set by coordinators and the administration on a portal page: hours
of consulting and training (the defaults from settings until someone sets them) and, where
the centre promised one, a target for each other row of the quarterly report."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from civiccenter.kernel.models import QuarterlyTarget, targets_for
from civiccenter.kernel.quarters import Quarter

from ..reporting import INDICATORS, Indicator

HOURS_FIELDS = ("consulting_hours", "training_hours")


def other_indicators() -> list[Indicator]:
    return [indicator for indicator in INDICATORS if indicator.key not in HOURS_FIELDS]


@transaction.atomic
def targets_set(*, quarter: Quarter, values: dict[str, int | None], user: User) -> QuarterlyTarget:
    """Sets the quarter's targets: both hours are required, the other indicators optional
    (None: no target). Records what changed."""
    before = targets_for(quarter)
    indicators = {
        indicator.key: values[indicator.key]
        for indicator in other_indicators()
        if values.get(indicator.key) is not None
    }
    consulting_hours, training_hours = values.get("consulting_hours"), values.get("training_hours")
    if consulting_hours is None or training_hours is None:
        raise ValidationError(_("Set the hours of consulting and of training."), code="hours")
    target, _created = QuarterlyTarget.objects.select_for_update().update_or_create(
        year=quarter.year,
        quarter=quarter.number,
        defaults={
            "consulting_hours": consulting_hours,
            "training_hours": training_hours,
            "indicators": indicators,
        },
    )
    after = targets_for(quarter)
    changed = audit.diff(before, after) | {
        key: [before[key], None] for key in before if key not in after
    }
    # The hours by their field; the other indicators by their name in the report.
    names = {indicator.key: str(indicator.label) for indicator in other_indicators()}
    with translation.override(settings.LANGUAGE_CODE):
        changes = {names.get(key, key): values for key, values in changed.items()}
    if changes:
        audit.record(target, actor=user, action="edited", changes=changes)
    return target
