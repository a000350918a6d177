"""Complex consulting: roadmaps shared by an initiative and its consultant, expert councils."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from ..forms import MilestoneForm
from ..models import ExpertCouncil, Milestone, Roadmap
from ..services import roadmaps


class RoadmapView(LoginRequiredMixin, View):
    """The team and the consultant work on a roadmap; the administration reads it."""

    template_name = "consulting/roadmap.html"

    def _roadmap(self, request, pk) -> tuple[Roadmap, bool]:
        """The roadmap, and whether this person may change it (or only read it)."""
        roadmap = get_object_or_404(
            Roadmap.objects.select_related("organisation", "consultant__user"), pk=pk
        )
        can_change = roadmaps.may_work_on(request.user, roadmap)
        if not (can_change or request.user.has_perm("consulting.view_roadmap")):
            raise PermissionDenied
        return roadmap, can_change

    def _render(self, request, roadmap, *, can_change=True, form=None):
        context = {
            "roadmap": roadmap,
            "milestones": roadmap.milestones.all(),
            "statuses": Milestone.Status.choices,
            "form": form or MilestoneForm(),
            "can_change": can_change,
        }
        return render(request, self.template_name, context)

    def get(self, request, pk):
        roadmap, can_change = self._roadmap(request, pk)
        return self._render(request, roadmap, can_change=can_change)

    def post(self, request, pk):
        """Adds a milestone, or changes the status of one."""
        roadmap, can_change = self._roadmap(request, pk)
        if not can_change:
            raise PermissionDenied
        milestone_id = request.POST.get("milestone")
        if milestone_id:
            milestone = get_object_or_404(Milestone, pk=milestone_id, roadmap=roadmap)
            try:
                roadmaps.milestone_set_status(
                    milestone=milestone, user=request.user, status=request.POST.get("status", "")
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The milestone is updated."))
            return redirect("consulting:roadmap", roadmap.pk)
        form = MilestoneForm(request.POST)
        if form.is_valid():
            try:
                roadmaps.milestone_add(roadmap=roadmap, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The milestone is added."))
                return redirect("consulting:roadmap", roadmap.pk)
        return self._render(request, roadmap, form=form)


class CouncilsView(PermissionRequiredMixin, View):
    permission_required = "consulting.view_expertcouncil"
    template_name = "consulting/councils.html"

    def get(self, request):
        councils = ExpertCouncil.objects.select_related("organisation").prefetch_related("experts")
        roadmaps = Roadmap.objects.select_related("organisation", "consultant__user")
        return render(
            request, self.template_name, {"councils": councils[:100], "roadmaps": roadmaps[:100]}
        )
