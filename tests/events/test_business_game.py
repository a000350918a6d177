"""The business game as a centre runs it: late joiners placed without re-forming, forming
again that keeps what teams wrote and what staff moved by hand, moves checked against the
size limits, players who see their team and can leave, joining that registers for the event,
social groups and fields from the coordinator's lists."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from events.models import GameParticipant, Registration, Team
from events.services import games, participants

pytestmark = pytest.mark.django_db


@pytest.fixture
def game(make_event):
    return make_event(
        kind="business_game",
        game_social_groups="Молодёжь\nПенсионеры\nПредприниматели",
        game_fields="Экология\nКультура",
    )


def _players(game, make_user, count, group="Молодёжь"):
    return [
        participants.game_join(event=game, user=make_user(), social_group=group, field="Экология")
        for _ in range(count)
    ]


def test_joining_registers_for_the_event_with_groups_from_the_list(game, make_user):
    person = make_user()
    player = participants.game_join(
        event=game, user=person, social_group="  молодёжь ", field="культура"
    )
    assert (player.social_group, player.field) == ("Молодёжь", "Культура")
    assert Registration.objects.get(event=game, user=person).status == "registered"
    with pytest.raises(ValidationError, match="Выберите социальную группу из списка."):
        participants.game_join(
            event=game, user=make_user(), social_group="Космонавты", field="Культура"
        )


def test_a_late_joiner_goes_to_the_smallest_team_without_reforming(game, make_user, coordinator):
    _players(game, make_user, 5)
    teams = games.teams_form(event=game, team_count=2, min_size=2, max_size=3, user=coordinator)
    before = {p.pk: p.team_id for p in GameParticipant.objects.all()}

    late = _players(game, make_user, 1)[0]

    late.refresh_from_db()
    sizes = {t.number: t.members.count() for t in Team.objects.filter(event=game)}
    assert sizes == {1: 3, 2: 3} and late.team_id == teams[1].pk
    assert {p.pk: p.team_id for p in GameParticipant.objects.exclude(pk=late.pk)} == before
    full = _players(game, make_user, 1)[0]
    full.refresh_from_db()
    assert full.team_id is None  # every team is full: the staff place them by hand


def test_forming_again_keeps_what_teams_wrote_and_hand_moves(game, make_user, coordinator):
    players = _players(game, make_user, 6)
    teams = games.teams_form(event=game, team_count=2, min_size=2, max_size=4, user=coordinator)
    Team.objects.filter(pk=teams[0].pk).update(problems="Нет освещения", solutions="Фонари")
    moved = next(p for p in GameParticipant.objects.all() if p.team_id == teams[0].pk)
    games.participant_move(participant=moved, team=teams[1], user=coordinator)
    _players(game, make_user, 2)

    games.teams_form(event=game, team_count=2, min_size=2, max_size=4, user=coordinator)

    first = Team.objects.get(pk=teams[0].pk)
    assert (first.problems, first.solutions) == ("Нет освещения", "Фонари")
    assert GameParticipant.objects.get(pk=moved.pk).team_id == teams[1].pk
    assert GameParticipant.objects.filter(event=game, team=None).count() == 0
    assert len(players) == 6

    games.teams_form(
        event=game, team_count=2, min_size=2, max_size=4, user=coordinator, start_over=True
    )
    assert not Team.objects.filter(problems="Нет освещения").exists()
    assert not GameParticipant.objects.filter(placed_by_hand=True).exists()


def test_hand_moves_respect_the_size_limits(game, make_user, coordinator):
    _players(game, make_user, 4)
    teams = games.teams_form(event=game, team_count=2, min_size=2, max_size=2, user=coordinator)
    player = GameParticipant.objects.filter(team=teams[0]).first()
    with pytest.raises(ValidationError, match="Команда 2 заполнена"):
        games.participant_move(participant=player, team=teams[1], user=coordinator)

    game.refresh_from_db()
    game.game_team_max = 3
    game.save()
    move = games.participant_move(participant=player, team=teams[1], user=coordinator)
    assert "Команда 1 теперь меньше 2 человек" in move.warning


def test_a_player_sees_their_team_and_can_leave(client, game, make_user, coordinator):
    players = _players(game, make_user, 4)
    games.teams_form(event=game, team_count=2, min_size=2, max_size=2, user=coordinator)
    me = GameParticipant.objects.get(pk=players[0].pk)
    client.force_login(me.user)

    page = client.get(reverse("events:event", args=[game.slug])).content.decode()
    assert f"Ваша команда: {me.team.number}" in page

    client.post(reverse("events:game_leave", args=[game.slug]))
    assert not GameParticipant.objects.filter(pk=me.pk).exists()
    assert Registration.objects.get(event=game, user=me.user).status == "registered"
