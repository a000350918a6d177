"""The booking page shows one day of free slots at a time, in a strip of the week's days that
says how many free times each has (found: all three weeks of a busy topic were ≈2,000 radio
buttons, 322 KB and 0.8 s of CPU per view, 5,600 px tall on a phone; one week of four busy
consultants was still 670 radios and over 100 KB).

Pure functions: which week and day a request asks for, the week's days with their free
times, and the day's slots grouped by consultant; the first free slot of the whole horizon
is offered on top by the view. The free slots come as `FreeTimes`: only the day's are made
into `Slot` objects."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import formats, timezone

from .free_times import FreeTimes
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


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def between(times: FreeTimes, first: date, days: int) -> list[Slot]:
    """The free slots that begin on the `days` local days from `first`."""
    return times.slots(_midnight(first), _midnight(first + timedelta(days=days)))


@dataclass
class WeekDay:
    day: date
    label: str
    free: int
    chosen: bool


def chosen_day(text: str, *, monday: date, times: FreeTimes) -> date:
    """The day asked for when it is in the week; else the week's first day with a free time;
    else its Monday."""
    try:
        asked = date.fromisoformat(text)
    except (TypeError, ValueError):
        asked = None
    if asked is not None and monday <= asked < monday + timedelta(days=7):
        return asked
    first = times.first(_midnight(monday), _midnight(monday + timedelta(days=7)))
    return timezone.localdate(first.starts_at) if first else monday


def week_days(monday: date, times: FreeTimes, chosen: date) -> list[WeekDay]:
    """The seven days of the week, each with the number of free times on it (counted by
    bisection of each consultant's sorted starts, not a slot made for each)."""
    days = [monday + timedelta(days=offset) for offset in range(7)]
    return [
        WeekDay(
            day,
            formats.date_format(day, "D, j E"),
            times.count(_midnight(day), _midnight(day + timedelta(days=1))),
            day == chosen,
        )
        for day in days
    ]


@dataclass
class ConsultantDay:
    consultant: object
    choices: list[tuple[str, str]] = field(default_factory=list)


def group_by_consultant(consultants, slots: list[Slot], value) -> list[ConsultantDay]:
    """One day's slots by consultant (in the page's order), each labelled by its times only:
    the day is the heading above them."""
    groups = {consultant.pk: ConsultantDay(consultant) for consultant in consultants}
    for slot in slots:
        start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
        groups[slot.consultant_id].choices.append((value(slot), f"{start:%H:%M}–{end:%H:%M}"))
    return [group for group in groups.values() if group.choices]
