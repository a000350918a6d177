from celery import shared_task

from .services.bookings import send_reminders as _send_reminders


@shared_task
def send_reminders() -> list[int]:
    """Every 15 minutes (Celery beat): a reminder with the .ics a day before each booking."""
    return _send_reminders()
