"""The waitlist rules shared by training sessions and events. Call them with the session's or
event's row locked, so that simultaneous sign-ups never exceed the places."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db.models import QuerySet


def joins_waitlist(
    *, capacity: int | None, taken: int, waitlist_accepted: bool, full: ValidationError
) -> bool:
    """Whether a new sign-up waits: the places are gone (None: no limit) and the person agreed
    to wait. Raises `full` when they are gone and the person did not agree."""
    is_full = capacity is not None and taken >= capacity
    if is_full and not waitlist_accepted:
        raise full
    return is_full


def fill_free_places(
    *, capacity: int | None, taken: int, waiting: QuerySet, promote: Callable
) -> list:
    """Freed places go to the people waiting, in the order they joined."""
    if capacity is None:
        return []
    free = capacity - taken
    if free <= 0:
        return []
    moved = list(waiting.order_by("created_at", "id")[:free])
    for item in moved:
        promote(item)
    return moved
