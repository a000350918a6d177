from datetime import datetime
from typing import Any

from django import template

from .. import dates
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
