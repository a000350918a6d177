"""Tasks shared by every app."""

import smtplib

from celery import shared_task
from django.core.mail import EmailMultiAlternatives

from .jobs import TRANSIENT_ERRORS, BackgroundJob


# Named as before the kernel became a package of its own: messages queued by an older
# release still reach it (an e-mail has no row to be re-sent from).
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
