"""Background jobs: one way to run them, and the state of those that make something in a
PostgreSQL row (a quarterly report, a passport PDF, a certificate, an import).

Every task of the portal is a `BackgroundJob`: transient errors (the database or the broker
gone for a while) are retried with a growing pause; any other error, or the last retry, is
recorded on the job's row with a reason in Russian and raised again for the worker's log.

Celery delivers a message at least once: a re-send after a lost job, a message redelivered
after its worker died, a person clicking twice. Whatever arrives, the row decides:

- `take`: a worker marks the row running in one UPDATE, only while it is queued or while the
  worker that took it before has not been heard of for LEASE (presumed dead). Of two workers
  handed the same job at once, exactly one does the work.
- `release`: before a retry the row goes back to queued, so the retried task may take it.
- `requeue_stale`: rows queued or running for too long — their message was lost with a
  broker, or their worker was killed — are queued again, for Celery beat to re-send.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, ClassVar

from celery import Task
from celery.exceptions import Retry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, models, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

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
    failed: str = "failed"
    error: str = "error"
    finished_at: str | None = "finished_at"

    @property
    def rows(self) -> models.QuerySet:
        return self.model._default_manager.all()

    def take(self, pk: int, *, now: datetime | None = None, **conditions: Any) -> bool:
        """True when this worker got the job: the row was queued (or its lease ran out) and
        matches `conditions` (the version the message was sent for, say); it is now running."""
        now = now or timezone.now()
        lease_over = Q(**{f"{self.started_at}__lt": now - LEASE}) | Q(
            **{f"{self.started_at}__isnull": True}
        )
        takeable = Q(**{self.state: self.queued}) | (Q(**{self.state: self.running}) & lease_over)
        rows = self.rows.filter(takeable, pk=pk, **conditions)
        return rows.update(**{self.state: self.running, self.started_at: now}) == 1

    def release(self, pk: int) -> None:
        self.rows.filter(pk=pk, **{self.state: self.running}).update(**{self.state: self.queued})

    def fail(self, pk: int, *, reason: str, now: datetime | None = None) -> None:
        """The job's last word: failed, with the reason people read on its page."""
        fields: dict[str, Any] = {self.state: self.failed, self.error: reason[:2000]}
        if self.finished_at:
            fields[self.finished_at] = now or timezone.now()
        self.rows.filter(pk=pk).update(**fields)

    def queue(self, pk: int, *, now: datetime | None = None) -> None:
        self.rows.filter(pk=pk).update(
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
            self.rows.filter(
                Q(**{self.state: self.queued, f"{self.queued_at}__lt": now - queued_after})
                | Q(**{self.state: self.running, f"{self.started_at}__lt": now - running_after})
            )
        )
        self.rows.filter(pk__in=[row.pk for row in stale]).update(
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


# --- Sending a job to the workers ---------------------------------------------------------

# A broker that is down answers within a second instead of holding the request.
PUBLISH_RETRY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
BROKER_DOWN: tuple[type[BaseException], ...] = (
    BrokerError,
    RedisConnectionError,
    RedisTimeoutError,
    ConnectionError,
    TimeoutError,
)


def enqueue(task: Task, *args: Any, countdown: int = 0) -> bool:
    """Sends `task(*args)` to the workers now (or to run in `countdown` seconds). With the
    broker away it says so in the log and returns False: the job's row stays queued and
    beat's re-send (`resend_stale`) sends it once the broker is back, so the person's request
    succeeds all the same."""
    try:
        if countdown:
            task.apply_async(args, countdown=countdown, retry=True, retry_policy=PUBLISH_RETRY)
        else:
            task.apply_async(args, retry=True, retry_policy=PUBLISH_RETRY)
    except BROKER_DOWN as error:
        logger.warning(
            "broker unreachable, %s%r left for beat to re-send: %s", task.name, args, error
        )
        return False
    return True


def enqueue_after_commit(task: Task, *args: Any) -> None:
    """`enqueue` once the current transaction commits (the row the job reads is written)."""
    transaction.on_commit(lambda: enqueue(task, *args))


# --- Running a job ------------------------------------------------------------------------

# Errors that pass: PostgreSQL restarting or unreachable, Redis (the broker) gone for a while.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    BrokerError,
    RedisConnectionError,
    RedisTimeoutError,
    ConnectionError,
    TimeoutError,
)
RETRY_FIRST_PAUSE = 30  # seconds; doubled at each retry
RETRY_LONGEST_PAUSE = 30 * 60


def retry_pause(retries: int) -> int:
    """Seconds before retry number `retries + 1`: 30, 60, 120… up to half an hour."""
    pause: int = RETRY_FIRST_PAUSE * 2**retries
    return min(pause, RETRY_LONGEST_PAUSE)


def failure_reason(error: BaseException, *, transient: bool) -> str:
    """What the job's page says when it failed, stored in the portal's language."""
    with translation.override(settings.LANGUAGE_CODE):
        if isinstance(error, ValidationError):
            return " ".join(error.messages)
        detail = f"{type(error).__name__}: {error}"
        if transient:
            return (
                _(
                    "The database or the task queue stayed unavailable after several attempts "
                    "(%s). Request it again later."
                )
                % detail
            )
        return _("Failed with an unexpected error (%s). Tell the portal's administrator.") % (
            detail
        )


class BackgroundJob(Task):
    """The base of every task. A task whose work has a row names its `job_state`; the first
    positional argument is then the row's primary key.

    - a transient error is retried after `retry_pause` (the row released for the retry), up
      to `max_retries` times;
    - any other error, or a transient one after the last retry, marks the row failed with
      `failure_reason` and is raised again;
    - eager runs (tests) do not retry.
    Messages are acknowledged after the work (acks_late): a worker killed mid-job leaves the
    message to another, and the row's lease decides who does the work."""

    job_state: ClassVar[JobState | None] = None
    transient_errors: ClassVar[tuple[type[BaseException], ...]] = TRANSIENT_ERRORS
    max_retries = 6
    acks_late = True

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except Retry:
            raise
        except self.transient_errors as error:
            if self.request.retries < self.max_retries and not self.request.is_eager:
                self._release(args)
                raise self.retry(
                    exc=error if isinstance(error, Exception) else None,
                    countdown=retry_pause(self.request.retries),
                ) from error
            self._fail(args, error, transient=True)
            raise
        except Exception as error:
            self._fail(args, error, transient=False)
            raise

    def _release(self, args: tuple) -> None:
        if self.job_state is not None and args:
            self.job_state.release(args[0])

    def _fail(self, args: tuple, error: BaseException, *, transient: bool) -> None:
        logger.error("%s failed for %s: %r", self.name, args[:1], error)
        if self.job_state is None or not args:
            return
        try:
            self.job_state.fail(args[0], reason=failure_reason(error, transient=transient))
        except TRANSIENT_ERRORS:
            # The database itself is gone: the row stays queued or running, and beat's
            # re-send (`resend_stale`) brings the job back once it returns.
            logger.exception("could not record the failure of %s", self.name)
