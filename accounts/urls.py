from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.ProfileView.as_view(), name="profile"),
    path("consent/", views.ConsentGiveView.as_view(), name="consent_give"),
    path("consent/withdraw/", views.ConsentWithdrawView.as_view(), name="consent_withdraw"),
]
