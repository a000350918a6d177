"""Retention: what the portal stops keeping once it has no purpose for it (152-FZ art. 5).

Run daily by Celery beat (`civiccenter.kernel.tasks.purge_expired`); safe to run any number of
times, since each step deletes only what is already past its term. The terms are settings, and
portal/personal_data_register.py says which term applies to which data. Apps add their own
steps (`register_purge`); the last run's counts are kept for the staff's desk (`last_run`).
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.utils import timezone

from .models import OutgoingEmail, PersonalDataAccess

LAST_RUN_KEY = "retention:last-run"
_PURGES: dict[str, Callable[[datetime], int]] = {}


def register_purge(name: str, purge: Callable[[datetime], int]) -> None:
    """`purge(now)` deletes what of its app is past its term; returns how many it removed."""
    _PURGES[name] = purge


def sessions_purge(*, now: datetime) -> int:
    """Expired sessions hold who was signed in and from where; Django never removes them."""
    deleted, _ = Session.objects.filter(expire_date__lt=now).delete()
    return deleted


def outbox_purge(*, now: datetime) -> int:
    """Sent letters are kept as facts for OUTBOX_KEEP_SENT_DAYS (to answer “did my letter go?”),
    then deleted. Failed or queued letters stay until they are sent or a person looks at them."""
    cutoff = now - timedelta(days=settings.OUTBOX_KEEP_SENT_DAYS)
    deleted, _ = OutgoingEmail.objects.filter(
        state=OutgoingEmail.State.SENT, sent_at__lt=cutoff
    ).delete()
    return deleted


def access_log_purge(*, now: datetime) -> int:
    cutoff = now - timedelta(days=settings.PERSONAL_DATA_ACCESS_KEEP_DAYS)
    deleted, _ = PersonalDataAccess.objects.filter(at__lt=cutoff).delete()
    return deleted


def purge_expired(*, now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    removed = {
        "sessions": sessions_purge(now=now),
        "sent_emails": outbox_purge(now=now),
        "access_log": access_log_purge(now=now),
        **{name: purge(now) for name, purge in sorted(_PURGES.items())},
    }
    # In PostgreSQL's cache table: it outlives a Redis restart.
    caches["database"].set(LAST_RUN_KEY, {"at": now, "removed": removed}, timeout=None)
    return removed


def last_run() -> dict[str, Any] | None:
    """When retention last ran and what it removed, or None (never, or the cache was lost)."""
    run: dict[str, Any] | None = caches["database"].get(LAST_RUN_KEY)
    return run
