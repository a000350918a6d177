from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.signed_in import signed_in_user
from civiccenter.kernel.access_log import RecordsPersonalDataViews

from ..models import Event, GameParticipant, Team
from ..services import games, participants


class TeamsView(PermissionRequiredMixin, RecordsPersonalDataViews, View):
    """Staff form the teams, move people between them and print the lists."""

    permission_required = "events.change_team"
    template_name = "events/teams.html"

    def get(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        teams = event.teams.prefetch_related("members__user").annotate(size=Count("members"))
        unassigned = event.game_participants.filter(team=None).select_related("user")
        return render(
            request, self.template_name, {"event": event, "teams": teams, "unassigned": unassigned}
        )

    def post(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        try:
            if "participant" in request.POST:
                move = games.participant_move(
                    participant=get_object_or_404(
                        GameParticipant, pk=request.POST["participant"], event=event
                    ),
                    team=get_object_or_404(Team, pk=request.POST.get("team"), event=event),
                    user=request.user,
                )
                if move.warning:
                    messages.warning(request, move.warning)
            else:
                games.teams_form(
                    event=event,
                    team_count=int(request.POST.get("teams", 12)),
                    min_size=int(request.POST.get("min_size", event.game_team_min)),
                    max_size=int(request.POST.get("max_size", event.game_team_max)),
                    user=request.user,
                    start_over=request.POST.get("start_over") == "1",
                )
                messages.success(request, _("The teams are formed."))
        except (ValidationError, ValueError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("events:teams", slug)


class GameLeaveView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug):
        event = get_object_or_404(Event, slug=slug, kind=Event.Kind.BUSINESS_GAME)
        try:
            participants.game_leave(event=event, user=signed_in_user(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("You have left the game. Your ticket to the event stays."))
        return redirect("events:event", slug)
