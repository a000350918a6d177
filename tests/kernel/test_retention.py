"""Retention: a sent letter keeps only its facts, and old facts, expired sessions, old import
files, invitations and records of access go, each after its term; the desk shows the last run."""

import os
from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.mail import EmailMessage
from django.utils import timezone

from civiccenter.kernel.mail import send_after_commit
from civiccenter.kernel.models import OutgoingEmail
from civiccenter.kernel.retention import purge_expired
from civiccenter.kernel.tasks import purge_expired_data

pytestmark = pytest.mark.django_db

NOTHING = {"sessions": 0, "sent_emails": 0, "access_log": 0, "import_files": 0, "invitations": 0}


def _letter(**fields):
    message = EmailMessage("Ваш билет", "Иванова Анна, ваш билет 7KQ2M", to=["anna@example.org"])
    message.attach("ticket.svg", "<svg/>", "image/svg+xml")
    return send_after_commit(message)


def test_a_sent_letter_keeps_its_facts_but_not_its_text(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = _letter()

    email.refresh_from_db()
    assert mail.outbox[0].body == "Иванова Анна, ваш билет 7KQ2M"  # it did go, whole
    assert (email.state, email.to, email.subject) == ("sent", ["anna@example.org"], "Ваш билет")
    assert (email.body, email.html_body, email.attachments) == ("", "", [])
    assert email.sent_at and email.message_id


def test_old_sent_letters_and_expired_sessions_are_deleted(
    settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = _letter()
    queued = _letter()  # never sent: the outbox keeps it until it goes
    expired, live = SessionStore(), SessionStore()
    for store in (expired, live):
        store["_auth_user_id"] = "1"
        store.create()
    Session.objects.filter(pk=expired.session_key).update(
        expire_date=timezone.now() - timedelta(minutes=1)
    )
    Session.objects.filter(pk=live.session_key).update(
        expire_date=timezone.now() + timedelta(days=365)
    )
    later = timezone.now() + timedelta(days=settings.OUTBOX_KEEP_SENT_DAYS - 1)

    assert purge_expired(now=timezone.now()) == NOTHING | {"sessions": 1}
    assert purge_expired(now=later) == NOTHING
    assert list(Session.objects.values_list("pk", flat=True)) == [live.session_key]

    Session.objects.all().delete()
    OutgoingEmail.objects.filter(pk=sent.pk).update(
        sent_at=timezone.now() - timedelta(days=settings.OUTBOX_KEEP_SENT_DAYS + 1)
    )
    assert purge_expired_data.delay().get() == NOTHING | {"sent_emails": 1}
    assert list(OutgoingEmail.objects.values_list("pk", flat=True)) == [queued.pk]


def test_import_files_invitations_and_old_access_records_go_after_their_terms(
    settings, coordinator
):
    from django.core.files.base import ContentFile
    from django.urls import reverse

    from civiccenter.kernel.models import PersonalDataAccess
    from civiccenter.kernel.retention import last_run
    from initiatives.models import ImportJob, Invitation
    from tests.factories import OrganisationFactory

    now = timezone.now()
    old = ImportJob.objects.create(
        file=ContentFile(b"name,email\nClub,leader@example.org\n", name="list.csv"),
        original_name="list.csv",
        created_by=coordinator,
        preview=[{"values": {"private_email": "leader@example.org"}}],
    )
    recent = ImportJob.objects.create(
        file=ContentFile(b"name\nClub\n", name="new.csv"),
        original_name="new.csv",
        created_by=coordinator,
    )
    stored = old.file.path
    ImportJob.objects.filter(pk=old.pk).update(
        created_at=now - timedelta(days=settings.IMPORT_FILES_KEEP_DAYS + 1)
    )
    organisation = OrganisationFactory()
    stale = Invitation.objects.create(
        organisation=organisation, email="old@example.org", invited_by=coordinator
    )
    Invitation.objects.filter(pk=stale.pk).update(
        created_at=now - timedelta(days=settings.INVITATIONS_KEEP_DAYS + 1)
    )
    Invitation.objects.create(
        organisation=organisation, email="new@example.org", invited_by=coordinator
    )
    for days in (1, settings.PERSONAL_DATA_ACCESS_KEEP_DAYS + 1):
        PersonalDataAccess.objects.create(
            actor=coordinator,
            kind="viewed",
            page="people",
            address="/desk/people/",
            at=now - timedelta(days=days),
        )

    assert purge_expired(now=now) == NOTHING | {
        "import_files": 1,
        "invitations": 1,
        "access_log": 1,
    }

    old.refresh_from_db()
    assert (old.file.name, old.preview, old.original_name) == ("", [], "list.csv")
    assert not os.path.exists(stored)
    assert ImportJob.objects.get(pk=recent.pk).file
    assert list(Invitation.objects.values_list("email", flat=True)) == ["new@example.org"]
    assert PersonalDataAccess.objects.count() == 1
    assert last_run()["removed"]["import_files"] == 1

    # The desk tells coordinators when retention last ran and what it removed.
    from django.test import Client

    client = Client()
    client.force_login(coordinator)
    desk = client.get(reverse("desk")).content.decode()
    assert "Сроки хранения" in desk and "файлов импорта: 1" in desk
