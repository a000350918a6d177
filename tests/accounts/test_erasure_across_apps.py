"""Anonymising a withdrawn account erases what every app holds about the person, not only
the user row: booking questions and notes, private notes of consultations, feedback comments,
certificates and their files, question texts, game places, memberships, invitations, a
record's contact fields that name them, and their values in the audit trail."""

import os
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.services import user_anonymise
from civiccenter.kernel import audit
from civiccenter.kernel.models import AuditEntry
from consulting.models import Booking, Consultant, ConsultationLog, ConsultingTopic
from events.models import Event, GameParticipant, Question
from initiatives.models import Invitation, Membership, Organisation
from tests.factories import OrganisationFactory
from training.models import Certificate, Enrolment, Feedback, Programme, Session

pytestmark = pytest.mark.django_db


def test_anonymising_erases_the_person_from_every_app(make_user, settings, tmp_path):
    person = make_user(last_name="Соколова", first_name="Анна", phone="+79120000001")
    email = person.email
    organisation = OrganisationFactory(
        contact_person="Соколова Анна", private_email=email, private_phone="+79120000001"
    )
    Membership.objects.create(organisation=organisation, user=person, role="leader")
    other_record = OrganisationFactory(name="Чужая", private_email="other@example.org")
    Invitation.objects.create(organisation=other_record, email=email, invited_by=make_user())
    topic = ConsultingTopic.objects.create(name="Бюджет")
    consultant = Consultant.objects.create(user=make_user("consultant"))
    start = timezone.now() - timedelta(days=2)
    booking = Booking.objects.create(
        consultant=consultant,
        topic=topic,
        activist=person,
        question="Муж болеет, как быть?",
        staff_note="Перезвонить вечером",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        status="confirmed",
    )
    log = ConsultationLog.objects.create(
        held_on=timezone.localdate(start),
        duration_minutes=60,
        topic=topic,
        summary="Смета",
        private_notes="Тяжёлая семейная ситуация",
        follow_up="Позвонить",
        booking=booking,
    )
    session = Session.objects.create(
        programme=Programme.objects.create(title="СМИ", kind="training"), place="Центр", capacity=5
    )
    enrolment = Enrolment.objects.create(session=session, user=person, status="enrolled")
    Feedback.objects.create(enrolment=enrolment, rating=5, comments="Спасибо, Анна С.")
    certificate = Certificate.objects.create(enrolment=enrolment, state="ready")
    certificate.file.save("c.pdf", ContentFile(b"%PDF-1.4 Sokolova Anna"))
    stored = certificate.file.path
    event = Event.objects.create(
        kind="coffee_with_mayor",
        title="Кофе",
        slug="kofe",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    question = Question.objects.create(event=event, author=person, text="Я живу на Ленина, 5")
    GameParticipant.objects.create(event=event, user=person, social_group="Молодёжь", field="Спорт")
    audit.record(
        organisation, actor=None, action="edited", changes={"private_email": [None, email]}
    )

    user_anonymise(user=person)

    booking.refresh_from_db()
    log.refresh_from_db()
    question.refresh_from_db()
    organisation.refresh_from_db()
    assert (booking.question, booking.staff_note) == ("", "")
    assert (log.private_notes, log.follow_up, log.summary) == ("", "", "Смета")
    assert Feedback.objects.get(enrolment=enrolment).comments == ""
    assert Feedback.objects.get(enrolment=enrolment).rating == 5  # still in the averages
    assert not Certificate.objects.filter(pk=certificate.pk).exists()
    assert not os.path.exists(stored)
    assert question.text == "—"
    assert not GameParticipant.objects.filter(user=person).exists()
    assert not Membership.objects.filter(user=person).exists()
    assert not Invitation.objects.filter(email=email).exists()
    assert (organisation.contact_person, organisation.private_email) == ("", "")
    assert Organisation.objects.get(pk=other_record.pk).private_email == "other@example.org"
    assert not AuditEntry.objects.filter(changes__private_email=[None, email]).exists()
    assert Enrolment.objects.filter(user=person).exists()  # the figures keep their rows
