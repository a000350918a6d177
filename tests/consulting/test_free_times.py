"""Free slots kept compactly give back the same slots, in the page's order, only where asked."""

from datetime import timedelta

from consulting.forms import slot_value
from consulting.free_times import FreeTimes, compact
from consulting.slots import Slot
from tests.consulting.conftest import local


def _hourly(consultant_id: int, day: int, hours: list[int]) -> list[Slot]:
    return [Slot(local(day, hour), local(day, hour + 1), consultant_id) for hour in hours]


ANNA = _hourly(1, 0, [10, 11, 14]) + _hourly(1, 2, [10])
BORIS = _hourly(2, 0, [11, 12]) + _hourly(2, 1, [9])
TIMES = FreeTimes({1: compact(ANNA), 2: compact(BORIS)})


def test_all_slots_come_back_by_start_then_consultant_in_local_time():
    slots = TIMES.slots()
    assert slots == sorted(ANNA + BORIS)
    assert [slot_value(slot) for slot in slots] == [slot_value(s) for s in sorted(ANNA + BORIS)]
    assert slots[1].starts_at.isoformat() == local(0, 11).isoformat()  # the centre's offset


def test_a_days_slots_their_count_and_the_first():
    monday = TIMES.slots(local(0, 0), local(1, 0))
    assert [(slot.starts_at.hour, slot.consultant_id) for slot in monday] == [
        (10, 1),
        (11, 1),
        (11, 2),
        (12, 2),
        (14, 1),
    ]
    assert TIMES.count(local(0, 0), local(1, 0)) == 5
    assert TIMES.count(local(3, 0), local(4, 0)) == 0
    assert TIMES.first() == ANNA[0]
    assert TIMES.first(local(1, 0), local(3, 0)) == BORIS[-1]
    assert TIMES.first(local(3, 0), local(4, 0)) is None


def test_slots_too_soon_are_left_out():
    later = TIMES.not_before(local(0, 11) + timedelta(minutes=1))
    assert later.slots() == sorted([ANNA[2], ANNA[3], BORIS[1], BORIS[2]])
    assert FreeTimes({}).first() is None
    assert FreeTimes({1: ([], [])}).slots() == []
