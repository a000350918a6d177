"""Moving lists in and out: staff import and export, public open data."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView

from accounts.signed_in import signed_in_user
from civiccenter.kernel import access_log

from .. import exports, selectors
from ..forms import ImportUploadForm
from ..models import ImportJob
from ..services import importing


class ImportUploadView(PermissionRequiredMixin, FormView):
    permission_required = "initiatives.import_organisation"
    form_class = ImportUploadForm
    template_name = "initiatives/import_upload.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["jobs"] = ImportJob.objects.select_related("created_by")[:20]
        return context

    def form_valid(self, form):
        try:
            job = importing.import_job_create(
                upload=form.cleaned_data["file"],
                user=signed_in_user(self.request),
                max_bytes=settings.REGISTRY_IMPORT_MAX_BYTES,
            )
        except ValidationError as error:
            form.add_error("file", error)
            return self.form_invalid(form)
        return redirect("initiatives:import_detail", job.pk)


class ImportDetailView(PermissionRequiredMixin, DetailView):
    """The preview: row errors and likely duplicates, before anything is written."""

    permission_required = "initiatives.import_organisation"
    model = ImportJob
    template_name = "initiatives/import_detail.html"
    context_object_name = "job"

    def post(self, request, *args, **kwargs):
        job = self.get_object()
        if job.state != ImportJob.State.PREVIEW:
            messages.error(request, _("This file is not ready to be imported."))
            return redirect("initiatives:import_detail", job.pk)
        if job.error_rows:
            messages.error(request, _("Fix the rows with errors and upload the file again."))
            return redirect("initiatives:import_detail", job.pk)
        importing.import_commit_queue(
            job=job, skip_duplicates=bool(request.POST.get("skip_duplicates"))
        )
        return redirect("initiatives:import_detail", job.pk)


class ImportStatusView(PermissionRequiredMixin, View):
    """Polled by the import page while Celery works."""

    permission_required = "initiatives.import_organisation"

    def get(self, request, pk):
        job = get_object_or_404(ImportJob, pk=pk)
        return JsonResponse(
            {
                "state": job.state,
                "state_label": job.get_state_display(),
                "progress": job.progress_percent,
                "finished": job.state
                in (ImportJob.State.PREVIEW, ImportJob.State.DONE, ImportJob.State.FAILED),
            }
        )


def _filename(stem: str, extension: str) -> str:
    return f"{stem}-{timezone.localdate().isoformat()}.{extension}"


def _csv_response(records, stem: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        exports.csv_lines(records), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(stem, "csv")}"'
    return response


class ExportView(PermissionRequiredMixin, View):
    """The filtered catalogue as CSV or XLSX, for staff and the administration."""

    permission_required = "initiatives.export_organisation"

    def get(self, request, fmt):
        _filterset, queryset = selectors.catalogue(request.GET)
        access_log.record_export(request, rows=queryset.count())
        records = exports.rows(queryset)
        if fmt == "csv":
            return _csv_response(records, "registry")
        response = HttpResponse(
            exports.xlsx_bytes(records, title=_("Registry")),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{_filename("registry", "xlsx")}"'
        return response


class OpenDataView(View):
    """Every published record, without personal data, for anyone to reuse."""

    def get(self, request, fmt):
        records = exports.rows(selectors.published().order_by("name"))
        if fmt == "csv":
            return _csv_response(records, "open-data")
        body = json.dumps(
            {"generated_at": timezone.now().isoformat(), "organisations": list(records)},
            ensure_ascii=False,
        )
        return HttpResponse(body, content_type="application/json; charset=utf-8")
