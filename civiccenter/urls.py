"""The portal's address book: every app's pages under its own prefix."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from civiccenter.kernel import health, media

# The admin signs in through allauth: its rate limits and two-factor step apply there too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("", include("portal.urls")),
    # Passports are documents of the top app, kept under the registry's address.
    path("initiatives/passports/", include("portal.passport_urls")),
    path("initiatives/", include("initiatives.urls")),
    path("consulting/", include("consulting.urls")),
    path("training/", include("training.urls")),
    path("events/", include("events.urls")),
    path("reports/", include("portal.report_urls")),
    path("notifications/", include("follows.urls")),
    # The read API for the city's systems (portal/api.py), its schema at /api/openapi.json.
    path("api/", include("portal.api_urls")),
    path("accounts/profile/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler400 = "civiccenter.kernel.errors.bad_request"
handler500 = "civiccenter.kernel.errors.server_error"

# Uploaded public files through the storage API, on every server (S3 storage gives its own
# URLs instead and never reaches this view).
urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve, name="media"))
