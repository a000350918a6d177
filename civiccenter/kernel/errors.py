"""The portal's error pages, in its own look and language: 400, 403, a refused CSRF check,
404, 500, and 503 when PostgreSQL does not answer (a page that needed the database could not
be made; the person is asked to try again in a minute, not shown a server error)."""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)


def _standalone(template: str, status: int) -> HttpResponse:
    """Rendered without the request's context: no session, no user, no database."""
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(
            template, {"centre_name": settings.CENTRE_NAME, "centre_city": settings.CENTRE_CITY}
        )
    response = HttpResponse(html, status=status)
    if status == 503:
        response["Retry-After"] = "30"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a 503 when the error was the database being away, otherwise a 500."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN) or (
        isinstance(error, DatabaseError) and "connection" in str(error).lower()
    ):
        logger.warning("database unavailable for %s: %s", request.path, error)
        return _standalone("503.html", 503)
    return _standalone("500.html", 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: the form was sent from an old page or with cookies off."""
    return _standalone("403_csrf.html", 403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _standalone("400.html", 400)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """A public form sent too often from one address."""
    return _standalone("429.html", 429)
