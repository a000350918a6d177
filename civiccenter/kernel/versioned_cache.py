"""Figures computed once and reused until what they are made of changes (anchor: pretix's
`ObjectRelatedCache`): each namespace («registry») has a version number in the cache; a
cached value's key carries the version it was computed at, and a change bumps the version, so
every old value is left unread and expires. A timeout bounds staleness where a change slips
past the bump (a bulk update, an outage of Redis served from PostgreSQL).

    summary = versioned_cache.cached("registry", "home-summary", registry_summary)
    versioned_cache.bump("registry")   # after a record is saved or deleted
"""

from collections.abc import Callable
from typing import Any, cast

from django.core.cache import cache

DEFAULT_TIMEOUT = 600


def _version_key(namespace: str) -> str:
    return f"version:{namespace}"


def version(namespace: str) -> int:
    current = cache.get(_version_key(namespace))
    if current is None:
        cache.add(_version_key(namespace), 1, timeout=None)
        current = cache.get(_version_key(namespace), 1)
    return int(current)


def bump(namespace: str) -> None:
    """Everything cached in the namespace is out of date."""
    try:
        cache.incr(_version_key(namespace))
    except ValueError:  # no version yet: nothing cached under one either
        cache.add(_version_key(namespace), 2, timeout=None)


def cached[T](
    namespace: str, key: str, compute: Callable[[], T], *, timeout: int = DEFAULT_TIMEOUT
) -> T:
    """The value of `compute()` for the namespace's current version, computed at most once per
    version and timeout."""
    full_key = f"{namespace}:{version(namespace)}:{key}"
    missing: Any = object()
    found = cache.get(full_key, missing)
    if found is not missing:
        return cast(T, found)
    value = compute()
    cache.set(full_key, value, timeout=timeout)
    return value
