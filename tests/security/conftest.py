"""Objects for every URL parameter, and one signed-in client per role."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from accounts.roles import Role
from consulting.models import (
    Booking,
    Consultant,
    ConsultationLog,
    ConsultingTopic,
    ExpertCouncil,
    GrantReview,
    Roadmap,
)
from events.models import (
    Commitment,
    Event,
    EventSeries,
    MediaPublication,
    Question,
    Registration,
    StandReport,
    Team,
)
from initiatives.models import ImportJob, Invitation, Membership
from portal.models import Newsletter, PracticePassport, QuarterlyReport
from tests.factories import OrganisationFactory
from training.models import Certificate, Enrolment, Programme, Session, SessionDay, Trainer


@pytest.fixture
def world(make_user):
    """A small portal: the activist leads a published initiative and holds bookings,
    enrolments and tickets; everything else belongs to the centre."""
    now = timezone.now()
    activist = make_user(Role.ACTIVIST)
    other = make_user(Role.ACTIVIST)
    staff = make_user(Role.COORDINATOR)
    head = make_user(Role.ADMINISTRATION)
    for user in (staff, head):
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    organisation = OrganisationFactory(slug="lesnaya-strana")
    Membership.objects.create(organisation=organisation, user=activist, role="leader")
    draft = OrganisationFactory(slug="chernovik", moderation="draft", published_at=None)
    Membership.objects.create(organisation=draft, user=activist, role="leader")
    topic = ConsultingTopic.objects.create(name="Бюджет")
    consultant = Consultant.objects.create(user=staff)
    consultant.topics.add(topic)
    booking = Booking.objects.create(
        consultant=consultant,
        topic=topic,
        activist=activist,
        question="?",
        starts_at=now + timedelta(days=3),
        ends_at=now + timedelta(days=3, hours=1),
    )
    log = ConsultationLog.objects.create(
        held_on=timezone.localdate(), duration_minutes=60, topic=topic, summary="—"
    )
    log.consultants.add(consultant)
    review = GrantReview.objects.create(
        organisation=organisation,
        contest="Фонд",
        requested_amount=1000,
        reviewer=staff,
        reviewed_on=timezone.localdate(),
    )
    roadmap = Roadmap.objects.create(
        organisation=organisation, consultant=consultant, title="Карта"
    )
    programme = Programme.objects.create(title="СМИ", kind="master_class")
    session = Session.objects.create(programme=programme, place="Центр", capacity=10)
    trainer = Trainer.objects.create(name="Тренер")
    council = ExpertCouncil.objects.create(
        organisation=organisation, held_on=timezone.localdate(), conclusion="—"
    )
    day = SessionDay.objects.create(
        session=session, starts_at=now + timedelta(days=2), ends_at=now + timedelta(days=2, hours=2)
    )
    enrolment = Enrolment.objects.create(session=session, user=activist, status="enrolled")
    certificate = Certificate.objects.create(enrolment=enrolment, state="ready")
    certificate.file.save("c.pdf", ContentFile(b"%PDF-1.4"))
    event = Event.objects.create(
        kind="coffee_with_mayor",
        title="Кофе",
        slug="kofe",
        starts_at=now + timedelta(days=5),
        ends_at=now + timedelta(days=5, hours=2),
        reports_deadline=now + timedelta(days=4),
    )
    registration = Registration.objects.create(event=event, user=activist, status="registered")
    question = Question.objects.create(event=event, author=activist, text="?", status="on_agenda")
    commitment = Commitment.objects.create(
        event=event, what="А", responsible="Б", due_on=timezone.localdate()
    )
    report = StandReport.objects.create(
        event=event,
        organisation=organisation,
        submitted_by=activist,
        title="Доклад",
        abstract="…",
        poster=ContentFile(b"%PDF-1.4", name="p.pdf"),
        status="accepted",
    )
    team = Team.objects.create(event=event, number=1)
    series = EventSeries.objects.create(title="Диалог")
    job = ImportJob.objects.create(
        file=ContentFile(b"name\nA\n", name="l.csv"), original_name="l.csv", created_by=staff
    )
    invitation = Invitation.objects.create(
        organisation=organisation, email=other.email, invited_by=activist
    )
    passport = PracticePassport.objects.create(
        title="Паспорт", author=staff, status="published", pdf_state="ready"
    )
    passport.pdf.save("p.pdf", ContentFile(b"%PDF-1.4"))
    publication = MediaPublication.objects.create(
        outlet="Газета", published_on=now.date(), event=event, organisation=organisation
    )
    newsletter = Newsletter.objects.create(subject="Новости", body="Текст", created_by=staff)
    quarterly = QuarterlyReport.objects.create(year=2026, quarter=3, requested_at=now, state="done")
    quarterly.pdf.save("q.pdf", ContentFile(b"%PDF-1.4"))
    quarterly.xlsx.save("q.xlsx", ContentFile(b"PK"))
    return {
        "users": {
            "anonymous": None,
            "activist": activist,
            "other_activist": other,
            "staff": staff,
            "administration": head,
        },
        "kwargs": {
            "slug": organisation.slug,
            "step": "about",
            "decision": "approve",
            "pk": None,
            "fmt": None,
            "token": invitation.token,
            "topic_id": topic.pk,
            "day_pk": day.pk,
            "code": None,
            "action": None,
            "key": "nokey",
            "uidb36": "1",
            "year": 2026,
        },
        "objects": {
            "booking": booking,
            "log": log,
            "review": review,
            "roadmap": roadmap,
            "session": session,
            "enrolment": enrolment,
            "certificate": certificate,
            "event": event,
            "team": team,
            "series": series,
            "trainer": trainer,
            "council": council,
            "consultant": consultant,
            "topic": topic,
            "registration": registration,
            "question": question,
            "commitment": commitment,
            "report": report,
            "job": job,
            "passport": passport,
            "quarterly": quarterly,
            "draft": draft,
            "organisation": organisation,
            "publication": publication,
            "newsletter": newsletter,
        },
    }


@pytest.fixture
def clients(world):
    result = {}
    for role, user in world["users"].items():
        client = Client()
        if user is not None:
            client.force_login(user)
        result[role] = client
    return result
