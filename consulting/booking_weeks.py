"""The booking page shows one week of free slots at a time (found: all three weeks of a busy
topic were ≈2,000 radio buttons, 322 KB and 0.8 s of CPU per view, 5,600 px tall on a phone).

Pure functions: which week a request asks for, and the week's slots grouped by consultant and
day, with the first free slot of the whole horizon offered on top."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import formats, timezone

from .slots import Slot


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def chosen_week(text: str, *, today: date, horizon_days: int, first_free: date | None) -> date:
    """The Monday of the week asked for (`2026-12-07`, any day of it), kept between this week
    and the last week of the booking horizon; without one, the week of the first free slot."""
    first, last = monday_of(today), monday_of(today + timedelta(days=horizon_days))
    try:
        asked = monday_of(date.fromisoformat(text))
    except (TypeError, ValueError):
        asked = monday_of(first_free) if first_free else first
    return min(max(asked, first), last)


@dataclass
class Day:
    label: str
    choices: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ConsultantWeek:
    consultant: object
    days: list[Day] = field(default_factory=list)


def in_week(slots: Iterable[Slot], monday: date) -> list[Slot]:
    end = monday + timedelta(days=7)
    return [slot for slot in slots if monday <= timezone.localdate(slot.starts_at) < end]


def group_by_day(consultants, choices: dict[str, str], slots: list[Slot], value) -> list:
    """The week's choices, by consultant (in the page's order) and by day."""
    weeks = {consultant.pk: ConsultantWeek(consultant) for consultant in consultants}
    for slot in slots:
        week = weeks[slot.consultant_id]
        day = timezone.localdate(slot.starts_at)
        label = formats.date_format(day, "l, j E")
        if not week.days or week.days[-1].label != label:
            week.days.append(Day(label))
        key = value(slot)
        week.days[-1].choices.append((key, choices[key]))
    return [week for week in weeks.values() if week.days]
