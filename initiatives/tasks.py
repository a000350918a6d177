from celery import shared_task

from .services import dormancy, importing


@shared_task
def dormancy_sweep() -> dict:
    """Daily (Celery beat): warn the leaders of quiet records, then mark them dormant."""
    result = dormancy.dormancy_sweep()
    return {"warned": result.warned, "made_dormant": result.made_dormant}


@shared_task(bind=True, acks_late=True)
def import_preview(self, job_id: int) -> str:
    return _run(job_id, importing.import_preview)


@shared_task(bind=True, acks_late=True)
def import_commit(self, job_id: int) -> str:
    return _run(job_id, importing.import_commit)


def _run(job_id: int, step) -> str:
    """Runs one import step; an unexpected error marks the job failed and is raised again,
    so that it reaches the worker's log."""
    from django.utils import timezone

    from .models import ImportJob

    try:
        return step(job_id=job_id).state
    except Exception as error:
        ImportJob.objects.filter(pk=job_id).update(
            state=ImportJob.State.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        raise
