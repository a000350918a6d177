"""Figures computed once and reused until what they are made of changes (anchor: pretix's
`ObjectRelatedCache`): each namespace («registry») has a version number in the cache; a
cached value is kept with the version it was computed at and served only while that version is
current (read in the same round trip as the value), so a bump leaves every old value unread
until it is computed again. A timeout bounds staleness where a change slips
past the bump (a bulk update, an outage of Redis served from PostgreSQL).

    summary = versioned_cache.cached("registry", "home-summary", registry_summary)
    versioned_cache.bump("registry")   # after a record is saved or deleted
"""

from collections.abc import Callable, Iterable, Mapping
from typing import Any

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
    current, found = _versions_and_values(list(namespaces), [] if key is None else [key])
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
    return cached_each({key: (namespace, key)}, lambda _missing: {key: compute()}, timeout=timeout)[
        key
    ]


def cached_each[K, T](
    items: Mapping[K, tuple[str, str]],
    compute: Callable[[list[K]], Mapping[K, T]],
    *,
    timeout: int = DEFAULT_TIMEOUT,
) -> dict[K, T]:
    """{item: value} for items given as {item: (namespace, key)}: each value kept under its key
    with the version of its namespace it was computed at, and served while that version is
    current. One round trip reads the versions and all the values; `compute(missing)` gives
    the values not found or out of date (it may leave out an item that no longer exists), and
    one more round trip stores them."""
    full_keys = {item: f"{namespace}:{key}" for item, (namespace, key) in items.items()}
    names = sorted({namespace for namespace, _key in items.values()})
    current, found = _versions_and_values(names, list(full_keys.values()))
    values: dict[K, T] = {}
    missing: list[K] = []
    for item, full_key in full_keys.items():
        stored = found.get(full_key)
        if stored is not None and stored[0] == current[items[item][0]]:
            values[item] = stored[1]
        else:
            missing.append(item)
    if missing:
        fresh = compute(missing)
        cache.set_many(
            {full_keys[item]: (current[items[item][0]], value) for item, value in fresh.items()},
            timeout=timeout,
        )
        values.update(fresh)
    return values


def _versions_and_values(names: list[str], keys: list[str]) -> tuple[dict[str, int], dict]:
    found = cache.get_many([*(_version_key(name) for name in names), *keys])
    current = {
        name: int(found[_version_key(name)]) if _version_key(name) in found else version(name)
        for name in names
    }
    return current, found


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
