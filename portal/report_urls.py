from django.urls import path, re_path

from .views import reports as report_views

app_name = "reports"

urlpatterns = [
    path("", report_views.ArchiveView.as_view(), name="archive"),
    path("status/", report_views.StatusView.as_view(), name="status"),
    path("period/", report_views.PeriodReportView.as_view(), name="period"),
    re_path(
        r"^(?P<pk>\d+)\.(?P<fmt>pdf|xlsx)$", report_views.DownloadView.as_view(), name="download"
    ),
]
