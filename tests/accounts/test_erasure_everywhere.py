"""One person in every table and file that can hold them, withdrawn, and the sweep 31 days
later: a full `pg_dump` of the database, the media storage and the mail folder no longer
hold their name, e-mail or phone — and the quarter's figures are what they were."""

import json
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import PersonalDataConsent
from accounts.roles import Role
from accounts.services import anonymise_due_accounts, consent_withdraw
from civiccenter.kernel import audit
from civiccenter.kernel.backup import _connection_env, pg_tool
from civiccenter.kernel.models import OutgoingEmail
from civiccenter.kernel.quarters import Quarter
from consulting import rollups
from consulting.models import Booking, Consultant, ConsultationLog, ConsultingTopic
from events.models import (
    Event,
    GameParticipant,
    Question,
    QuestionSupport,
    Registration,
    ReportComment,
    StandReport,
)
from initiatives.models import Invitation, Membership
from portal.reporting import quarter_figures
from tests.factories import OrganisationFactory
from training.models import Certificate, Enrolment, Feedback, Programme, Session

pytestmark = pytest.mark.django_db(transaction=True)

SURNAME, FIRST_NAME, PATRONYMIC = "Шевчукова", "Евлампия", "Аркадьевна"
EMAIL, PHONE = "evlampia.shevchukova@example.org", "+79125550147"


def _needles() -> list[str]:
    """Every form the person's data could take in a dump: as typed, in other letter cases,
    and as JSON writes Cyrillic (\\u0428…)."""
    plain = [SURNAME, FIRST_NAME, EMAIL, "evlampia", PHONE, "912 555-01-47", "9125550147"]
    escaped = [json.dumps(value)[1:-1] for value in (SURNAME, FIRST_NAME)]
    return plain + [value.lower() for value in plain] + escaped


def _found_in(text: str) -> list[str]:
    return [needle for needle in _needles() if needle in text]


def _database_dump() -> str:
    args, env = _connection_env()
    # The arguments come from the test settings.
    result = subprocess.run(  # noqa: S603
        [pg_tool("pg_dump"), "--data-only", "--no-owner", *args],
        env=env,
        capture_output=True,
        check=True,
    )
    return result.stdout.decode()


def _leaks(dump: str) -> dict[str, list[str]]:
    """The tables whose rows still hold the person, with what they hold."""
    leaks: dict[str, list[str]] = {}
    table = ""
    for line in dump.splitlines():
        if line.startswith("COPY "):
            table = line.split()[1]
        elif found := _found_in(line):
            leaks.setdefault(table, []).extend(found)
    return leaks


def _figures(quarter: Quarter) -> list:
    return [
        (row.label, row.quarter, row.previous, row.year_to_date)
        for row in quarter_figures(quarter)["rows"]
    ]


def test_withdrawal_leaves_the_person_nowhere(make_user, settings, tmp_path):
    mail_folder = tmp_path / "mail"
    settings.MAILERS = {
        "default": {
            "BACKEND": "civiccenter.kernel.mail_backends.ReadableFileBackend",
            "OPTIONS": {"file_path": str(mail_folder)},
        }
    }
    now = timezone.now()
    person = make_user(
        Role.ACTIVIST,
        last_name=SURNAME,
        first_name=FIRST_NAME,
        patronymic=PATRONYMIC,
        email=EMAIL,
        phone=PHONE,
    )
    PersonalDataConsent.objects.filter(user=person).update(ip_address="10.9.8.7")
    EmailAddress.objects.get_or_create(user=person, email=EMAIL, defaults={"verified": True})
    staff = make_user(Role.COORDINATOR)
    full_name = f"{SURNAME} {FIRST_NAME}"

    # The registry: a record that names her as its contact, her membership, an invitation,
    # the change records of her edits.
    organisation = OrganisationFactory(
        contact_person=full_name, private_email=EMAIL, private_phone=PHONE
    )
    Membership.objects.create(organisation=organisation, user=person, role="leader")
    Invitation.objects.create(
        organisation=OrganisationFactory(), email=EMAIL, invited_by=make_user(Role.ACTIVIST)
    )
    audit.record(
        organisation,
        actor=person,
        action="edited",
        changes={"contact_person": ["", full_name], "private_phone": ["", PHONE]},
    )
    audit.record(person, actor=staff, action="roles_changed", changes={"roles": [[], ["activist"]]})

    # Consulting: a booking with her question and a staff note, the log with private notes.
    topic = ConsultingTopic.objects.create(name="Бюджет")
    consultant = Consultant.objects.create(user=make_user(Role.CONSULTANT))
    start = now - timedelta(days=1)
    booking = Booking.objects.create(
        consultant=consultant,
        topic=topic,
        activist=person,
        question=f"Я {full_name}, звоните на {PHONE}",
        staff_note=f"{SURNAME} просила перезвонить",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        status="confirmed",
    )
    log = ConsultationLog.objects.create(
        held_on=timezone.localdate(start),
        duration_minutes=75,
        topic=topic,
        summary=f"Смета проекта; пришла {SURNAME} {FIRST_NAME}",
        private_notes=f"{FIRST_NAME} в трудной ситуации",
        follow_up=f"Написать на {EMAIL}",
        booking=booking,
        created_by=consultant.user,
    )
    log.consultants.add(consultant)
    rollups.rebuild()  # written directly: the log's sums from it, as after a bulk load
    audit.record(
        log,
        actor=consultant.user,
        action="edited",
        changes={"private_notes": ["", f"{FIRST_NAME} в трудной ситуации"]},
    )

    # Training: an enrolment with feedback and a certificate file bearing her name.
    session = Session.objects.create(
        programme=Programme.objects.create(title="СМИ", kind="training"), place="Центр", capacity=5
    )
    enrolment = Enrolment.objects.create(session=session, user=person, status="enrolled")
    Feedback.objects.create(enrolment=enrolment, rating=5, comments=f"Спасибо! {FIRST_NAME}")
    certificate = Certificate.objects.create(enrolment=enrolment, state="ready")
    certificate.file.save("certificate.pdf", ContentFile(f"%PDF-1.4 {full_name}".encode()))

    # Events: a ticket she checked in with, a poster, a comment, a question and a support,
    # a business-game place; a letter still queued to her and one in the mail folder.
    event = Event.objects.create(
        kind="forum",
        title="Форум",
        slug="forum",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
    )
    Registration.objects.create(
        event=event, user=person, status="registered", checked_in_at=start, checked_in_by=staff
    )
    report = StandReport.objects.create(
        event=event,
        organisation=organisation,
        submitted_by=person,
        title="Наш опыт",
        abstract="Итоги года",
    )
    report.poster.save("poster.pdf", ContentFile(f"%PDF-1.4 {full_name}".encode()))
    ReportComment.objects.create(report=report, author=person, text=f"Исправила — {FIRST_NAME}")
    coffee = Event.objects.create(
        kind="coffee_with_mayor",
        title="Кофе",
        slug="kofe",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    Question.objects.create(event=coffee, author=person, text=f"Я живу на Ленина, 5. {SURNAME}")
    other_question = Question.objects.create(event=coffee, author=staff, text="Про дворы")
    QuestionSupport.objects.create(question=other_question, user=person)
    GameParticipant.objects.create(event=event, user=person, social_group="Молодёжь", field="Спорт")
    OutgoingEmail.objects.create(
        subject="Напоминание", body=f"Здравствуйте, {FIRST_NAME}!", to=[EMAIL]
    )
    mail.send_mail("Билет", f"Здравствуйте, {full_name}!", "portal@centre.example", [EMAIL])

    quarter = Quarter.of(timezone.localdate(start))
    figures_before = _figures(quarter)
    assert _found_in(_database_dump())  # the needles are there to be found

    consent_withdraw(user=person, ip_address="10.9.8.6")
    with time_machine.travel(now + timedelta(days=31)):
        assert anonymise_due_accounts() == [person.pk]

    leaks = _leaks(_database_dump())
    assert not leaks, f"the database dump still holds the person: {leaks}"
    media = Path(settings.MEDIA_ROOT)
    for path in [*media.rglob("*"), *mail_folder.rglob("*")]:
        if path.is_file():
            text = path.read_bytes().decode("utf-8", "replace")
            assert not _found_in(text), f"{path} still holds {_found_in(text)}"
    # The figures keep every consultation, ticket and enrolment, counted as before.
    assert _figures(quarter) == figures_before
