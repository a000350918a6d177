"""A cache that outlives its Redis: Redis first, PostgreSQL when Redis does not answer.

Sessions (`cached_db`) and allauth's rate limits read and write Django's cache on every
signed-in request and every sign-in. With Redis stopped, a plain RedisCache raises on each of
them and the portal answers 500. `FallbackCache` sends each operation to its primary (Redis);
when that fails with a connection error it logs it, serves the operation from its fallback (a
DatabaseCache table in PostgreSQL) and keeps to the fallback for `retry_after` seconds before
trying Redis again, so that a dead Redis costs one failed connection per process and period,
not one per request.

Rate limits therefore keep counting during an outage (in PostgreSQL: they fail safe, not
open), and a session found in neither cache is read from its table as always. What was
counted in Redis before the outage is not carried over: a limit may restart from zero once
when Redis goes away and once when it comes back.

`RedisCache` is Django's with one client per connection pool instead of a new one for every
operation (found: Django's client builds a `redis.Redis`, with its table of some 170 response
callbacks, on each get or set; a page served from the cache made two of them, a quarter of
its time in-process).
"""

import logging
import threading
import time
from typing import Any

from django.core.cache import BaseCache, caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError, OSError)


class FallbackCache(BaseCache):
    """OPTIONS: PRIMARY and FALLBACK name two other entries of CACHES; RETRY_AFTER (seconds,
    5 by default) is how long the fallback serves alone after the primary failed."""

    def __init__(self, location: str, params: dict[str, Any]) -> None:
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self._primary_alias = options["PRIMARY"]
        self._fallback_alias = options["FALLBACK"]
        self._retry_after = float(options.get("RETRY_AFTER", 5))
        self._down_until = 0.0
        self._lock = threading.Lock()

    @property
    def primary(self) -> BaseCache:
        return caches[self._primary_alias]

    @property
    def fallback(self) -> BaseCache:
        return caches[self._fallback_alias]

    @property
    def primary_is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _call(self, operation: str, *args: Any, **kwargs: Any) -> Any:
        if not self.primary_is_down:
            try:
                return getattr(self.primary, operation)(*args, **kwargs)
            except UNREACHABLE as error:
                with self._lock:
                    self._down_until = time.monotonic() + self._retry_after
                logger.warning(
                    "cache %s unreachable (%s), using %s for %s s",
                    self._primary_alias,
                    error,
                    self._fallback_alias,
                    self._retry_after,
                )
        return getattr(self.fallback, operation)(*args, **kwargs)

    # Django's cache API, each operation sent to whichever store answers.
    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        return bool(self._call("add", key, value, timeout, version))

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._call("get", key, default, version)

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        self._call("set", key, value, timeout, version)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return bool(self._call("touch", key, timeout, version))

    def delete(self, key: Any, version: int | None = None) -> bool:
        return bool(self._call("delete", key, version))

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        return dict(self._call("get_many", keys, version))

    def set_many(
        self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list[Any]:
        return list(self._call("set_many", data, timeout, version))

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        self._call("delete_many", keys, version)

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return bool(self._call("has_key", key, version))

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        return int(self._call("incr", key, delta, version))

    def decr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        return int(self._call("decr", key, delta, version))

    def clear(self) -> None:
        """Both stores: a test or an operator clearing the cache means all of it."""
        self.fallback.clear()
        try:
            self.primary.clear()
        except UNREACHABLE as error:
            logger.warning("cache %s unreachable (%s) while clearing", self._primary_alias, error)


class _ReusedClient(RedisCacheClient):
    """One `redis.Redis` per connection pool, made on first use: the client is thread-safe and
    holds no connection of its own (the pool does), so it can serve every operation."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        django_client: Any = self  # its private members are not in django-stubs
        pool = django_client._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = django_client._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """Django's Redis cache with its client reused (see the module)."""

    def __init__(self, server: Any, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _ReusedClient
