"""Changes to training made through its services are in the audit trail."""

import pytest

from civiccenter.kernel import audit
from training.services import attendance, enrolment, feedback

pytestmark = pytest.mark.django_db


def test_enrolment_waitlist_attendance_and_survey_leave_a_trail(make_session, make_user):
    session = make_session(capacity=1)
    first, second = make_user("activist"), make_user("activist")
    trainer = make_user("trainer")

    taken = enrolment.enrolment_create(session=session, user=first)
    waiting = enrolment.enrolment_create(session=session, user=second, waitlist=True)
    enrolment.enrolment_cancel(enrolment=taken, user=first)
    attendance.attendance_mark(day=session.days.get(), marks={waiting.pk: True}, user=trainer)
    feedback.feedback_submit(enrolment=waiting, rating=5)

    assert [(e.action, e.actor) for e in audit.history(taken)] == [
        ("cancelled", first),
        ("registered", first),
    ]
    assert [e.action for e in audit.history(waiting)] == ["answered", "promoted", "waitlisted"]
    (marked,) = audit.history(session)
    assert (marked.action, marked.actor, marked.changes["present"]) == (
        "attendance",
        trainer,
        [None, 1],
    )


def test_a_second_survey_answer_is_refused_not_an_error(make_session, make_user):
    session = make_session()
    person = make_user("activist")
    item = enrolment.enrolment_create(session=session, user=person)
    feedback.feedback_submit(enrolment=item, rating=4)

    with pytest.raises(Exception, match="уже записан"):
        feedback.feedback_submit(enrolment=item, rating=5)
