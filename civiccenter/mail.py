"""Sending e-mail from any app: render now, deliver through Celery after the commit."""

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction

from .tasks import deliver_email


def send_after_commit(message: EmailMessage) -> None:
    """Queues an already-built message for delivery once the current transaction commits."""
    html_body = None
    if isinstance(message, EmailMultiAlternatives):
        html_body = next(
            (content for content, mimetype in message.alternatives if mimetype == "text/html"),
            None,
        )
    kwargs = {
        "subject": str(message.subject),
        "body": message.body,
        "to": list(message.to),
        "from_email": message.from_email,
        "html_body": html_body,
    }
    transaction.on_commit(lambda: deliver_email.delay(**kwargs))
