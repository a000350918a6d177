from celery import shared_task

from .services import certificates, reminders
from .services.certificates import generate_certificate

__all__ = ["generate_certificate"]


@shared_task
def send_day_before_reminders() -> list[int]:
    """Hourly (beat): a reminder to everyone enrolled in a session starting within a day."""
    return reminders.send_day_before()


@shared_task
def request_feedback() -> list[int]:
    """Hourly (beat): a short survey to everyone who attended a session that has ended."""
    return reminders.request_feedback()


@shared_task
def resend_stale_certificates() -> list[int]:
    """Every 5 minutes (Celery beat): certificates whose task was lost are queued again."""
    return certificates.certificate_resend_stale()
