"""Background jobs whose state lives in a PostgreSQL row: a quarterly report, a passport PDF,
a certificate, an import.

Celery delivers a message at least once: a re-send after a lost job, a message redelivered
after its worker died, a person clicking twice. Whatever arrives, the row decides:

- `take`: a worker marks the row running in one UPDATE, only while it is queued or while the
  worker that took it before has not been heard of for LEASE (presumed dead). Of two workers
  handed the same job at once, exactly one does the work.
- `release`: before a retry the row goes back to queued, so the retried task may take it.
- `requeue_stale`: rows queued or running for too long — their message was lost with a
  broker, or their worker was killed — are queued again, for Celery beat to re-send.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone

# A job being made belongs to its worker this long (PDFs take seconds, imports a minute or two).
LEASE = timedelta(minutes=30)
# A message normally reaches a worker within seconds; after this long it was lost.
QUEUED_TOO_LONG = timedelta(minutes=10)


@dataclass(frozen=True)
class JobState:
    """Where a model keeps a job's state: the field names and the values meaning queued and
    running."""

    model: type[models.Model]
    state: str = "state"
    queued_at: str = "requested_at"
    started_at: str = "started_at"
    queued: str = "queued"
    running: str = "running"

    def take(self, pk: int, *, now: datetime | None = None, **conditions) -> bool:
        """True when this worker got the job: the row was queued (or its lease ran out) and
        matches `conditions` (the version the message was sent for, say); it is now running."""
        now = now or timezone.now()
        lease_over = Q(**{f"{self.started_at}__lt": now - LEASE}) | Q(
            **{f"{self.started_at}__isnull": True}
        )
        takeable = Q(**{self.state: self.queued}) | (Q(**{self.state: self.running}) & lease_over)
        rows = self.model.objects.filter(takeable, pk=pk, **conditions)
        return rows.update(**{self.state: self.running, self.started_at: now}) == 1

    def release(self, pk: int) -> None:
        self.model.objects.filter(pk=pk, **{self.state: self.running}).update(
            **{self.state: self.queued}
        )

    def queue(self, pk: int, *, now: datetime | None = None) -> None:
        self.model.objects.filter(pk=pk).update(
            **{self.state: self.queued, self.queued_at: now or timezone.now()}
        )

    def requeue_stale(
        self,
        *,
        now: datetime | None = None,
        queued_after: timedelta = QUEUED_TOO_LONG,
        running_after: timedelta = LEASE,
    ) -> list:
        """Marks queued again, as of `now`, the rows queued longer than `queued_after` or
        running longer than `running_after`, and returns them for their messages to be sent."""
        now = now or timezone.now()
        stale = list(
            self.model.objects.filter(
                Q(**{self.state: self.queued, f"{self.queued_at}__lt": now - queued_after})
                | Q(**{self.state: self.running, f"{self.started_at}__lt": now - running_after})
            )
        )
        self.model.objects.filter(pk__in=[row.pk for row in stale]).update(
            **{self.state: self.queued, self.queued_at: now}
        )
        return stale

    def resend_stale(self, send: Callable, *, now: datetime | None = None) -> list[int]:
        """Celery beat's re-send: requeues the stale rows and calls `send(row)` (queues the
        row's task) for each. Returns their primary keys."""
        stale = self.requeue_stale(now=now)
        for row in stale:
            send(row)
        return [row.pk for row in stale]
