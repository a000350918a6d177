"""Whole pages for anonymous visitors, from the cache, until what they show changes.

The home page, the catalogue, the calendar and an event's page are the same for every
visitor who is not signed in, and they are most of the portal's traffic. Their HTML is kept
under a key of the language and the full address, with the versions of the namespaces the
page was made at (versioned_cache: a saved record bumps its namespace after the commit); a page
is served only while those are still the current versions, read in the same round trip to the
cache as the page. A timeout bounds what time alone changes (an event that has begun leaves
«upcoming»).

A view declares what its page is made of with `anonymous_page`; `PageCacheMiddleware` serves
and stores the pages, early in the middleware (after the language, the common and the CSRF
middleware, before authentication, messages, allauth and the consent and two-factor gates,
which a visitor without a session passes through for nothing; found: they were a third of a
cached page's time).

A page is served from the cache only to a visitor with no session and no pending message:
a signed-in person, or anyone the portal has just told something, gets the page made for
them. The one thing of the visitor's own on such a page is the CSRF token of the language
form: it is stored as a placeholder and the visitor's own token is written in on the way out.

    @method_decorator(anonymous_page("registry"), name="get")
    class CatalogueView(ListView): ...
"""

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from . import versioned_cache

DEFAULT_TIMEOUT = 300
_PLACEHOLDER = b"__csrf_token_of_the_visitor__"
_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")([^"]+)(")')
HIT_HEADER = "X-Page-Cache"


def _servable(request: HttpRequest) -> bool:
    """Only a GET of an anonymous visitor: no session (so nobody is signed in) and no message
    waiting."""
    if request.method not in ("GET", "HEAD"):
        return False
    return not (settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES)


def _key(request: HttpRequest) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{get_language()}:{address}"


def _made_at(current: dict[str, int]) -> str:
    return ".".join(f"{name}{number}" for name, number in sorted(current.items()))


def _storable(response: HttpResponse) -> bool:
    """A plain 200 that sets no cookie but the CSRF one (a session would be someone's)."""
    if response.status_code != 200 or response.streaming:
        return False
    return all(name == settings.CSRF_COOKIE_NAME for name in response.cookies)


@dataclass(frozen=True)
class _Page:
    namespaces: tuple[str, ...]
    timeout: int


def anonymous_page(
    *namespaces: str, timeout: int = DEFAULT_TIMEOUT
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A view decorator: the page is kept for anonymous visitors until a change of one of the
    namespaces (see the module); `PageCacheMiddleware` does the keeping."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        # Only a mark on the view, which method_decorator copies onto the view class's method.
        view.anonymous_page = _Page(namespaces, timeout)  # type: ignore[attr-defined]
        return view

    return decorator


def _declared(request: HttpRequest) -> _Page | None:
    """What the page at this address is made of, when its view declares it."""
    try:
        view = resolve(request.path_info).func
    except Resolver404:
        return None
    view_class = getattr(view, "view_class", None)
    handler = getattr(view_class, "get", None) if view_class else view  # a GET or a HEAD
    return getattr(handler, "anonymous_page", None)


class PageCacheMiddleware:
    """Serves a declared page from the cache to an anonymous visitor, or stores the page made
    for them (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _servable(request):
            return self.get_response(request)
        page = _declared(request)
        if page is None:
            return self.get_response(request)
        key = _key(request)
        current, stored = versioned_cache.versions_and_value(page.namespaces, key)
        made_at = _made_at(current)
        if stored is not None and stored.get("made_at") == made_at:
            return _from_cache(request, stored)
        response = self.get_response(request)
        if _storable(response):
            cache.set(key, _to_cache(response, made_at), timeout=page.timeout)
        patch_vary_headers(response, ["Cookie"])
        return response


def _to_cache(response: HttpResponse, made_at: str) -> dict[str, Any]:
    return {
        "made_at": made_at,
        "content": _TOKEN.sub(rb"\1" + _PLACEHOLDER + rb"\3", response.content),
        # The middleware adds the rest (language, security policy) to every response.
        "content_type": response["Content-Type"],
    }


def _from_cache(request: HttpRequest, stored: dict[str, Any]) -> HttpResponse:
    content: bytes = stored["content"]
    if _PLACEHOLDER in content:
        # get_token also marks the CSRF cookie to be set, as rendering the form would.
        content = content.replace(_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content, content_type=stored["content_type"])
    response[HIT_HEADER] = "hit"
    patch_vary_headers(response, ["Cookie"])
    return response
