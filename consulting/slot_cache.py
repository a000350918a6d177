"""The booking page's free slots, cached per consultant (found: working out the free slots of
four busy consultants over the booking horizon was about 40 ms of CPU on every view of the
booking page).

Each consultant's slots of today's horizon are kept with a version of their own, bumped after
the commit of any change of their bookings, weekly hours or days off (`connect`), and read in
one round trip to the cache for all the topic's consultants. The slots too soon to book are
left out when read, so a cached list stays right as the day goes on; a new day is a new key.
Changes that send no signal (a queryset update) are bounded by the timeout. The page only
offers: booking checks the slot against the database (`services.bookings._check_slot`) and
the exclusion constraint, so a stale offer gets «someone has just booked this time»."""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from civiccenter.kernel import versioned_cache

from . import selectors
from .free_times import Compact, FreeTimes, compact
from .models import AvailabilityException, Booking, Consultant, WeeklyAvailability

TIMEOUT = 600


def namespace(consultant_id: int) -> str:
    return f"consultant-slots:{consultant_id}"


def free_times(consultants: list[Consultant], *, now: datetime | None = None) -> FreeTimes:
    """The consultants' free slots bookable from now, as `selectors.free_slots` works them
    out, kept compactly (`consulting.free_times`), from the cache where the consultant's
    slots have not changed."""
    now = now or timezone.now()
    horizon = settings.CONSULTING_BOOKING_HORIZON_DAYS
    today = timezone.localdate(now).isoformat()
    by_pk = {consultant.pk: consultant for consultant in consultants}

    def work_out(missing: list[int]) -> dict[int, Compact]:
        found = selectors.free_slots([by_pk[pk] for pk in missing], now=now)
        return {pk: compact(slots) for pk, slots in found.items()}

    kept = versioned_cache.cached_each(
        {pk: (namespace(pk), f"{today}:{horizon}:compact") for pk in by_pk},
        work_out,
        timeout=TIMEOUT,
    )
    return FreeTimes({pk: kept[pk] for pk in by_pk if pk in kept}).not_before(
        now + timedelta(hours=settings.CONSULTING_MIN_LEAD_HOURS)
    )


def _changed(sender: type, instance: Any, **kwargs: Any) -> None:
    consultant_id = instance.consultant_id
    transaction.on_commit(lambda: versioned_cache.bump(namespace(consultant_id)))


def connect() -> None:
    for model in (Booking, WeeklyAvailability, AvailabilityException):
        label = model._meta.label_lower
        post_save.connect(_changed, sender=model, dispatch_uid=f"slots:{label}:s")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"slots:{label}:d")
