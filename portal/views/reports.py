"""The report archive: every quarterly report with its state, updating itself while Celery
works; finished reports download as PDF and XLSX."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from civiccenter.kernel.quarters import Quarter

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
