from typing import Any

from django import template

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
