from django.urls import path

from . import views

app_name = "follows"

urlpatterns = [
    path("", views.NotificationsView.as_view(), name="notifications"),
    path("delivery/", views.DeliveryView.as_view(), name="delivery"),
    path("unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
    path("<slug:kind>/<int:pk>/", views.FollowView.as_view(), name="follow"),
]
