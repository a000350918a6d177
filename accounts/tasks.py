from celery import shared_task

from . import services


@shared_task
def anonymise_withdrawn_accounts() -> list[int]:
    """Hourly sweep (Celery beat): 152-FZ anonymisation after a withdrawn consent."""
    return services.anonymise_due_accounts()
