"""E-mails about registry records, rendered in Russian and delivered by Celery."""

from civiccenter.kernel.mail import send_templated

from .models import Membership, Organisation, Role


def leader_emails(organisation: Organisation) -> list[str]:
    return list(
        Membership.objects.filter(
            organisation=organisation, role=Role.LEADER, user__is_active=True
        ).values_list("user__email", flat=True)
    )


def send(template: str, *, to: list[str], context: dict) -> None:
    """Renders templates/initiatives/email/<template>_subject.txt and _body.txt."""
    send_templated(f"initiatives/email/{template}", to=to, context=context)


def notify_leaders(organisation: Organisation, template: str, **context) -> None:
    send(
        template, to=leader_emails(organisation), context={"organisation": organisation, **context}
    )
