"""Forming the teams of a business game: `team_count` teams of `min_size`–`max_size` people,
each social group spread as evenly as possible. Deterministic: the same participants give
the same teams, whatever order they come in."""

from collections import defaultdict
from collections.abc import Iterable


class TeamsDoNotFit(ValueError):
    pass


def form_teams(
    participants: Iterable[tuple[int, str]], *, team_count: int, min_size: int, max_size: int
) -> list[list[int]]:
    """participants: (id, social group). Returns team_count lists of ids.

    Groups are dealt like cards: the largest group first, each group's members in id order,
    every next person to the smallest team so far (ties to the lower team number). This keeps
    sizes within one of each other and every group spread across the teams.
    """
    people = sorted(participants)
    if team_count < 1 or min_size < 1 or max_size < min_size:
        raise TeamsDoNotFit("invalid sizes")
    if not team_count * min_size <= len(people) <= team_count * max_size:
        raise TeamsDoNotFit(
            f"{len(people)} people do not fit {team_count} teams of {min_size}–{max_size}"
        )
    groups: dict[str, list[int]] = defaultdict(list)
    for person_id, group in people:
        groups[group].append(person_id)
    order = sorted(groups, key=lambda group: (-len(groups[group]), group))
    teams: list[list[int]] = [[] for _ in range(team_count)]
    cursor = 0
    for group in order:
        for person_id in groups[group]:
            # Round-robin continues across groups, so group sizes never pile up in team 1.
            smallest = min(len(team) for team in teams)
            while len(teams[cursor % team_count]) != smallest:
                cursor += 1
            teams[cursor % team_count].append(person_id)
            cursor += 1
    return teams
