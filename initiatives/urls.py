from django.urls import path, re_path

from .views import analytics, catalogue, moderation, records, team, transfer

app_name = "initiatives"

urlpatterns = [
    path("", catalogue.CatalogueView.as_view(), name="catalogue"),
    path("new/", records.CreateView.as_view(), name="create"),
    path("mine/", records.MyRecordsView.as_view(), name="mine"),
    path("moderation/", moderation.ModerationQueueView.as_view(), name="moderation"),
    path("analytics/", analytics.AnalyticsView.as_view(), name="analytics"),
    path("import/", transfer.ImportUploadView.as_view(), name="import"),
    path("import/<int:pk>/", transfer.ImportDetailView.as_view(), name="import_detail"),
    path("import/<int:pk>/status/", transfer.ImportStatusView.as_view(), name="import_status"),
    re_path(r"^export\.(?P<fmt>csv|xlsx)$", transfer.ExportView.as_view(), name="export"),
    re_path(r"^open-data\.(?P<fmt>json|csv)$", transfer.OpenDataView.as_view(), name="open_data"),
    path(
        "invitations/<str:token>/",
        team.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    path("<str:slug>/", records.ProfileView.as_view(), name="profile"),
    path("<str:slug>/edit/<str:step>/", records.StepView.as_view(), name="edit"),
    path("<str:slug>/history/", records.HistoryView.as_view(), name="history"),
    re_path(
        r"^(?P<slug>[^/]+)/(?P<decision>approve|return)/$",
        moderation.ModerationDecisionView.as_view(),
        name="decide",
    ),
]
