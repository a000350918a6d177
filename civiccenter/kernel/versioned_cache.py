"""Figures computed once and reused until what they are made of changes (anchor: pretix's
`ObjectRelatedCache`): each namespace («registry») has a version number in the cache; a
cached value's key carries the version it was computed at, and a change bumps the version, so
every old value is left unread and expires. A timeout bounds staleness where a change slips
past the bump (a bulk update, an outage of Redis served from PostgreSQL).

    summary = versioned_cache.cached("registry", "home-summary", registry_summary)
    versioned_cache.bump("registry")   # after a record is saved or deleted
"""

from collections.abc import Callable, Iterable
from typing import Any, cast

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

DEFAULT_TIMEOUT = 600


def _version_key(namespace: str) -> str:
    return f"version:{namespace}"


def version(namespace: str) -> int:
    current = cache.get(_version_key(namespace))
    if current is None:
        cache.add(_version_key(namespace), 1, timeout=None)
        current = cache.get(_version_key(namespace), 1)
    return int(current)


def versions(namespaces: Iterable[str]) -> dict[str, int]:
    """The current versions of several namespaces in one round trip to the cache."""
    current, _value = versions_and_value(namespaces, None)
    return current


def versions_and_value(namespaces: Iterable[str], key: str | None) -> tuple[dict[str, int], Any]:
    """The current versions of the namespaces and the value cached under `key` (None when it
    is not), in the same round trip to the cache: for a value that records which versions it
    was made at, as the page cache's pages do."""
    names = list(namespaces)
    wanted = [_version_key(name) for name in names]
    found = cache.get_many(wanted if key is None else [*wanted, key])
    current = {
        name: int(found[_version_key(name)]) if _version_key(name) in found else version(name)
        for name in names
    }
    return current, found.get(key) if key is not None else None


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


def bump_on_change(namespace: str, models: Iterable[type[Model]]) -> None:
    """Bumps the namespace after the commit of any save or deletion of the models, or a change
    of their many-to-many links. Queryset updates and bulk creations send no signal: the
    timeout of what is cached bounds those."""

    def changed(**kwargs: Any) -> None:
        # After the commit: a reader between the save and the commit would cache the old
        # value under the new version.
        transaction.on_commit(lambda: bump(namespace))

    for model in models:
        label = model._meta.label_lower
        post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{namespace}:{label}:s")
        post_delete.connect(
            changed, sender=model, weak=False, dispatch_uid=f"{namespace}:{label}:d"
        )
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                changed,
                sender=through,
                weak=False,
                dispatch_uid=f"{namespace}:{label}:{field.name}",
            )
