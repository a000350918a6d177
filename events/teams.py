"""Forming the teams of a business game: `team_count` teams of `min_size`–`max_size` people,
each social group spread as evenly as possible. Deterministic: the same participants give
the same teams, whatever order they come in."""

from collections import defaultdict
from collections.abc import Iterable


class TeamsDoNotFit(ValueError):
    pass


def form_teams(
    participants: Iterable[tuple],
    *,
    team_count: int,
    min_size: int,
    max_size: int,
    fixed: list[list[int]] | None = None,
) -> list[list[int]]:
    """participants: (id, social group) or (id, social group, field), those to place.
    `fixed`: the people already in each team who stay there (placed by hand). Returns
    team_count lists of ids, the fixed people first.

    Groups are dealt like cards: the largest group first, each group's members by field and
    id, every next person to the smallest team so far (ties to the lower team number). This
    keeps sizes within one of each other where the fixed people allow it, and every group —
    and within it every field — spread across the teams.
    """
    people = sorted((item[0], item[1], item[2] if len(item) > 2 else "") for item in participants)
    teams: list[list[int]] = [list(team) for team in (fixed or [])]
    teams += [[] for _ in range(team_count - len(teams))]
    placed = sum(len(team) for team in teams)
    if team_count < 1 or min_size < 1 or max_size < min_size or len(teams) != team_count:
        raise TeamsDoNotFit("invalid sizes")
    total = len(people) + placed
    if not team_count * min_size <= total <= team_count * max_size or any(
        len(team) > max_size for team in teams
    ):
        raise TeamsDoNotFit(
            f"{total} people do not fit {team_count} teams of {min_size}–{max_size}"
        )
    groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for person_id, group, field in people:
        groups[group].append((field, person_id))
    order = sorted(groups, key=lambda group: (-len(groups[group]), group))
    cursor = 0
    for group in order:
        for _field, person_id in sorted(groups[group]):
            # Round-robin continues across groups, so group sizes never pile up in team 1.
            smallest = min(len(team) for team in teams)
            while len(teams[cursor % team_count]) != smallest:
                cursor += 1
            teams[cursor % team_count].append(person_id)
            cursor += 1
    return teams


def team_for_a_late_joiner(sizes: list[int], *, max_size: int) -> int | None:
    """The index of the smallest team with room (the lowest number among equals), or None
    when every team is full."""
    open_teams = [(size, index) for index, size in enumerate(sizes) if size < max_size]
    return min(open_teams)[1] if open_teams else None
