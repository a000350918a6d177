"""The team-forming algorithm: sizes within bounds, groups balanced, deterministic."""

import random
from collections import Counter

import pytest

from events.teams import TeamsDoNotFit, form_teams

GROUPS = ["пенсионеры", "студенты", "предприниматели", "чиновники", "родители", "активисты"]


def _people(count, seed=1):
    rng = random.Random(seed)
    return [(n, rng.choice(GROUPS)) for n in range(1, count + 1)]


@pytest.mark.parametrize("count", [120, 131, 144])
def test_twelve_teams_of_ten_to_twelve(count):
    teams = form_teams(_people(count), team_count=12, min_size=10, max_size=12)

    sizes = [len(team) for team in teams]
    assert len(teams) == 12 and sum(sizes) == count
    assert all(10 <= size <= 12 for size in sizes)
    assert max(sizes) - min(sizes) <= 1
    assert sorted(p for team in teams for p in team) == list(range(1, count + 1))


def test_every_group_is_spread_evenly():
    people = _people(130)
    group_of = dict(people)
    teams = form_teams(people, team_count=12, min_size=10, max_size=12)

    for group in Counter(group_of.values()):
        per_team = [sum(group_of[p] == group for p in team) for team in teams]
        assert max(per_team) - min(per_team) <= 1, (group, per_team)


def test_the_same_people_give_the_same_teams_in_any_order():
    people = _people(125)
    shuffled = people[:]
    random.Random(7).shuffle(shuffled)

    assert form_teams(people, team_count=12, min_size=10, max_size=12) == form_teams(
        shuffled, team_count=12, min_size=10, max_size=12
    )


@pytest.mark.parametrize("count", [119, 145])
def test_too_few_or_too_many_people_do_not_fit(count):
    with pytest.raises(TeamsDoNotFit):
        form_teams(_people(count), team_count=12, min_size=10, max_size=12)


def test_fields_are_spread_within_a_social_group():
    # Twelve young people, six of them ecologists: each of the two teams gets three.
    people = [(n, "молодёжь", "экология" if n % 2 else "культура") for n in range(1, 13)]
    field_of = {n: f for n, _g, f in people}
    teams = form_teams(people, team_count=2, min_size=6, max_size=6)
    assert [sum(field_of[p] == "экология" for p in team) for team in teams] == [3, 3]


def test_people_placed_by_hand_stay_in_their_team():
    teams = form_teams(
        [(n, "a") for n in range(3, 7)], team_count=2, min_size=3, max_size=3, fixed=[[1, 2], []]
    )
    assert teams[0][:2] == [1, 2] and sorted(teams[0] + teams[1]) == list(range(1, 7))
    assert [len(team) for team in teams] == [3, 3]
