"""Health checks for load balancers and monitoring.

`/healthz` is liveness: the process answers, touching nothing else (a load balancer must not
take every server out because PostgreSQL restarts). `/readyz` is readiness: PostgreSQL, Redis
and at least one live Celery worker; 503 names what is missing."""

import logging

from celery import current_app
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

WORKER_PING_SECONDS = 1.0


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers (and the load benchmark's bare view): answers without touching the
    database or the cache."""
    return HttpResponse("ok", content_type="text/plain")


def readyz(request: HttpRequest) -> JsonResponse:
    checks = {
        "postgresql": postgresql_answers(),
        "redis": redis_answers(),
        "worker": worker_answers(),
    }
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    return JsonResponse(body, status=200 if all(checks.values()) else 503)


def postgresql_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError as error:
        logger.warning("readiness: PostgreSQL does not answer: %s", error)
        return False


def redis_answers() -> bool:
    try:
        return bool(caches["redis"]._cache.get_client(write=True).ping())  # type: ignore[attr-defined]
    except (RedisError, OSError) as error:
        logger.warning("readiness: Redis does not answer: %s", error)
        return False


def worker_answers() -> bool:
    """At least one Celery worker answers a ping through the broker."""
    try:
        replies = current_app.control.ping(timeout=WORKER_PING_SECONDS, limit=1)
    except Exception as error:  # the broker itself may be gone: kombu raises many kinds
        logger.warning("readiness: no Celery worker reached: %s", error)
        return False
    return bool(replies)
