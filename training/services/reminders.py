from datetime import datetime, timedelta

from django.db.models import Exists, Max, Min, OuterRef
from django.utils import timezone

from civiccenter.kernel.mail import mail_each_once, send_templated

from ..models import Attendance, Enrolment


def send_day_before(*, now: datetime | None = None) -> list[int]:
    """Once per enrolment: the session's first day starts within 24 hours."""
    now = now or timezone.now()
    due = (
        Enrolment.objects.filter(
            status=Enrolment.Status.ENROLLED,
            user__is_active=True,
            reminded_at__isnull=True,
            session__is_cancelled=False,
        )
        .annotate(first=Min("session__days__starts_at"))
        .filter(first__gt=now, first__lte=now + timedelta(hours=24))
        .select_related("user", "session__programme")
    )

    def send(enrolment: Enrolment) -> None:
        send_templated(
            "training/email/reminder",
            to=[enrolment.user.email],
            context={
                "enrolment": enrolment,
                "session": enrolment.session,
                "starts_at": enrolment.first,  # type: ignore[attr-defined]  # annotated above
            },
        )

    return mail_each_once(due, sent_field="reminded_at", now=now, send=send)


def request_feedback(*, now: datetime | None = None) -> list[int]:
    """Once per enrolment: the session's last day has ended and the person attended."""
    now = now or timezone.now()
    attended = Attendance.objects.filter(enrolment=OuterRef("pk"), present=True)
    due = (
        Enrolment.objects.filter(
            status=Enrolment.Status.ENROLLED,
            user__is_active=True,
            feedback_requested_at__isnull=True,
        )
        .annotate(last=Max("session__days__ends_at"))
        .filter(Exists(attended), last__lte=now)
        .select_related("user", "session__programme")
    )

    def send(enrolment: Enrolment) -> None:
        send_templated(
            "training/email/feedback",
            to=[enrolment.user.email],
            context={"enrolment": enrolment, "session": enrolment.session},
        )

    return mail_each_once(due, sent_field="feedback_requested_at", now=now, send=send)
