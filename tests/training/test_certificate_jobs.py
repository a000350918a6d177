"""Certificates are background jobs with their state in PostgreSQL (civiccenter/kernel/jobs.py): a
lost message is re-sent by beat, a duplicate while one is made does nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from training.models import Certificate
from training.services import attendance, certificates, enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(make_session, make_user, trainer_user):
    session = make_session(hours=3, starts_in=timedelta(days=1))
    person = make_user("activist")
    item = enrolment.enrolment_create(session=session, user=person)
    attendance.attendance_mark(day=session.days.get(), marks={item.pk: True}, user=trainer_user)
    return certificates.certificate_request(enrolment=item, user=person)


def test_a_certificate_whose_message_was_lost_is_resent_and_made(certificate):
    assert certificate.state == "pending" and certificate.requested_at is not None
    Certificate.objects.filter(pk=certificate.pk).update(
        requested_at=timezone.now() - timedelta(minutes=11)
    )

    assert certificates.certificate_resend_stale() == [certificate.pk]

    certificate.refresh_from_db()
    assert certificate.state == "ready" and certificate.file
    assert certificates.certificate_resend_stale() == []


def test_a_duplicate_certificate_task_while_it_is_made_does_nothing(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(state="running", started_at=timezone.now())

    certificates.certificate_generate(certificate_id=certificate.pk)

    certificate.refresh_from_db()
    assert certificate.state == "running" and not certificate.file
