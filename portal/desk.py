"""What needs doing now, for the staff's desk: one count per task a person's roles give them,
each linking to the page where it is done. One query per task shown, whatever the size of the
registry or the number of events."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from civiccenter.kernel.retention import last_run
from consulting.models import Booking
from events.models import Commitment, Event, Question, StandReport
from initiatives.models import Organisation
from portal.models import QuarterlyReport
from training.models import Attendance, SessionDay


@dataclass(frozen=True)
class Task:
    label: str | Promise
    permission: str
    url_name: str
    pending: Callable[[], QuerySet]
    query: str = ""

    @property
    def url(self) -> str:
        return reverse(self.url_name) + (f"?{self.query}" if self.query else "")


def _bookings_to_confirm():
    return Booking.objects.filter(status=Booking.Status.REQUESTED, starts_at__gte=timezone.now())


def _records_to_moderate():
    return Organisation.objects.filter(moderation=Organisation.Moderation.PENDING)


def _questions_to_moderate():
    return Question.objects.filter(
        status=Question.Status.SUBMITTED, event__starts_at__gte=timezone.now()
    )


def _reports_to_review():
    return StandReport.objects.filter(status=StandReport.Status.SUBMITTED)


def _days_without_attendance():
    """Training days over in the last 60 days with nobody marked present or absent."""
    now = timezone.now()
    return SessionDay.objects.filter(
        ends_at__lt=now, ends_at__gte=now - timedelta(days=60), session__is_cancelled=False
    ).exclude(Exists(Attendance.objects.filter(day=OuterRef("pk"))))


def _events_without_outcomes():
    now = timezone.now()
    return Event.objects.filter(
        ends_at__lt=now,
        ends_at__gte=now - timedelta(days=180),
        cancelled_at=None,
        is_published=True,
        outcome=None,
    )


def _commitments_overdue():
    return Commitment.objects.filter(done_on=None, due_on__lt=timezone.localdate())


def _reports_ready():
    return QuarterlyReport.objects.filter(
        state=QuarterlyReport.State.DONE, finished_at__gte=timezone.now() - timedelta(days=14)
    )


TASKS = [
    Task(
        _("Bookings to confirm"),
        "consulting.change_booking",
        "consulting:staff_bookings",
        _bookings_to_confirm,
    ),
    Task(
        _("Records to moderate"),
        "initiatives.moderate_organisation",
        "initiatives:moderation",
        _records_to_moderate,
    ),
    Task(
        _("Questions to put on the agenda"),
        "events.change_question",
        "events:manage",
        _questions_to_moderate,
    ),
    Task(
        _("Stand reports to review"),
        "events.change_standreport",
        "events:manage",
        _reports_to_review,
    ),
    Task(
        _("Training days without attendance"),
        "training.add_attendance",
        "training:dashboard",
        _days_without_attendance,
    ),
    Task(
        _("Past events without outcomes"),
        "events.change_outcome",
        "events:manage",
        _events_without_outcomes,
        query="when=past",
    ),
    Task(
        _("Overdue commitments"),
        "events.view_commitment",
        "events:commitments",
        _commitments_overdue,
    ),
    Task(
        _("Quarterly reports ready to download"),
        "portal.view_quarterlyreport",
        "reports:archive",
        _reports_ready,
    ),
]


def tasks_for(user) -> list[dict]:
    """The tasks this person's roles give them, each with how many wait (zero included: the
    desk says plainly that nothing waits)."""
    return [
        {"label": task.label, "count": task.pending().count(), "url": task.url}
        for task in TASKS
        if user.has_perm(task.permission)
    ]


# What the daily retention run (civiccenter/kernel/retention.py) removes, as the desk names it.
RETENTION_LABELS = {
    "sessions": pgettext_lazy("retention", "expired sessions"),
    "sent_emails": pgettext_lazy("retention", "facts of sent letters"),
    "access_log": pgettext_lazy("retention", "records of access to personal data"),
    "import_files": pgettext_lazy("retention", "import files"),
    "invitations": pgettext_lazy("retention", "invitations"),
}


def retention_report() -> dict | None:
    """The last retention run for the desk: when, and how many of each kind it removed."""
    run = last_run()
    if run is None:
        return None
    removed = [(RETENTION_LABELS.get(name, name), count) for name, count in run["removed"].items()]
    return {"at": run["at"], "removed": removed}
