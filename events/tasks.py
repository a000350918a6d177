from celery import shared_task

from .services.meetings import commitments_overdue_notify


@shared_task
def notify_overdue_commitments() -> list[int]:
    """Daily (Celery beat): tells the responsible and the administration of each commitment
    that has fallen overdue, once."""
    return commitments_overdue_notify()
