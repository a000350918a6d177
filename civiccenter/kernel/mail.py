"""Sending e-mail from any app: render now, keep the letter in the outbox (a PostgreSQL row),
deliver it through Celery after the commit."""

import smtplib
from collections.abc import Callable
from datetime import datetime

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import QuerySet
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone, translation

from .jobs import TRANSIENT_ERRORS, BackgroundJob, JobState, enqueue, enqueue_after_commit
from .models import OutgoingEmail

EMAIL_JOB = JobState(
    OutgoingEmail,
    queued_at="queued_at",
    running=OutgoingEmail.State.SENDING,
    finished_at=None,
)


def send_after_commit(message: EmailMessage) -> OutgoingEmail:
    """Keeps an already-built message in the outbox, in the current transaction, and sends it
    to the workers once the transaction commits."""
    html_body = ""
    if isinstance(message, EmailMultiAlternatives):
        html_body = next(
            (str(content) for content, mimetype in message.alternatives if mimetype == "text/html"),
            "",
        )
    attachments = [
        [name, content.decode() if isinstance(content, bytes) else content, mimetype]
        for name, content, mimetype in message.attachments
    ]
    email = OutgoingEmail.objects.create(
        subject=str(message.subject)[:500],
        body=str(message.body),
        html_body=html_body,
        to=list(message.to),
        from_email=message.from_email or "",
        attachments=attachments,
        headers={str(name): str(value) for name, value in message.extra_headers.items()},
    )
    enqueue_after_commit(deliver_outgoing_email, email.pk)
    return email


def email_deliver(*, email_id: int) -> OutgoingEmail:
    """Sends one letter of the outbox, once: a duplicate message while a worker sends it, or
    a repeat after it went, does nothing."""
    if not EMAIL_JOB.take(email_id):
        return OutgoingEmail.objects.get(pk=email_id)
    email = OutgoingEmail.objects.get(pk=email_id)
    message = EmailMultiAlternatives(
        email.subject, email.body, email.from_email or None, list(email.to), headers=email.headers
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    for filename, content, mimetype in email.attachments:
        message.attach(filename, content, mimetype)
    message.send()
    # Once the letter has gone, the outbox keeps only the facts (to whom, what subject, when,
    # Message-ID): the text and the attachments (tickets, calendars) are personal data the
    # portal no longer needs. `purge_outbox` removes even those facts later.
    OutgoingEmail.objects.filter(pk=email_id).update(
        state=OutgoingEmail.State.SENT,
        sent_at=timezone.now(),
        message_id=str(message.message()["Message-ID"]),
        body="",
        html_body="",
        attachments=[],
        headers={},
    )
    email.refresh_from_db()
    return email


def resend_stale_emails(*, now: datetime | None = None) -> list[int]:
    """Celery beat: letters whose message was lost (the broker was down when they were
    written, a worker died) are sent to the workers again."""
    return EMAIL_JOB.resend_stale(lambda email: enqueue(deliver_outgoing_email, email.pk), now=now)


@shared_task(
    base=BackgroundJob,
    job_state=EMAIL_JOB,
    transient_errors=(*TRANSIENT_ERRORS, smtplib.SMTPException),
    max_retries=8,
)
def deliver_outgoing_email(email_id: int) -> str:
    """Sends a letter of the outbox; retried with growing pauses while the mail server is
    unreachable (civiccenter/kernel/jobs.py). Returns its Message-ID."""
    return email_deliver(email_id=email_id).message_id


def render_text(name: str, context: dict) -> str:
    """A plain-text template, without HTML escaping: a name typed with quotes or an
    ampersand («АНО "Развитие" & партнёры») reaches the letter as typed."""
    engine_template = get_template(name).template  # type: ignore[attr-defined]
    text: str = engine_template.render(Context(context, autoescape=False))
    return text


def send_templated(
    template: str,
    *,
    to: list[str],
    context: dict,
    attachments: list[tuple[str, str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> OutgoingEmail | None:
    """Renders `<template>_subject.txt` and `<template>_body.txt` in the portal's language
    (Russian) and queues the message. Text attachments only: (name, content, mimetype);
    `headers` are the letter's own (List-Unsubscribe of a bulk letter)."""
    if not to:
        return None
    context = {
        **context,
        "centre_name": settings.CENTRE_NAME,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_text(f"{template}_subject.txt", context)
        body = render_text(f"{template}_body.txt", context)
    message = EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{' '.join(subject.split())}",
        body=body,
        to=to,
        headers=headers,
    )
    for name, content, mimetype in attachments or []:
        message.attach(name, content, mimetype)
    return send_after_commit(message)


def mail_each_once(due: QuerySet, *, sent_field: str, now: datetime, send: Callable) -> list:
    """For beat's reminders and surveys: each row of `due` whose `sent_field` is still empty
    is marked sent at `now` and `send(row)` is called in the same transaction, so two runs at
    once mail a row once, and a failed send leaves the row to the next run. Returns the
    primary keys mailed."""
    mailed = []
    for row in due:
        with transaction.atomic():
            unsent = type(row).objects.filter(pk=row.pk, **{f"{sent_field}__isnull": True})
            if unsent.update(**{sent_field: now}):
                send(row)
                mailed.append(row.pk)
    return mailed
