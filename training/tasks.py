from celery import shared_task
from django.utils import timezone

from .models import Certificate
from .services import certificates, reminders


@shared_task(bind=True, acks_late=True, max_retries=3, default_retry_delay=30)
def generate_certificate(self, certificate_id: int) -> str:
    """Makes the certificate's PDF; after the last retry the certificate is marked failed with
    the reason, and the error is raised again for the worker's log."""
    try:
        return certificates.certificate_generate(certificate_id=certificate_id).state
    except Exception as error:
        if self.request.retries < self.max_retries and not self.request.is_eager:
            certificates.certificate_release(certificate_id=certificate_id)
            raise self.retry(exc=error) from error
        Certificate.objects.filter(pk=certificate_id).update(
            state=Certificate.State.FAILED, error=str(error)[:2000], generated_at=timezone.now()
        )
        raise


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
