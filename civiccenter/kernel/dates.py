"""Dates and times as people read them: one helper for every page, PDF and letter."""

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format


def time_span(start: datetime, end: datetime) -> str:
    """«11 января 2027, 11:00–18:00» within a day; «11 января, 11:00 — 12 января 2027, 18:00»
    over two days of a year; both years when they differ. Local time of the centre."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    if start.date() == end.date():
        return f"{date_format(start, 'j E Y')}, {start:%H:%M}–{end:%H:%M}"
    first = "j E" if start.year == end.year else "j E Y"
    return f"{date_format(start, first)}, {start:%H:%M} — {date_format(end, 'j E Y')}, {end:%H:%M}"


def day_span(start: date, end: date) -> str:
    """A range of days, «1 января 2026 г. — 30 июня 2026 г.», as reports name their period."""
    return f"{date_format(start, 'DATE_FORMAT')} — {date_format(end, 'DATE_FORMAT')}"
