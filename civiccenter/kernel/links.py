"""Addresses of the portal's pages for places without a request: e-mails, calendars, PDFs."""

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse


def portal_url(viewname: str, *args: Any, query: dict | None = None, **kwargs: Any) -> str:
    """The page's full address under PORTAL_BASE_URL, e.g. for a link in an e-mail."""
    base: str = settings.PORTAL_BASE_URL
    return base + path_with_query(viewname, *args, query=query, **kwargs)


def path_with_query(viewname: str, *args: Any, query: dict | None = None, **kwargs: Any) -> str:
    """The page's path, with a query string when given (`?quarter=2026-Q3`)."""
    path = reverse(viewname, args=args or None, kwargs=kwargs or None)
    return f"{path}?{urlencode(query)}" if query else path
