from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Event, GameParticipant, Team
from ..teams import TeamsDoNotFit, form_teams


@transaction.atomic
def teams_form(*, event: Event, team_count: int, min_size: int, max_size: int) -> list[Team]:
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
    return teams


def participant_move(*, participant: GameParticipant, team: Team) -> GameParticipant:
    if team.event_id != participant.event_id:
        raise ValidationError(_("The team belongs to another event."))
    participant.team = team
    participant.save(update_fields=["team"])
    return participant
