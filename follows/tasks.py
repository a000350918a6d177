"""The digests, which beat builds in batches. (The letters sent as things happen are
`follows.services.mail_immediate_notices`, next to the notices that start them.)"""

from celery import shared_task
from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from civiccenter.kernel.jobs import BackgroundJob, enqueue

from . import services


@shared_task(base=BackgroundJob)
def plan_digests(delivery: str) -> int:
    """Hourly by beat: the people due a digest of the last period, in batches of
    DIGEST_BATCH, each batch a task of its own. Beat running twice, or a batch's worker
    killed, only means some people are looked at again: `digest_send` sends once per
    period. Returns the number of batches."""
    now = timezone.now()
    due = services.digest_due_user_pks(delivery, now=now)
    size = settings.DIGEST_BATCH
    batches = [due[i : i + size] for i in range(0, len(due), size)]
    for batch in batches:
        enqueue(send_digest_batch, delivery, batch, now.isoformat())
    return len(batches)


@shared_task(base=BackgroundJob)
def send_digest_batch(delivery: str, user_pks: list[int], planned_at: str) -> list[int]:
    """One batch of digests, for the period that was last when beat planned it."""
    now = parse_datetime(planned_at) or timezone.now()
    return services.digests_send(delivery=delivery, user_pks=user_pks, now=now)
