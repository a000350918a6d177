from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from initiatives.services.activity import record_activity

from ..models import Attendance, Enrolment, SessionDay


@transaction.atomic
def attendance_mark(*, day: SessionDay, marks: dict[int, bool], user: User) -> int:
    """Records who came on a day: {enrolment id: present}. Only people enrolled in this
    session can be marked."""
    enrolments = {
        e.pk: e
        for e in Enrolment.objects.filter(
            pk__in=marks, session_id=day.session_id, status=Enrolment.Status.ENROLLED
        )
    }
    unknown = set(marks) - set(enrolments)
    if unknown:
        raise ValidationError(
            _("Attendance can be marked only for people enrolled in this session."),
            code="not_enrolled",
        )
    for enrolment_id, present in marks.items():
        Attendance.objects.update_or_create(
            enrolment_id=enrolment_id, day=day, defaults={"present": present, "marked_by": user}
        )
    if not marks:
        return 0
    audit.record(
        day.session,
        actor=user,
        action="attendance",
        changes={
            "day": [None, day.starts_at.date().isoformat()],
            "present": [None, sum(marks.values())],
        },
    )
    organisations = {
        e.organisation_id for pk, e in enrolments.items() if marks[pk] and e.organisation_id
    }
    if organisations:
        record_activity(organisation_ids=list(organisations))
    return len(marks)
