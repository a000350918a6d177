from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit

from ..models import Event, GameParticipant, Team
from ..teams import TeamsDoNotFit, form_teams


@transaction.atomic
def teams_form(
    *, event: Event, team_count: int, min_size: int, max_size: int, user: User | None = None
) -> list[Team]:
    """(Re)forms the event's teams from its participants; staff adjust by hand afterwards."""
    participants = list(GameParticipant.objects.select_for_update().filter(event=event))
    try:
        plan = form_teams(
            [(p.pk, p.social_group) for p in participants],
            team_count=team_count,
            min_size=min_size,
            max_size=max_size,
        )
    except TeamsDoNotFit as error:
        raise ValidationError(
            _("%(people)s participants do not fit %(teams)s teams of %(min)s–%(max)s people.")
            % {"people": len(participants), "teams": team_count, "min": min_size, "max": max_size},
            code="do_not_fit",
        ) from error
    GameParticipant.objects.filter(event=event).update(team=None)
    Team.objects.filter(event=event).delete()
    teams = [Team.objects.create(event=event, number=number) for number in range(1, team_count + 1)]
    for team, members in zip(teams, plan, strict=True):
        GameParticipant.objects.filter(pk__in=members).update(team=team)
    audit.record(
        event,
        actor=user,
        action="teams_formed",
        changes={"teams": [None, team_count], "participants": [None, len(participants)]},
    )
    return teams


def participant_move(
    *, participant: GameParticipant, team: Team, user: User | None = None
) -> GameParticipant:
    if team.event_id != participant.event_id:
        raise ValidationError(_("The team belongs to another event."))
    before = participant.team.number if participant.team else None
    participant.team = team
    participant.save(update_fields=["team"])
    audit.record(participant, actor=user, action="moved", changes={"team": [before, team.number]})
    return participant
