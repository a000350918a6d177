"""Sending e-mail from any app: render now, deliver through Celery after the commit."""

from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import deliver_email


def send_after_commit(message: EmailMessage) -> None:
    """Queues an already-built message for delivery once the current transaction commits."""
    html_body = None
    if isinstance(message, EmailMultiAlternatives):
        html_body = next(
            (content for content, mimetype in message.alternatives if mimetype == "text/html"),
            None,
        )
    attachments = [
        [name, content.decode() if isinstance(content, bytes) else content, mimetype]
        for name, content, mimetype in message.attachments
    ]
    kwargs = {
        "subject": str(message.subject),
        "body": message.body,
        "to": list(message.to),
        "from_email": message.from_email,
        "html_body": html_body,
        "attachments": attachments,
    }
    transaction.on_commit(lambda: deliver_email.delay(**kwargs))


def send_templated(
    template: str,
    *,
    to: list[str],
    context: dict,
    attachments: list[tuple[str, str, str]] | None = None,
) -> None:
    """Renders `<template>_subject.txt` and `<template>_body.txt` in the portal's language
    (Russian) and queues the message. Text attachments only: (name, content, mimetype)."""
    if not to:
        return
    context = {
        **context,
        "centre_name": settings.CENTRE_NAME,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}_body.txt", context)
    message = EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{' '.join(subject.split())}",
        body=body,
        to=to,
    )
    for name, content, mimetype in attachments or []:
        message.attach(name, content, mimetype)
    send_after_commit(message)


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
