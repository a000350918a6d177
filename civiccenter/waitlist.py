"""The waitlist rule shared by training sessions and events: freed places go to the people
waiting, in the order they joined. Call it with the session's or event's row locked."""

from collections.abc import Callable

from django.db.models import QuerySet


def fill_free_places(
    *, capacity: int | None, taken: int, waiting: QuerySet, promote: Callable
) -> list:
    if capacity is None:
        return []
    free = capacity - taken
    if free <= 0:
        return []
    moved = list(waiting.order_by("created_at", "id")[:free])
    for item in moved:
        promote(item)
    return moved
