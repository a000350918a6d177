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


@shared_task(bind=True, acks_late=True, max_retries=3)
def generate_passport_pdf(self, passport_id: int, version: int) -> str:
    """Makes a passport's PDF; after the last retry the passport is marked failed with the
    reason, and the error is raised again for the worker's log."""
    from .models import PracticePassport
    from .services import passports

    try:
        return passports.passport_pdf_generate(passport_id=passport_id, version=version).pdf_state
    except Exception as error:
        if self.request.retries < self.max_retries and not self.request.is_eager:
            passports.passport_pdf_release(passport_id=passport_id)
            raise self.retry(exc=error, countdown=30) from error
        PracticePassport.objects.filter(pk=passport_id).update(
            pdf_state=PracticePassport.PdfState.FAILED, pdf_error=str(error)[:2000]
        )
        raise


@shared_task
def resend_stale_jobs() -> dict:
    """Every 5 minutes (Celery beat): passport PDFs, checks and imports whose task was lost
    are queued again."""
    from .services import passports

    return {
        "passports": passports.passport_pdf_resend_stale(),
        "imports": importing.import_resend_stale(),
    }
