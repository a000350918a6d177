from django.urls import path, re_path

from .views import activist, availability, complex, manage, staff

app_name = "consulting"

urlpatterns = [
    path("", activist.CatalogueView.as_view(), name="catalogue"),
    path("book/<int:topic_id>/", activist.BookView.as_view(), name="book"),
    path("bookings/mine/", activist.MyBookingsView.as_view(), name="mine"),
    path("bookings/<int:pk>/cancel/", activist.CancelView.as_view(), name="cancel"),
    path("bookings/<int:pk>/move/", activist.MoveView.as_view(), name="move"),
    path("bookings/", staff.StaffBookingsView.as_view(), name="staff_bookings"),
    path("availability/", availability.AvailabilityView.as_view(), name="availability"),
    re_path(
        r"^bookings/(?P<pk>\d+)/(?P<decision>confirm|decline)/$",
        staff.BookingDecisionView.as_view(),
        name="decide",
    ),
    path("log/", staff.LogListView.as_view(), name="log"),
    path("log/new/", staff.LogFormView.as_view(), name="log_create"),
    path("log/<int:pk>/", staff.LogFormView.as_view(), name="log_edit"),
    re_path(r"^log/export\.(?P<fmt>csv|xlsx)$", staff.LogExportView.as_view(), name="log_export"),
    path("dashboard/", staff.DashboardView.as_view(), name="dashboard"),
    path("quarter/", staff.QuarterStateView.as_view(), name="quarter_state"),
    path("reviews/", staff.GrantReviewsView.as_view(), name="reviews"),
    path("reviews/<int:pk>/outcome/", staff.GrantOutcomeView.as_view(), name="outcome"),
    path("roadmaps/<int:pk>/", complex.RoadmapView.as_view(), name="roadmap"),
    path("councils/", complex.CouncilsView.as_view(), name="councils"),
    path("councils/new/", manage.CouncilPage.as_view(), name="council_create"),
    path("councils/<int:pk>/", manage.CouncilPage.as_view(), name="council_edit"),
    path("roadmaps/new/", manage.RoadmapCreatePage.as_view(), name="roadmap_create"),
    path("manage/", manage.CatalogueManageView.as_view(), name="manage"),
    path("manage/topics/new/", manage.TopicPage.as_view(), name="topic_create"),
    path("manage/topics/<int:pk>/", manage.TopicPage.as_view(), name="topic_edit"),
    path("manage/consultants/new/", manage.ConsultantPage.as_view(), name="consultant_create"),
    path("manage/consultants/<int:pk>/", manage.ConsultantPage.as_view(), name="consultant_edit"),
]
