"""Pages of the centre's staff: bookings to confirm, the hours log, the quarter dashboard,
grant reviews."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from civiccenter.kernel import access_log
from civiccenter.kernel.access_log import RecordsPersonalDataViews
from civiccenter.kernel.dashboards import quarter_context
from civiccenter.kernel.links import path_with_query
from civiccenter.kernel.quarters import Quarter, quarter_from
from initiatives.picker import find_pressed

from .. import exports, quarters, selectors, totals
from ..forms import DeclineForm, GrantReviewForm, LogForm, OutcomeForm
from ..models import Booking, ConsultationLog, GrantReview
from ..services import bookings, hours, reviews


class StaffBookingsView(PermissionRequiredMixin, RecordsPersonalDataViews, ListView):
    """A consultant sees their own bookings; a coordinator sees everyone's (?all=1)."""

    permission_required = "consulting.change_booking"
    template_name = "consulting/staff_bookings.html"
    context_object_name = "bookings"
    paginate_by = 50

    def get_queryset(self):
        own = getattr(self.request.user, "consultant", None)
        show_all = self.request.GET.get("all") == "1" or own is None
        return selectors.staff_bookings(consultant=None if show_all else own)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["decline_form"] = DeclineForm()
        context["show_all"] = self.request.GET.get("all") == "1"
        return context


class BookingDecisionView(PermissionRequiredMixin, View):
    permission_required = "consulting.change_booking"
    http_method_names = ["post"]

    def post(self, request, pk, decision):
        booking = get_object_or_404(Booking, pk=pk)
        try:
            if decision == "confirm":
                bookings.booking_confirm(booking=booking, staff=request.user)
                messages.success(request, _("The booking is confirmed."))
            else:
                form = DeclineForm(request.POST)
                form.is_valid()
                bookings.booking_decline(
                    booking=booking, staff=request.user, note=form.cleaned_data.get("note", "")
                )
                messages.success(request, _("The booking is declined."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("consulting:staff_bookings")


class LogFormView(PermissionRequiredMixin, View):
    """Create (optionally from a booking) or edit a log entry."""

    permission_required = "consulting.add_consultationlog"
    template_name = "consulting/log_form.html"

    def _instance(self, pk):
        return get_object_or_404(ConsultationLog, pk=pk) if pk else None

    def _initial(self, request):
        booking_id = request.GET.get("booking")
        if not booking_id:
            own = getattr(request.user, "consultant", None)
            return {"held_on": timezone.localdate(), "consultants": [own] if own else []}, None
        booking = get_object_or_404(
            Booking.objects.select_related("topic", "consultant"), pk=booking_id
        )
        initial = {
            "held_on": timezone.localdate(booking.starts_at),
            "topic": booking.topic,
            "channel": ConsultationLog.Channel.BOOKED,
            "hours": (booking.ends_at - booking.starts_at).total_seconds() / 3600,
            "consultants": [booking.consultant],
            "organisations": [booking.organisation] if booking.organisation else [],
            "summary": booking.question,
        }
        return initial, booking

    def get(self, request, pk=None):
        log = self._instance(pk)
        initial, booking = ({}, None) if log else self._initial(request)
        form = LogForm(instance=log, initial=initial)
        return render(request, self.template_name, {"form": form, "log": log, "booking": booking})

    def post(self, request, pk=None):
        log = self._instance(pk)
        booking = None
        if not log and request.GET.get("booking"):
            booking = get_object_or_404(Booking, pk=request.GET["booking"])
        form = LogForm(request.POST, instance=log, searching=find_pressed(request))
        if not form.searching and form.is_valid():
            try:
                common = {
                    "user": request.user,
                    "consultants": list(form.cleaned_data["consultants"]),
                    "organisations": list(form.cleaned_data["organisations"]),
                    **form.service_fields(),
                }
                if log:
                    hours.log_update(log=log, **common)
                else:
                    hours.log_create(booking=booking, **common)
            except ValidationError as error:
                field = {"date_future": "held_on", "quarter_locked": "held_on"}.get(
                    error.code or ""
                )
                form.add_error(
                    field or ("hours" if (error.code or "").startswith("duration") else None), error
                )
            else:
                messages.success(request, _("The consultation is logged."))
                quarter = Quarter.of(form.cleaned_data["held_on"])
                return redirect(
                    path_with_query("consulting:dashboard", query={"quarter": str(quarter)})
                )
        return render(request, self.template_name, {"form": form, "log": log, "booking": booking})


class _CountedPaginator(Paginator):
    """A paginator told the number of rows (the log's sums know a quarter's entries), so the
    pager does not count 250,000 of them on every view."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known = count

    @cached_property
    def count(self) -> int:
        return self._known


class LogListView(PermissionRequiredMixin, ListView):
    permission_required = "consulting.view_consultationlog"
    template_name = "consulting/log_list.html"
    context_object_name = "logs"
    paginate_by = 50

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        entries = totals.consulting_summary(self.quarter.start, self.quarter.end)["sessions"]
        return _CountedPaginator(
            queryset,
            per_page,
            count=entries,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
        )

    def get_queryset(self):
        self.quarter = quarter_from(self.request)
        return selectors.log_list_entries(
            ConsultationLog.objects.filter(held_on__range=(self.quarter.start, self.quarter.end))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locked = quarters.is_locked(self.quarter)
        context.update(
            quarter=self.quarter,
            locked=locked,
            rows=selectors.log_rows(context["object_list"]),
            editable=not locked and self.request.user.has_perm("consulting.add_consultationlog"),
            query_string=f"quarter={self.quarter}",
        )
        return context


class LogExportView(PermissionRequiredMixin, View):
    permission_required = "consulting.view_consultationlog"

    def get(self, request, fmt):
        quarter = quarter_from(request)
        queryset = selectors.logs(
            ConsultationLog.objects.filter(held_on__range=(quarter.start, quarter.end))
        )
        name = f"consultations-{quarter}"
        access_log.record_export(request, rows=queryset.count())
        if fmt == "csv":
            response = StreamingHttpResponse(
                exports.csv_lines(exports.rows(queryset)), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
            return response
        if fmt != "xlsx":
            raise Http404
        workbook = HttpResponse(
            exports.xlsx_bytes(exports.rows(queryset), title=str(quarter)),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        workbook["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return workbook


class DashboardView(PermissionRequiredMixin, TemplateView):
    """The quarter's delivered hours against the target, by topic, consultant and initiative."""

    permission_required = "consulting.view_consulting_figures"
    template_name = "consulting/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        quarter = quarter_from(self.request)
        figures = totals.quarter_totals(quarter)
        context.update(quarter_context(quarter, target="consulting_hours", done=figures["hours"]))
        context.update(
            figures=figures,
            pace=totals.pace(
                target_hours=context["target"],
                done_hours=figures["hours"],
                quarter=quarter,
                today=timezone.localdate(),
            ),
            reviews=totals.grant_review_totals(quarter.start, quarter.end),
            locked=quarters.is_locked(quarter),
            can_change_quarter=self.request.user.has_perm("consulting.change_quarterstate"),
        )
        return context


class QuarterStateView(PermissionRequiredMixin, View):
    permission_required = "consulting.change_quarterstate"
    http_method_names = ["post"]

    def post(self, request):
        try:
            quarter = Quarter.parse(request.POST.get("quarter", ""))
        except ValueError as error:
            raise Http404 from error
        closed = request.POST.get("closed") == "1"
        quarters.quarter_set_closed(quarter=quarter, closed=closed, user=request.user)
        messages.success(
            request,
            (_("%(quarter)s is closed.") if closed else _("%(quarter)s is reopened."))
            % {"quarter": quarter.label},
        )
        return redirect(path_with_query("consulting:dashboard", query={"quarter": str(quarter)}))


class GrantReviewsView(PermissionRequiredMixin, View):
    permission_required = "consulting.view_grantreview"
    template_name = "consulting/reviews.html"

    def _render(self, request, form=None, status=200):
        context = {
            "reviews": GrantReview.objects.select_related("organisation", "reviewer")[:200],
            "form": form or GrantReviewForm(initial={"reviewed_on": timezone.localdate()}),
            "can_add": request.user.has_perm("consulting.add_grantreview"),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        return self._render(request)

    def post(self, request):
        if not request.user.has_perm("consulting.add_grantreview"):
            raise PermissionDenied
        form = GrantReviewForm(request.POST, searching=find_pressed(request))
        if not form.searching and form.is_valid():
            try:
                reviews.review_create(reviewer=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The review is recorded."))
                return redirect("consulting:reviews")
        return self._render(request, form)


class GrantOutcomeView(PermissionRequiredMixin, View):
    permission_required = "consulting.change_grantreview"
    template_name = "consulting/outcome.html"

    def get(self, request, pk):
        review = get_object_or_404(GrantReview, pk=pk)
        return render(
            request, self.template_name, {"review": review, "form": OutcomeForm(instance=review)}
        )

    def post(self, request, pk):
        review = get_object_or_404(GrantReview, pk=pk)
        form = OutcomeForm(request.POST, instance=review)
        if form.is_valid():
            try:
                reviews.review_set_outcome(review=review, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The result is recorded."))
                return redirect("consulting:reviews")
        return render(request, self.template_name, {"review": review, "form": form})
