"""Retention: a sent letter keeps only its facts, and old facts and expired sessions go."""

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

    assert purge_expired(now=timezone.now()) == {"sessions": 1, "sent_emails": 0}
    assert purge_expired(now=later) == {"sessions": 0, "sent_emails": 0}
    assert list(Session.objects.values_list("pk", flat=True)) == [live.session_key]

    Session.objects.all().delete()
    OutgoingEmail.objects.filter(pk=sent.pk).update(
        sent_at=timezone.now() - timedelta(days=settings.OUTBOX_KEEP_SENT_DAYS + 1)
    )
    assert purge_expired_data.delay().get() == {"sessions": 0, "sent_emails": 1}
    assert list(OutgoingEmail.objects.values_list("pk", flat=True)) == [queued.pk]
