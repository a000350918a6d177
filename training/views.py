"""Training pages: programmes and sessions, enrolment, attendance, feedback, certificates."""

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Avg, Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.signed_in import signed_in_user
from civiccenter.kernel import errors
from civiccenter.kernel.access_log import RecordsPersonalDataViews
from civiccenter.kernel.dashboards import quarter_context
from civiccenter.kernel.links import path_with_query
from civiccenter.kernel.quarters import quarter_from
from initiatives.selectors import organisations_of

from . import ics, selectors
from .forms import EnrolForm, FeedbackForm
from .models import Certificate, Enrolment, Feedback, Session, SessionDay
from .services import attendance, certificates, enrolment, feedback
from .totals import training_totals


class ProgrammesView(TemplateView):
    template_name = "training/programmes.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sessions"] = selectors.upcoming_sessions()
        context["programmes"] = selectors.programmes()
        return context


class SessionView(View):
    template_name = "training/session.html"

    def get(self, request, pk, form=None):
        session = get_object_or_404(selectors.sessions_with_places(), pk=pk)
        mine = None
        if request.user.is_authenticated:
            mine = (
                session.enrolments.filter(user=request.user)
                .exclude(status=Enrolment.Status.CANCELLED)
                .first()
            )
            form = form or EnrolForm(organisations=organisations_of(request.user))
        context = {
            "session": session,
            "free": max(session.capacity - session.taken, 0),
            "mine": mine,
            "form": form,
            "offer_waitlist": request.GET.get("full") == "1",
        }
        return render(request, self.template_name, context)


class EnrolView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        session = get_object_or_404(Session, pk=pk)
        form = EnrolForm(request.POST, organisations=organisations_of(request.user))
        if not form.is_valid():
            return SessionView().get(request, pk, form=form)
        try:
            result = enrolment.enrolment_create(
                session=session,
                user=request.user,
                organisation=form.cleaned_data["organisation"],
                waitlist=request.POST.get("waitlist") == "1",
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            query = {"full": "1"} if error.code == "session_full" else None
            return redirect(path_with_query("training:session", session.pk, query=query))
        if result.status == Enrolment.Status.WAITLISTED:
            messages.info(
                request, _("You are on the waitlist. We will write when a place frees up.")
            )
        else:
            messages.success(request, _("You are enrolled."))
        return redirect("training:mine")


class MyTrainingView(LoginRequiredMixin, TemplateView):
    template_name = "training/mine.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["enrolments"] = selectors.enrolments_of(signed_in_user(self.request))
        context["now"] = timezone.now()  # a certificate is offered once the last day is over
        return context


class CancelView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        item = get_object_or_404(Enrolment, pk=pk)
        try:
            enrolment.enrolment_cancel(enrolment=item, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The enrolment is cancelled."))
        return redirect("training:mine")


class AttendanceView(PermissionRequiredMixin, RecordsPersonalDataViews, View):
    """A phone-friendly list of the day's participants with a tick for each."""

    permission_required = "training.add_attendance"
    template_name = "training/attendance.html"

    def _context(self, day):
        enrolled = (
            day.session.enrolments.filter(status=Enrolment.Status.ENROLLED)
            .select_related("user", "organisation")
            .order_by("user__last_name", "user__first_name")
        )
        present = set(day.attendance.filter(present=True).values_list("enrolment_id", flat=True))
        return {"day": day, "session": day.session, "enrolled": enrolled, "present": present}

    def get(self, request, pk, day_pk):
        day = get_object_or_404(
            SessionDay.objects.select_related("session__programme"), pk=day_pk, session_id=pk
        )
        return render(request, self.template_name, self._context(day))

    def post(self, request, pk, day_pk):
        day = get_object_or_404(
            SessionDay.objects.select_related("session__programme"), pk=day_pk, session_id=pk
        )
        try:
            ids = [int(value) for value in request.POST.getlist("enrolment")]
            present = {int(value) for value in request.POST.getlist("present")}
        except ValueError as error:
            raise Http404 from error
        try:
            attendance.attendance_mark(
                day=day, marks={i: i in present for i in ids}, user=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Attendance is saved."))
        return redirect("training:attendance", pk, day_pk)


class CertificateRequestView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        item = get_object_or_404(Enrolment, pk=pk, user=request.user)
        try:
            certificate = certificates.certificate_request(enrolment=item, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("training:mine")
        if certificate.state in (Certificate.State.PENDING, Certificate.State.RUNNING):
            messages.info(
                request, _("The certificate is being prepared. Refresh the page in a minute.")
            )
        return redirect("training:mine")


class CertificateDownloadView(LoginRequiredMixin, View):
    def get(self, request, code):
        certificate = get_object_or_404(Certificate.objects.select_related("enrolment"), code=code)
        if certificate.enrolment.user_id != request.user.pk and not request.user.has_perm(
            "training.view_certificate"
        ):
            raise PermissionDenied
        if certificate.state != Certificate.State.READY:
            raise Http404
        return FileResponse(
            certificate.file.open("rb"),
            as_attachment=True,
            filename=f"certificate-{certificate.code}.pdf",
            content_type="application/pdf",
        )


class VerifyView(TemplateView):
    """Public: anyone holding a certificate's code can check it."""

    template_name = "training/verify.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["certificate"] = get_object_or_404(
            Certificate.objects.select_related("enrolment__user", "enrolment__session__programme"),
            code=self.kwargs["code"].upper(),
            state=Certificate.State.READY,
        )
        return context


class DashboardView(PermissionRequiredMixin, TemplateView):
    permission_required = "training.view_session"
    template_name = "training/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        quarter = quarter_from(self.request)
        figures = training_totals(quarter.start, quarter.end)
        context.update(quarter_context(quarter, target="training_hours", done=figures["hours"]))
        begin, end = quarter.bounds()
        context.update(
            figures=figures,
            sessions=selectors.sessions_with_places(
                Session.objects.filter(
                    days__starts_at__gte=begin, days__starts_at__lt=end
                ).distinct()
            ).order_by("first_day"),
        )
        return context


class FeedbackView(View):
    """The survey an attendee opens from the e-mail; the link's token identifies them."""

    template_name = "training/feedback.html"

    def _enrolment(self, token):
        return get_object_or_404(
            Enrolment.objects.select_related("session__programme"), feedback_token=token
        )

    def get(self, request, token):
        item = self._enrolment(token)
        done = Feedback.objects.filter(enrolment=item).exists()
        return render(
            request, self.template_name, {"enrolment": item, "form": FeedbackForm(), "done": done}
        )

    def post(self, request, token):
        if not ratelimit.consume(request, action="public_form"):
            return errors.too_many_requests(request)
        item = self._enrolment(token)
        form = FeedbackForm(request.POST)
        if form.is_valid():
            try:
                feedback.feedback_submit(
                    enrolment=item,
                    rating=form.cleaned_data["rating"],
                    comments=form.cleaned_data["comments"],
                )
            except ValidationError as error:
                if error.code != "twice":
                    form.add_error(None, error)
                    return self._render(request, item, form)
                messages.info(request, " ".join(error.messages))
            else:
                messages.success(request, _("Thank you for your feedback!"))
            return redirect("training:feedback", token)
        return self._render(request, item, form)

    def _render(self, request, item, form):
        return render(request, self.template_name, {"enrolment": item, "form": form, "done": False})


class FeedbackResultsView(PermissionRequiredMixin, TemplateView):
    permission_required = "training.view_feedback"
    template_name = "training/feedback_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feedback = Feedback.objects.all()
        context["by_programme"] = (
            feedback.values("enrolment__session__programme__title")
            .annotate(average=Avg("rating"), answers=Count("id"))
            .order_by("enrolment__session__programme__title")
        )
        context["by_session"] = (
            feedback.values(
                "enrolment__session_id",
                "enrolment__session__programme__title",
                "enrolment__session__place",
            )
            .annotate(average=Avg("rating"), answers=Count("id"))
            .order_by("-enrolment__session_id")[:50]
        )
        # Free-text comments may name people: for the staff who work with the trainees, not for
        # the administration, which sees the ratings.
        context["comments"] = (
            feedback.exclude(comments="")
            .select_related("enrolment__session__programme")
            .order_by("-created_at")[:50]
            if self.request.user.has_perm("training.view_enrolment")
            else None
        )
        return context


class SessionCalendarView(View):
    def get(self, request, pk):
        session = get_object_or_404(
            Session.objects.select_related("programme").prefetch_related("days"), pk=pk
        )
        response = HttpResponse(
            ics.session_calendar(session), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="training-{session.pk}.ics"'
        return response


class CalendarFeedView(View):
    def get(self, request):
        return HttpResponse(
            ics.feed(selectors.upcoming_sessions()), content_type="text/calendar; charset=utf-8"
        )
