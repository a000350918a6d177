from datetime import date, datetime
from typing import Any

from django import template
from django.utils.formats import date_format

from .. import dates, figures
from ..phones import display_phone

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """{{ row|get_item:key }}: a dictionary's value by a key held in a variable."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.filter
def phone(value: str) -> str:
    """{{ organisation.public_phone|phone }}: a stored number as people read it."""
    return display_phone(value)


@register.simple_tag
def time_span(start: datetime, end: datetime) -> str:
    """{% time_span event.starts_at event.ends_at %}: see civiccenter/kernel/dates.py."""
    return dates.time_span(start, end)


@register.filter
def as_version(value: str) -> str:
    """{{ policy_version|as_version }}: a version named by its date (2026-11-25) as people read
    a date («25 ноября 2026»); any other name as it is."""
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        return value
    return date_format(day, "j E Y")


@register.filter(name="roubles")
def roubles_filter(value: Any) -> str:
    """{{ costs_total|roubles }}: see civiccenter/kernel/figures.py."""
    return figures.roubles(value)


@register.filter(name="hours")
def hours_filter(value: Any) -> str:
    """{{ figures.hours|hours }}: see civiccenter/kernel/figures.py."""
    return figures.hours(value)
