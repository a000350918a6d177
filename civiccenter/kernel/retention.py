"""Retention: what the portal stops keeping once it has no purpose for it (152-FZ art. 5).

Run daily by Celery beat (`civiccenter.kernel.tasks.purge_expired`); safe to run any number of
times, since each step deletes only what is already past its term.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from .models import OutgoingEmail


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


def purge_expired(*, now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    return {"sessions": sessions_purge(now=now), "sent_emails": outbox_purge(now=now)}
