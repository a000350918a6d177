"""The registry's retention terms (run daily by civiccenter/kernel/retention.py): an imported
list may hold the contacts of every initiative it names, so its file and row preview go once
the import is IMPORT_FILES_KEEP_DAYS old (the job keeps its counts and outcome); invitations,
which carry an address, go after INVITATIONS_KEEP_DAYS, accepted or not."""

from datetime import datetime, timedelta

from django.conf import settings

from .models import ImportJob, Invitation


def import_files_purge(now: datetime) -> int:
    cutoff = now - timedelta(days=settings.IMPORT_FILES_KEEP_DAYS)
    purged = 0
    for job in ImportJob.objects.filter(created_at__lt=cutoff).exclude(file="", preview=[]):
        if job.file:
            job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="", preview=[])
        purged += 1
    return purged


def invitations_purge(now: datetime) -> int:
    cutoff = now - timedelta(days=settings.INVITATIONS_KEEP_DAYS)
    deleted, _ = Invitation.objects.filter(created_at__lt=cutoff).delete()
    return deleted
