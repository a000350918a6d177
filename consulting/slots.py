"""Free consultation slots: weekly availability, minus days off, minus live bookings.

`slots_for` is a plain function of its inputs, so the rule is tested without a database;
`selectors.free_slots` loads the inputs for many consultants in a fixed number of queries.
"""

from bisect import bisect_right
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
    busy_starts, busy_ends = _merged(taken)
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
                if cursor >= not_before and _is_free(cursor, end, busy_starts, busy_ends):
                    result.append(Slot(cursor, end, consultant_id))
                cursor = end
    return sorted(result)


def _merged(taken: Iterable[tuple[datetime, datetime]]) -> tuple[list, list]:
    """Busy time as sorted, disjoint intervals (starts, ends): a consultant may hold hundreds
    of bookings, and each candidate slot is then checked in O(log n) rather than against all."""
    starts: list[datetime] = []
    ends: list[datetime] = []
    for start, end in sorted(taken):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _is_free(start: datetime, end: datetime, busy_starts: list, busy_ends: list) -> bool:
    """Whether [start, end) overlaps none of the disjoint busy intervals."""
    before = bisect_right(busy_starts, start) - 1  # the last one starting at or before `start`
    if before >= 0 and busy_ends[before] > start:
        return False
    after = before + 1  # the first one starting after `start`
    return after >= len(busy_starts) or busy_starts[after] >= end


def is_offered(slot_start: datetime, slots: Iterable[Slot]) -> Slot | None:
    return next((slot for slot in slots if slot.starts_at == slot_start), None)
