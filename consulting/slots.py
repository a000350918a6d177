"""Free consultation slots: weekly availability, minus days off, minus live bookings.

`slots_for` is a plain function of its inputs, so the rule is tested without a database;
`selectors.free_slots` loads the inputs for many consultants in a fixed number of queries.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone


@dataclass(frozen=True, order=True)
class Slot:
    starts_at: datetime
    ends_at: datetime
    consultant_id: int


@dataclass(frozen=True)
class Window:
    weekday: int
    starts: time
    ends: time
    slot_minutes: int


def slots_for(
    *,
    consultant_id: int,
    windows: Iterable[Window],
    days_off: Iterable[tuple[date, date]],
    taken: Iterable[tuple[datetime, datetime]],
    first_day: date,
    days: int,
    not_before: datetime,
) -> list[Slot]:
    """The consultant's free slots on `days` days from `first_day` (local dates), starting no
    earlier than `not_before`."""
    days_off = list(days_off)
    taken = list(taken)
    result = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        if any(start <= day <= end for start, end in days_off):
            continue
        for window in windows:
            if window.weekday != day.weekday():
                continue
            step = timedelta(minutes=window.slot_minutes)
            cursor = timezone.make_aware(datetime.combine(day, window.starts))
            window_end = timezone.make_aware(datetime.combine(day, window.ends))
            while cursor + step <= window_end:
                end = cursor + step
                free = all(
                    end <= busy_start or cursor >= busy_end for busy_start, busy_end in taken
                )
                if cursor >= not_before and free:
                    result.append(Slot(cursor, end, consultant_id))
                cursor = end
    return sorted(result)


def is_offered(slot_start: datetime, slots: Iterable[Slot]) -> Slot | None:
    return next((slot for slot in slots if slot.starts_at == slot_start), None)
