"""The business game (seed 003): teams formed from the players, late joiners placed without
re-forming, hand moves kept and checked against the size limits."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit

from ..models import Event, GameParticipant, Team
from ..teams import TeamsDoNotFit, form_teams, team_for_a_late_joiner


def _do_not_fit(people: int, teams: int, low: int, high: int) -> ValidationError:
    return ValidationError(
        _("%(people)s participants do not fit %(teams)s teams of %(min)s–%(max)s people.")
        % {"people": people, "teams": teams, "min": low, "max": high},
        code="do_not_fit",
    )


@transaction.atomic
def teams_form(
    *,
    event: Event,
    team_count: int,
    min_size: int,
    max_size: int,
    user: User | None = None,
    start_over: bool = False,
) -> list[Team]:
    """Forms the event's teams from its players. Forming again keeps the teams with their
    problems and solutions and everyone the staff placed by hand, and deals the others anew;
    `start_over` deletes the teams and forgets the hand moves."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    participants = list(GameParticipant.objects.select_for_update().filter(event=event))
    existing = list(Team.objects.filter(event=event).order_by("number"))
    if start_over or not existing:
        Team.objects.filter(event=event).delete()
        GameParticipant.objects.filter(event=event).update(team=None, placed_by_hand=False)
        for participant in participants:
            participant.team_id, participant.placed_by_hand = None, False
        existing = []
    if len(existing) > team_count:
        raise ValidationError(
            _("There are %(teams)s teams already. To have fewer, start over.")
            % {"teams": len(existing)},
            code="fewer_teams",
        )
    teams = existing + [
        Team.objects.create(event=event, number=number)
        for number in range(len(existing) + 1, team_count + 1)
    ]
    index_of = {team.pk: index for index, team in enumerate(teams)}
    fixed: list[list[int]] = [[] for _ in teams]
    to_place = []
    for participant in participants:
        if participant.placed_by_hand and participant.team_id in index_of:
            fixed[index_of[participant.team_id]].append(participant.pk)
        else:
            to_place.append((participant.pk, participant.social_group, participant.field))
    try:
        plan = form_teams(
            to_place, team_count=team_count, min_size=min_size, max_size=max_size, fixed=fixed
        )
    except TeamsDoNotFit as error:
        raise _do_not_fit(len(participants), team_count, min_size, max_size) from error
    for team, members in zip(teams, plan, strict=True):
        GameParticipant.objects.filter(pk__in=members, placed_by_hand=False).update(team=team)
    event.game_team_min, event.game_team_max = min_size, max_size
    event.save(update_fields=["game_team_min", "game_team_max"])
    audit.record(
        event,
        actor=user,
        action="teams_formed",
        changes={
            "teams": [None, team_count],
            "participants": [None, len(participants)],
            "start over": [None, start_over],
        },
    )
    return teams


@dataclass(frozen=True)
class Move:
    participant: GameParticipant
    warning: str = ""


@transaction.atomic
def participant_move(*, participant: GameParticipant, team: Team, user: User | None = None) -> Move:
    """Staff place a player in a team by hand; forming again keeps them there. A full team is
    refused; a team left below the minimum is allowed with a warning."""
    if team.event_id != participant.event_id:
        raise ValidationError(_("The team belongs to another event."))
    event = Event.objects.select_for_update().get(pk=participant.event_id)
    sizes = dict(
        Team.objects.filter(event=event).annotate(size=Count("members")).values_list("pk", "size")
    )
    if participant.team_id != team.pk and sizes.get(team.pk, 0) >= event.game_team_max:
        raise ValidationError(
            _("Team %(number)s is full: at most %(max)s people.")
            % {"number": team.number, "max": event.game_team_max},
            code="team_full",
        )
    before = participant.team
    warning = ""
    if before is not None and before.pk != team.pk and sizes[before.pk] - 1 < event.game_team_min:
        warning = _("Team %(number)s now has fewer than %(min)s people.") % {
            "number": before.number,
            "min": event.game_team_min,
        }
    participant.team, participant.placed_by_hand = team, True
    participant.save(update_fields=["team", "placed_by_hand"])
    audit.record(
        participant,
        actor=user,
        action="moved",
        changes={"team": [before.number if before else None, team.number]},
    )
    return Move(participant, warning)


def late_joiner_place(participant: GameParticipant) -> Team | None:
    """A player who joins after the teams are formed goes to the smallest team with room;
    with every team full they wait for the staff. Call with the event's row locked."""
    teams = list(
        Team.objects.filter(event_id=participant.event_id)
        .annotate(size=Count("members"))
        .order_by("number")
    )
    if not teams:
        return None
    index = team_for_a_late_joiner(
        [team.size for team in teams], max_size=participant.event.game_team_max
    )
    if index is None:
        return None
    participant.team = teams[index]
    participant.save(update_fields=["team"])
    return teams[index]
