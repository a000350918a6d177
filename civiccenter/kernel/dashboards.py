"""What every quarter's dashboard shows around its figures: the quarter asked for, the way to
the previous and next one, the target and the share of it reached."""

from decimal import Decimal
from typing import Any

from django.http import HttpRequest

from .models import targets_for
from .quarters import Quarter, quarter_from


def share_of_target(done: Decimal | int, target: Decimal | int) -> Decimal:
    """How much of the target is reached, from 0 to 1 (a target of 0 counts as reached)."""
    if not target:
        return Decimal(1)
    return min(Decimal(done) / Decimal(target), Decimal(1))


def quarter_dashboard(
    request: HttpRequest, *, target: str, done: Decimal | None = None
) -> dict[str, Any]:
    """The context of a dashboard of the quarter named by `?quarter=`: the quarter, its
    neighbours and its target `target` (a key of `targets_for`); with `done`, the share."""
    quarter = quarter_from(request)
    return quarter_context(quarter, target=target, done=done)


def quarter_context(
    quarter: Quarter, *, target: str, done: Decimal | None = None
) -> dict[str, Any]:
    goal = targets_for(quarter)[target]
    context: dict[str, Any] = {
        "quarter": quarter,
        "previous": quarter.previous(),
        "next": quarter.next(),
    }
    context["target"] = goal
    if done is not None:
        context["share"] = share_of_target(done, goal)
    return context
