from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("", views.ProgrammesView.as_view(), name="programmes"),
    path("calendar.ics", views.CalendarFeedView.as_view(), name="feed"),
    path("mine/", views.MyTrainingView.as_view(), name="mine"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
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
