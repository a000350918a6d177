"""Tasks shared by every app."""

import smtplib

from celery import shared_task
from django.core.mail import EmailMultiAlternatives


@shared_task(
    autoretry_for=(smtplib.SMTPException, ConnectionError, TimeoutError),
    retry_backoff=30,
    retry_backoff_max=1800,
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
    """Sends one e-mail; returns its Message-ID. Retries with backoff while SMTP is down."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    message.send()
    return message.message()["Message-ID"]


@shared_task(bind=True, acks_late=True, max_retries=3)
def generate_quarterly_report(self, report_id: int, generation: int | None = None) -> str:
    """Generates a quarterly report; retries with backoff, and after the last retry marks the
    report failed with the reason (and raises, for the worker's log)."""
    from . import reports

    try:
        return reports.report_generate(report_id=report_id, generation=generation).state
    except Exception as error:
        if self.request.retries < self.max_retries and not self.request.is_eager:
            reports.report_release(report_id=report_id)
            raise self.retry(exc=error, countdown=30 * 2**self.request.retries) from error
        reports.report_failed(report_id=report_id, reason=f"{type(error).__name__}: {error}")
        raise


@shared_task
def request_quarterly_report() -> int | None:
    """Daily (Celery beat): after a quarter ends, its report is generated."""
    from . import reports

    report = reports.request_after_quarter_end()
    return report.pk if report else None


@shared_task
def resend_stale_reports() -> list[int]:
    """Every 5 minutes (Celery beat): reports whose task was lost are queued again."""
    from . import reports

    return reports.resend_stale()
