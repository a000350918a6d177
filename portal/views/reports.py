"""The report archive: every quarterly report with its state, updating itself while Celery
works; finished reports download as PDF and XLSX."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from civiccenter.kernel import dates
from civiccenter.kernel.quarters import Quarter

from .. import period_report
from ..models import QuarterlyReport
from ..services import reports


class ArchiveView(PermissionRequiredMixin, View):
    permission_required = "portal.view_quarterlyreport"
    template_name = "reports/archive.html"

    def get(self, request):
        current = Quarter.current()
        choices = [current]
        for _step in range(7):
            choices.append(choices[-1].previous())
        context = {
            "reports": QuarterlyReport.objects.select_related("requested_by"),
            "choices": choices,
            "default": current.previous(),
            "can_request": request.user.has_perm("portal.add_quarterlyreport"),
        }
        return render(request, self.template_name, context)

    def post(self, request):
        if not request.user.has_perm("portal.add_quarterlyreport"):
            raise Http404
        try:
            quarter = Quarter.parse(request.POST.get("quarter", ""))
            reports.report_request(quarter=quarter, user=request.user)
        except ValueError:
            messages.error(request, _("Choose a quarter."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The report is queued. This page updates itself."))
        return redirect("reports:archive")


class StatusView(PermissionRequiredMixin, View):
    permission_required = "portal.view_quarterlyreport"

    def get(self, request):
        rows = QuarterlyReport.objects.values("pk", "state")
        return JsonResponse({"reports": {str(row["pk"]): row["state"] for row in rows}})


class DownloadView(PermissionRequiredMixin, View):
    permission_required = "portal.view_quarterlyreport"

    def get(self, request, pk, fmt):
        report = get_object_or_404(QuarterlyReport, pk=pk, state=QuarterlyReport.State.DONE)
        file = report.pdf if fmt == "pdf" else report.xlsx
        return FileResponse(
            file.open("rb"), as_attachment=True, filename=f"quarterly-report-{report.period}.{fmt}"
        )


class PeriodReportView(PermissionRequiredMixin, View):
    """The indicators for any range of days (the year so far unless asked otherwise), beside
    the range just before it and the same range a year earlier; `?format=xlsx` downloads it."""

    permission_required = "portal.view_quarterlyreport"
    template_name = "reports/period.html"

    def get(self, request):
        form = period_report.PeriodForm(request.GET or period_report.default_range())
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        figures = period_report.figures_for(form)
        if request.GET.get("format") == "xlsx":
            response = HttpResponse(
                period_report.workbook(figures),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            start, end = figures["start"], figures["end"]
            response["Content-Disposition"] = f'attachment; filename="report-{start}-{end}.xlsx"'
            return response
        context = {
            "form": form,
            "figures": figures,
            "period": dates.day_span(figures["start"], figures["end"]),
            "previous": dates.day_span(figures["previous_start"], figures["previous_end"]),
            "query": request.GET.urlencode()
            or urlencode(
                {key: value.isoformat() for key, value in period_report.default_range().items()}
            ),
        }
        return render(request, self.template_name, context)
