from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """{{ row|get_item:key }}: a dictionary's value by a key held in a variable."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""
