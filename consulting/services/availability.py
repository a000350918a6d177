"""A consultant's weekly hours and days off, kept by the consultant (or a coordinator).

Bookings already made are not touched by a change: the consultant sees them in the bookings
list and moves or cancels them there if needed.
"""

from datetime import date, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit

from ..models import AvailabilityException, Consultant, WeeklyAvailability


def may_edit(user: User, consultant: Consultant) -> bool:
    """The consultant themselves, or whoever may change everyone's (coordinators)."""
    if consultant.user_id == user.pk:
        return user.has_perm("consulting.change_weeklyavailability")
    return user.has_perm("consulting.change_consultant")


def _require(user: User, consultant: Consultant) -> None:
    if not may_edit(user, consultant):
        raise PermissionDenied


@transaction.atomic
def window_add(
    *, user: User, consultant: Consultant, weekday: int, starts: time, ends: time, slot_minutes: int
) -> WeeklyAvailability:
    """A weekly window; it may not overlap another window of the same weekday."""
    _require(user, consultant)
    if ends <= starts:
        raise ValidationError(_("The window must end after it starts."), code="window_order")
    # Windows of one consultant are added one at a time: the lock keeps two at once apart.
    Consultant.objects.select_for_update().get(pk=consultant.pk)
    clash = WeeklyAvailability.objects.filter(
        consultant=consultant, weekday=weekday, starts__lt=ends, ends__gt=starts
    ).first()
    if clash is not None:
        raise ValidationError(
            _("It overlaps the window %(start)s–%(end)s of the same day.")
            % {"start": f"{clash.starts:%H:%M}", "end": f"{clash.ends:%H:%M}"},
            code="window_overlap",
        )
    window = WeeklyAvailability.objects.create(
        consultant=consultant,
        weekday=weekday,
        starts=starts,
        ends=ends,
        slot_minutes=slot_minutes,
    )
    _record(user, consultant, "availability", None, window)
    return window


def window_remove(*, user: User, window: WeeklyAvailability) -> None:
    _require(user, window.consultant)
    _record(user, window.consultant, "availability", window, None)
    window.delete()


def day_off_add(
    *, user: User, consultant: Consultant, starts_on: date, ends_on: date, reason: str
) -> AvailabilityException:
    _require(user, consultant)
    if ends_on < starts_on:
        raise ValidationError(_("The last day comes before the first."), code="days_order")
    day_off = AvailabilityException.objects.create(
        consultant=consultant, starts_on=starts_on, ends_on=ends_on, reason=reason
    )
    _record(user, consultant, "days_off", None, day_off)
    return day_off


def day_off_remove(*, user: User, day_off: AvailabilityException) -> None:
    _require(user, day_off.consultant)
    _record(user, day_off.consultant, "days_off", day_off, None)
    day_off.delete()


def _record(
    user: User, consultant: Consultant, field: str, removed: Model | None, added: Model | None
) -> None:
    """A change of the consultant's hours, in the consultant's trail."""
    audit.record(
        consultant,
        actor=user,
        action="edited",
        changes={field: [str(removed) if removed else None, str(added) if added else None]},
    )
