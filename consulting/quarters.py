"""Which quarters of the consultation log are locked.

A quarter is locked CONSULTING_QUARTER_GRACE_DAYS days after it ends, so that late entries
can still be made; the administration may close it earlier or reopen it, and that explicit
decision wins.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civiccenter.kernel import audit
from civiccenter.kernel.quarters import Quarter

from .models import QuarterState


def is_locked(quarter: Quarter, *, today: date | None = None) -> bool:
    state = QuarterState.objects.filter(year=quarter.year, quarter=quarter.number).first()
    if state is not None:
        return state.closed
    today = today or timezone.localdate()
    return today > quarter.end + timedelta(days=settings.CONSULTING_QUARTER_GRACE_DAYS)


def ensure_open(day: date) -> None:
    quarter = Quarter.of(day)
    if is_locked(quarter):
        raise ValidationError(
            _("%(quarter)s is closed: entries can no longer be added or changed.")
            % {"quarter": quarter.label},
            code="quarter_locked",
        )


@transaction.atomic
def quarter_set_closed(*, quarter: Quarter, closed: bool, user) -> QuarterState:
    """The administration closes a quarter early or reopens a closed one."""
    if not user.has_perm("consulting.change_quarterstate"):
        raise ValidationError(_("Only the administration can close or reopen a quarter."))
    state, _created = QuarterState.objects.update_or_create(
        year=quarter.year, quarter=quarter.number, defaults={"closed": closed, "changed_by": user}
    )
    audit.record(state, actor=user, action="closed" if closed else "reopened", label=quarter.label)
    return state
