"""The poster session: submitting stand reports, review, jury scores, gallery and vote."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Avg, Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from initiatives.selectors import organisations_of

from ..forms import ReportForm
from ..models import Event, JuryScore, StandReport
from ..services import posters


class SubmitReportView(LoginRequiredMixin, View):
    template_name = "events/report_form.html"

    def get(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        return render(
            request,
            self.template_name,
            {"event": event, "form": ReportForm(organisations=organisations_of(request.user))},
        )

    def post(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        form = ReportForm(request.POST, request.FILES, organisations=organisations_of(request.user))
        form.instance.event = event
        form.instance.submitted_by = request.user
        if form.is_valid():
            try:
                posters.report_submit(event=event, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The stand report is submitted."))
                return redirect("events:gallery", slug)
        return render(request, self.template_name, {"event": event, "form": form})


class GalleryView(View):
    """Accepted reports with awards, votes and the jury's average; staff also see the rest."""

    template_name = "events/gallery.html"

    def get(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        reports = (
            event.stand_reports.select_related("organisation")
            .annotate(vote_count=Count("votes", distinct=True), jury=Avg("scores__score"))
            .prefetch_related("comments")
        )
        if not request.user.has_perm("events.change_standreport"):
            reports = reports.filter(status=StandReport.Status.ACCEPTED)
        context = {
            "event": event,
            "reports": reports.order_by("-vote_count", "title"),
            "criteria": JuryScore.Criterion.choices,
            "can_review": request.user.has_perm("events.change_standreport"),
        }
        return render(request, self.template_name, context)


class ReportActionView(LoginRequiredMixin, View):
    """POST: vote (anyone signed in), review or score (staff)."""

    http_method_names = ["post"]

    def post(self, request, pk, action):
        report = get_object_or_404(StandReport.objects.select_related("event"), pk=pk)
        try:
            if action == "vote":
                posters.vote(report=report, user=request.user)
                messages.success(request, _("Your vote is counted."))
            elif not request.user.has_perm("events.change_standreport"):
                raise ValidationError(_("Only the centre's staff review reports."))
            elif action == "review":
                posters.report_review(
                    report=report,
                    staff=request.user,
                    status=request.POST.get("status", ""),
                    comment=request.POST.get("comment", ""),
                )
            else:
                for criterion, _label in JuryScore.Criterion.choices:
                    value = request.POST.get(criterion)
                    if value:
                        posters.jury_score(
                            report=report, juror=request.user, criterion=criterion, score=int(value)
                        )
        except (ValidationError, ValueError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("events:gallery", report.event.slug)
