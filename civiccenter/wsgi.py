"""WSGI entry point for gunicorn or any other WSGI server."""

import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiccenter.settings.production")

application = get_wsgi_application()

# The URLs, and with them every view and what views import (WeasyPrint among them), are loaded
# now rather than on the first request: with gunicorn's preload (gunicorn.conf.py) once in the
# master, so a new worker answers at once.
get_resolver().url_patterns  # noqa: B018 (loading them is the point)
