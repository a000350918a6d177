from django.urls import path

from . import manage_views, views

app_name = "training"

urlpatterns = [
    path("", views.ProgrammesView.as_view(), name="programmes"),
    path("calendar.ics", views.CalendarFeedView.as_view(), name="feed"),
    path("mine/", views.MyTrainingView.as_view(), name="mine"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("manage/", manage_views.ManageView.as_view(), name="manage"),
    path("manage/programmes/new/", manage_views.ProgrammePage.as_view(), name="programme_create"),
    path(
        "manage/programmes/<int:pk>/", manage_views.ProgrammePage.as_view(), name="programme_edit"
    ),
    path("manage/trainers/new/", manage_views.TrainerPage.as_view(), name="trainer_create"),
    path("manage/trainers/<int:pk>/", manage_views.TrainerPage.as_view(), name="trainer_edit"),
    path("manage/sessions/new/", manage_views.SessionPage.as_view(), name="session_create"),
    path("manage/sessions/<int:pk>/", manage_views.SessionPage.as_view(), name="session_edit"),
    path(
        "manage/sessions/<int:pk>/copy/",
        manage_views.SessionCopyView.as_view(),
        name="session_copy",
    ),
    path(
        "manage/sessions/<int:pk>/cancel/",
        manage_views.SessionCancelView.as_view(),
        name="session_cancel",
    ),
    path("sessions/<int:pk>/", views.SessionView.as_view(), name="session"),
    path("sessions/<int:pk>.ics", views.SessionCalendarView.as_view(), name="session_ics"),
    path("sessions/<int:pk>/enrol/", views.EnrolView.as_view(), name="enrol"),
    path(
        "sessions/<int:pk>/days/<int:day_pk>/attendance/",
        views.AttendanceView.as_view(),
        name="attendance",
    ),
    path("enrolments/<int:pk>/cancel/", views.CancelView.as_view(), name="cancel"),
    path(
        "enrolments/<int:pk>/certificate/",
        views.CertificateRequestView.as_view(),
        name="certificate_request",
    ),
    path(
        "certificates/<str:code>/download/",
        views.CertificateDownloadView.as_view(),
        name="certificate_download",
    ),
    path("verify/<str:code>/", views.VerifyView.as_view(), name="verify"),
    path("feedback/", views.FeedbackResultsView.as_view(), name="feedback_results"),
    path("feedback/<str:token>/", views.FeedbackView.as_view(), name="feedback"),
]
