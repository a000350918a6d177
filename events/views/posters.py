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
    """The author's stand reports for the event — status and the staff's comments — and the
    form: empty for a new report, or the last version of one sent back for changes. After the
    deadline the page says so instead of offering a form to fill in."""

    template_name = "events/report_form.html"

    def _mine(self, request, event):
        return (
            event.stand_reports.filter(organisation__in=organisations_of(request.user))
            .select_related("organisation")
            .prefetch_related("comments")
            .order_by("title")
        )

    def _editing(self, request, event):
        """The report chosen for a new version (?report=), if it is the person's and open."""
        report_id = request.GET.get("report", "")
        if not report_id.isdigit():
            return None
        return get_object_or_404(
            self._mine(request, event).filter(status__in=StandReport.OPEN_TO_AUTHOR),
            pk=report_id,
        )

    def _render(self, request, event, form):
        context = {
            "event": event,
            "form": form,
            "mine": self._mine(request, event),
            "closed": posters.reports_deadline_passed(event),
        }
        return render(request, self.template_name, context)

    def get(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        form = ReportForm(
            instance=self._editing(request, event), organisations=organisations_of(request.user)
        )
        return self._render(request, event, form)

    def post(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        editing = self._editing(request, event)
        form = ReportForm(
            request.POST,
            request.FILES,
            instance=editing,
            organisations=organisations_of(request.user),
        )
        if editing is None:
            form.instance.event = event
            form.instance.submitted_by = request.user
        if form.is_valid():
            try:
                posters.report_submit(event=event, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The stand report is submitted."))
                return redirect("events:submit_report", slug)
        return self._render(request, event, form)


class GalleryView(View):
    """Accepted reports with awards and votes; the jury's average once the results are
    published (the jury and the staff see it before). Staff also see the rest."""

    template_name = "events/gallery.html"

    def get(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        reports = (
            event.stand_reports.select_related("organisation")
            .annotate(vote_count=Count("votes", distinct=True), jury=Avg("scores__score"))
            .prefetch_related("comments")
        )
        can_review = request.user.has_perm("events.change_standreport")
        is_juror = request.user.is_authenticated and event.jury.filter(pk=request.user.pk).exists()
        if not can_review:
            reports = reports.filter(status=StandReport.Status.ACCEPTED)
        context = {
            "event": event,
            "reports": reports.order_by("-vote_count", "title"),
            "criteria": JuryScore.Criterion.choices,
            "can_review": can_review,
            "is_juror": is_juror,
            "show_jury": event.results_published or can_review or is_juror,
            "voting_open": posters.voting_is_open(event),
        }
        return render(request, self.template_name, context)


class ReportActionView(LoginRequiredMixin, View):
    """POST: vote (anyone signed in), score (the event's jury) or review (the staff)."""

    http_method_names = ["post"]

    def post(self, request, pk, action):
        report = get_object_or_404(StandReport.objects.select_related("event"), pk=pk)
        try:
            if action == "vote":
                posters.vote(report=report, user=request.user)
                messages.success(request, _("Your vote is counted."))
            elif action == "score":
                for criterion, _label in JuryScore.Criterion.choices:
                    value = request.POST.get(criterion)
                    if value:
                        posters.jury_score(
                            report=report, juror=request.user, criterion=criterion, score=int(value)
                        )
            elif not request.user.has_perm("events.change_standreport"):
                raise ValidationError(_("Only the centre's staff review reports."))
            else:
                posters.report_review(
                    report=report,
                    staff=request.user,
                    status=request.POST.get("status", ""),
                    comment=request.POST.get("comment", ""),
                    award=request.POST.get("award"),
                )
                messages.success(request, _("The review is saved; the author is told."))
        except (ValidationError, ValueError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("events:gallery", report.event.slug)
