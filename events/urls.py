from django.urls import path, re_path

from .views import door, games, manage, media, meetings, posters, public

app_name = "events"

urlpatterns = [
    path("", public.CalendarView.as_view(), name="calendar"),
    path("calendar.ics", public.FeedView.as_view(), name="feed"),
    path("tickets/", public.TicketsView.as_view(), name="tickets"),
    path("tickets/<str:code>/", public.TicketView.as_view(), name="ticket"),
    path("registrations/<int:pk>/cancel/", public.CancelView.as_view(), name="cancel"),
    path("commitments/", meetings.CommitmentsView.as_view(), name="commitments"),
    path(
        "commitments/<int:pk>/done/", meetings.CommitmentDoneView.as_view(), name="commitment_done"
    ),
    path("questions/<int:pk>/support/", meetings.SupportView.as_view(), name="support"),
    re_path(
        r"^questions/(?P<pk>\d+)/(?P<action>accept|reject|answer)/$",
        meetings.ModerateView.as_view(),
        name="moderate",
    ),
    re_path(
        r"^reports/(?P<pk>\d+)/(?P<action>vote|review|score)/$",
        posters.ReportActionView.as_view(),
        name="report_action",
    ),
    path("manage/", manage.ManageListView.as_view(), name="manage"),
    path("manage/new/", manage.EventEditPage.as_view(), name="manage_create"),
    path("manage/<int:pk>/", manage.EventEditPage.as_view(), name="manage_event"),
    path("manage/<int:pk>/programme/", manage.ProgrammeEditPage.as_view(), name="manage_programme"),
    path("manage/<int:pk>/outcome/", manage.OutcomeEditPage.as_view(), name="manage_outcome"),
    path("manage/<int:pk>/copy/", manage.CopyView.as_view(), name="manage_copy"),
    path("manage/<int:pk>/cancel/", manage.CancelEventView.as_view(), name="manage_cancel"),
    path("manage/<int:pk>/commitment/", manage.CommitmentPage.as_view(), name="manage_commitment"),
    path("manage/teams/<int:pk>/", manage.TeamPage.as_view(), name="manage_team"),
    path("manage/media/", media.MediaListView.as_view(), name="media"),
    path("manage/media/new/", media.MediaPublicationPage.as_view(), name="media_create"),
    path("manage/media/<int:pk>/", media.MediaPublicationPage.as_view(), name="media_edit"),
    path(
        "manage/media/<int:pk>/delete/",
        media.MediaPublicationDeleteView.as_view(),
        name="media_delete",
    ),
    path("manage/series/new/", manage.SeriesPage.as_view(), name="series_create"),
    path("manage/series/<int:pk>/", manage.SeriesPage.as_view(), name="series_edit"),
    path("<str:slug>/", public.EventView.as_view(), name="event"),
    path("<str:slug>/register/", public.RegisterView.as_view(), name="register"),
    path("<str:slug>/stand/", public.StandView.as_view(), name="stand"),
    path("<str:slug>/game/", public.GameJoinView.as_view(), name="game_join"),
    path("<str:slug>/game/leave/", games.GameLeaveView.as_view(), name="game_leave"),
    path("<str:slug>/check-in/", door.CheckInView.as_view(), name="check_in"),
    path("<str:slug>/check-in/counts/", door.CountsView.as_view(), name="counts"),
    path(
        "<str:slug>/check-in/release/", door.ReleaseNoShowsView.as_view(), name="release_no_shows"
    ),
    path("<str:slug>/questions/", meetings.QuestionsView.as_view(), name="questions"),
    path("<str:slug>/reports/new/", posters.SubmitReportView.as_view(), name="submit_report"),
    path("<str:slug>/reports/", posters.GalleryView.as_view(), name="gallery"),
    path("<str:slug>/teams/", games.TeamsView.as_view(), name="teams"),
]
