"""The slot rule as a plain function: no database."""

from datetime import UTC, date, time, timedelta

from consulting.slots import Window, slots_for
from tests.consulting.conftest import local

MONDAY = date(2026, 11, 30)
WINDOWS = [Window(0, time(10), time(13), 60), Window(2, time(14), time(16), 30)]


def _starts(**kwargs):
    defaults = dict(
        consultant_id=1,
        windows=WINDOWS,
        days_off=[],
        taken=[],
        first_day=MONDAY,
        days=7,
        not_before=local(0, 0),
    )
    return [
        (slot.starts_at, slot.ends_at - slot.starts_at)
        for slot in slots_for(**{**defaults, **kwargs})
    ]


def test_windows_are_cut_into_slots_in_local_time():
    starts = _starts()
    assert starts[:3] == [(local(0, h), timedelta(hours=1)) for h in (10, 11, 12)]
    assert starts[3:] == [(local(2, 14, m), timedelta(minutes=30)) for m in (0, 30)] + [
        (local(2, 15, m), timedelta(minutes=30)) for m in (0, 30)
    ]
    # 10:00 in Perm is 05:00 UTC.
    assert starts[0][0].astimezone(UTC).hour == 5


def test_days_off_taken_times_and_the_past_are_not_offered():
    starts = [
        s
        for s, _ in _starts(
            days_off=[(date(2026, 12, 2), date(2026, 12, 2))],
            taken=[(local(0, 10, 30), local(0, 11, 30))],
            not_before=local(0, 9, 59),
        )
    ]
    assert starts == [local(0, 12)]


def test_next_week_repeats():
    starts = [s for s, _ in _starts(days=8)]
    assert starts[-1] == local(7, 12)
