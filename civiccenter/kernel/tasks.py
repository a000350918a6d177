"""Tasks shared by every app (for Celery's autodiscovery; each lives beside its service)."""

import smtplib

from celery import shared_task
from django.core.mail import EmailMultiAlternatives

from .jobs import TRANSIENT_ERRORS, BackgroundJob
from .mail import deliver_outgoing_email, resend_stale_emails
from .retention import purge_expired

__all__ = ["deliver_email", "deliver_outgoing_email", "purge_expired_data", "resend_stale_outbox"]


@shared_task(base=BackgroundJob)
def purge_expired_data() -> dict[str, int]:
    """Daily (Celery beat): expired sessions and old sent letters are deleted."""
    return purge_expired()


@shared_task(base=BackgroundJob)
def resend_stale_outbox() -> list[int]:
    """Every 5 minutes (Celery beat): letters whose message was lost are sent again."""
    return resend_stale_emails()


# A message queued by a release before the outbox carried the whole letter; this task, under
# its old name, still delivers such messages.
@shared_task(
    base=BackgroundJob,
    name="civiccenter.tasks.deliver_email",
    transient_errors=(*TRANSIENT_ERRORS, smtplib.SMTPException),
    max_retries=8,
)
def deliver_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str | None = None,
    html_body: str | None = None,
    attachments: list[tuple[str, str, str]] | None = None,
) -> str:
    """Sends one e-mail; returns its Message-ID. Retried with growing pauses while the mail
    server is unreachable (civiccenter/kernel/jobs.py)."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    message.send()
    return str(message.message()["Message-ID"])
