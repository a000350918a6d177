"""The read API's addresses (portal/api.py), included by the project's URLs under /api/ as the
other apps' are, by name, so the project shell imports nothing of the portal."""

from .api import api

urlpatterns, _app_name, _namespace = api.urls
app_name = "api"
