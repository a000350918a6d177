"""The free slots of a topic's consultants, kept compactly: for each consultant the sorted
starts and ends of their slots as whole seconds since the epoch (found: a busy topic's 2,000
`Slot` objects were about a millisecond to unpickle from the cache and another to sort on
every view of the booking page, which shows one day of them).

`Slot` objects are made only for the times asked for — a day's, or all of them when a
booking is checked — in the order the page offers them: by start, then consultant."""

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo

from django.utils import timezone

from .slots import Slot

# One consultant's free slots: their starts and their ends, in seconds since the epoch.
type Compact = tuple[list[int], list[int]]


def compact(slots: Iterable[Slot]) -> Compact:
    """The slots (sorted by start) as two lists of whole seconds."""
    starts: list[int] = []
    ends: list[int] = []
    for slot in slots:
        starts.append(int(slot.starts_at.timestamp()))
        ends.append(int(slot.ends_at.timestamp()))
    return starts, ends


def _seconds(moment: datetime | None, default: int) -> int:
    return default if moment is None else int(moment.timestamp())


@dataclass(frozen=True)
class FreeTimes:
    """{consultant id: their compact free slots}."""

    by_consultant: Mapping[int, Compact]

    def _ranges(
        self, start: datetime | None, end: datetime | None
    ) -> Iterator[tuple[int, list[int], list[int], int, int]]:
        """(consultant id, starts, ends, low, high): their slots [low, high) begin in
        [start, end)."""
        low_seconds, high_seconds = _seconds(start, -(2**62)), _seconds(end, 2**62)
        for consultant_id, (starts, ends) in self.by_consultant.items():
            low = bisect_left(starts, low_seconds)
            yield consultant_id, starts, ends, low, bisect_left(starts, high_seconds, lo=low)

    def count(self, start: datetime, end: datetime) -> int:
        """How many free slots begin in [start, end)."""
        return sum(high - low for _pk, _starts, _ends, low, high in self._ranges(start, end))

    def slots(self, start: datetime | None = None, end: datetime | None = None) -> list[Slot]:
        """The free slots that begin in [start, end) (all of them without bounds), by start
        and then consultant."""
        found = sorted(
            (starts[index], consultant_id, ends[index])
            for consultant_id, starts, ends, low, high in self._ranges(start, end)
            for index in range(low, high)
        )
        zone = timezone.get_current_timezone()
        return [_slot(*found_slot, zone) for found_slot in found]

    def first(self, start: datetime | None = None, end: datetime | None = None) -> Slot | None:
        """The first free slot that begins in [start, end)."""
        firsts = [
            (starts[low], consultant_id, ends[low])
            for consultant_id, starts, ends, low, high in self._ranges(start, end)
            if low < high
        ]
        if not firsts:
            return None
        return _slot(*min(firsts), timezone.get_current_timezone())

    def not_before(self, moment: datetime) -> "FreeTimes":
        """Only the slots that begin at `moment` or later."""
        return FreeTimes(
            {
                consultant_id: (starts[low:], ends[low:])
                for consultant_id, starts, ends, low, _high in self._ranges(moment, None)
            }
        )


def _slot(begins: int, consultant_id: int, finishes: int, zone: tzinfo) -> Slot:
    """A slot of local times, as `slots.slots_for` makes them."""
    return Slot(
        datetime.fromtimestamp(begins, zone), datetime.fromtimestamp(finishes, zone), consultant_id
    )
