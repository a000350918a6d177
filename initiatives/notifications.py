"""E-mails about registry records, rendered in Russian and delivered by Celery."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from civiccenter.mail import send_after_commit

from .models import Membership, Organisation, Role


def leader_emails(organisation: Organisation) -> list[str]:
    return list(
        Membership.objects.filter(
            organisation=organisation, role=Role.LEADER, user__is_active=True
        ).values_list("user__email", flat=True)
    )


def send(template: str, *, to: list[str], context: dict) -> None:
    """Renders templates/initiatives/email/<template>_subject.txt and _body.txt."""
    if not to:
        return
    context = {**context, "centre_name": settings.CENTRE_NAME}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"initiatives/email/{template}_subject.txt", context)
        body = render_to_string(f"initiatives/email/{template}_body.txt", context)
    message = EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{' '.join(subject.split())}",
        body=body,
        to=to,
    )
    send_after_commit(message)


def notify_leaders(organisation: Organisation, template: str, **context) -> None:
    send(
        template, to=leader_emails(organisation), context={"organisation": organisation, **context}
    )
