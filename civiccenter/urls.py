from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from . import media, views

# The admin signs in through allauth: its rate limits and two-factor step apply there too.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("privacy/", views.PrivacyPolicyView.as_view(), name="privacy"),
    path("healthz", views.healthz, name="healthz"),
    path("desk/", views.DeskView.as_view(), name="desk"),
    path("initiatives/", include("initiatives.urls")),
    path("consulting/", include("consulting.urls")),
    path("training/", include("training.urls")),
    path("events/", include("events.urls")),
    path("reports/", include("civiccenter.report_urls")),
    path("accounts/profile/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

# Uploaded public files through the storage API, on every server (S3 storage gives its own
# URLs instead and never reaches this view).
urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve, name="media"))
