from celery import shared_task

from .services import dormancy, importing
from .services.importing import import_commit_task, import_preview_task

__all__ = ["import_commit_task", "import_preview_task"]


@shared_task
def dormancy_sweep() -> dict:
    """Daily (Celery beat): warn the leaders of quiet records, then mark them dormant."""
    result = dormancy.dormancy_sweep()
    return {"warned": result.warned, "made_dormant": result.made_dormant}


@shared_task
def resend_stale_jobs() -> list[int]:
    """Every 5 minutes (Celery beat): checks and imports whose task was lost are queued
    again."""
    return importing.import_resend_stale()
