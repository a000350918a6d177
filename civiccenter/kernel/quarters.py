"""Quarters of the year, the unit of the centre's targets and reports.

Dates are the centre's local dates; `bounds()` turns a quarter into an aware half-open range
of instants in the centre's time zone.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_PATTERN = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def of(cls, day: date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def current(cls) -> "Quarter":
        return cls.of(timezone.localdate())

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        """`2026-Q4` → Quarter(2026, 4); ValueError for anything else."""
        match = _PATTERN.match(text or "")
        if not match:
            raise ValueError(f"not a quarter: {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        """The last day of the quarter."""
        return self.next().start - timedelta(days=1)

    def next(self) -> "Quarter":
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self) -> "Quarter":
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    def bounds(self) -> tuple[datetime, datetime]:
        """[first instant, first instant of the next quarter) in the centre's time zone."""
        return (
            timezone.make_aware(datetime.combine(self.start, time.min)),
            timezone.make_aware(datetime.combine(self.next().start, time.min)),
        )

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def label(self) -> str:
        return _("%(roman)s quarter %(year)s") % {"roman": _ROMAN[self.number], "year": self.year}

    def working_days_left(self, today: date) -> int:
        """Monday-to-Friday days from today (inclusive) to the quarter's end."""
        if today > self.end:
            return 0
        day, count = max(today, self.start), 0
        while day <= self.end:
            count += day.weekday() < 5
            day += timedelta(days=1)
        return count


def quarter_from(request: HttpRequest) -> Quarter:
    """The quarter a page was asked for (`?quarter=2026-Q3`), or the current one."""
    try:
        return Quarter.parse(request.GET.get("quarter", ""))
    except ValueError:
        return Quarter.current()


def validate_not_in_future(value: date) -> None:
    """A date of something that has happened (founded, registered, awarded, signed)."""
    if value and value > timezone.localdate():
        raise ValidationError(
            gettext_lazy("This date is in the future: enter the day it happened."),
            code="date_in_future",
        )
