from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.ProfileView.as_view(), name="profile"),
    path("consent/", views.ConsentGiveView.as_view(), name="consent_give"),
    path("my-data.json", views.PersonalDataView.as_view(), name="personal_data"),
    path("my-data/", views.PersonalDataPageView.as_view(), name="personal_data_page"),
    path("consent/withdraw/", views.ConsentWithdrawView.as_view(), name="consent_withdraw"),
    path(
        "consent/publication/",
        views.PublicationConsentView.as_view(),
        name="publication_consent",
    ),
    path(
        "consent/newsletters/",
        views.NewsletterConsentView.as_view(),
        name="newsletter_consent",
    ),
    path("api-keys/", views.ApiTokensView.as_view(), name="api_tokens"),
    path("api-keys/<int:pk>/revoke/", views.ApiTokenRevokeView.as_view(), name="api_token_revoke"),
    path(
        "newsletters/unsubscribe/<str:token>/",
        views.NewsletterUnsubscribeView.as_view(),
        name="newsletter_unsubscribe",
    ),
]
