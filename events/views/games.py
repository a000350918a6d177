from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from ..models import Event, GameParticipant, Team
from ..services import games


class TeamsView(PermissionRequiredMixin, View):
    """Staff form the teams, move people between them and print the lists."""

    permission_required = "events.change_team"
    template_name = "events/teams.html"

    def get(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        teams = event.teams.prefetch_related("members__user")
        unassigned = event.game_participants.filter(team=None).select_related("user")
        return render(
            request, self.template_name, {"event": event, "teams": teams, "unassigned": unassigned}
        )

    def post(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        try:
            if "participant" in request.POST:
                games.participant_move(
                    participant=get_object_or_404(
                        GameParticipant, pk=request.POST["participant"], event=event
                    ),
                    team=get_object_or_404(Team, pk=request.POST["team"], event=event),
                    user=request.user,
                )
            else:
                games.teams_form(
                    event=event,
                    team_count=int(request.POST.get("teams", 12)),
                    min_size=int(request.POST.get("min_size", 10)),
                    max_size=int(request.POST.get("max_size", 12)),
                    user=request.user,
                )
                messages.success(request, _("The teams are formed."))
        except (ValidationError, ValueError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("events:teams", slug)
