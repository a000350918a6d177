"""The person's own data as a page to read (152-FZ art. 14), beside the JSON file: the same
parts, with Russian names for their keys and Russian dates, as a tree of sections."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

LABELS: dict[str, str | Promise] = {
    # the parts
    "account": _("Account"),
    "consents": _("Consents"),
    "consultation bookings": _("Consultation bookings"),
    "event registrations": _("Event registrations"),
    "initiatives": _("Initiatives"),
    "questions to the head of the city": _("Questions to the head of the city"),
    "training": _("Training"),
    "votes, supports and games": _("Votes, supports and business games"),
    # their fields
    "arrived_at": _("Arrived at"),
    "at": pgettext_lazy("personal data", "When"),
    "attendance": _("Attendance"),
    "business_games": _("Business games"),
    "certificate": _("Certificate"),
    "comments": _("Comments"),
    "day": _("Day"),
    "email": _("E-mail"),
    "ends_at": _("Ends at"),
    "enrolled_at": _("Enrolled at"),
    "event": _("Event"),
    "feedback": _("Feedback"),
    "field": _("Field"),
    "first_name": _("First name"),
    "initiative": _("Initiative"),
    "joined": _("Joined"),
    "last_login": _("Last sign-in"),
    "last_name": _("Last name"),
    "note_from_the_centre": _("Note from the centre"),
    "patronymic": _("Patronymic"),
    "phone": _("Phone"),
    "place": _("Place"),
    "present": _("Present"),
    "processing": _("Consent to processing"),
    "programme": _("Programme"),
    "publication_of_name": _("Consent to the publication of the name"),
    "question": _("Question"),
    "rating": _("Rating"),
    "registered_at": _("Registered at"),
    "role": _("Role"),
    "roles": _("Roles"),
    "since": _("Since"),
    "social_group": _("Social group"),
    "starts_at": _("Starts at"),
    "status": _("Status"),
    "supported_questions": _("Supported questions"),
    "text": _("Text"),
    "ticket": _("Ticket"),
    "topic": _("Topic"),
    "votes": _("Votes"),
    "policy_version": _("Policy version"),
    "given_at": _("Given at"),
    "ip_address": _("IP address"),
    "withdrawn_at": _("Withdrawn at"),
}


@dataclass
class Node:
    label: str
    text: str = ""
    children: list["Node"] = field(default_factory=list)


def label_of(key: str) -> str:
    return str(LABELS.get(key, key.replace("_", " ").capitalize()))


def shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, datetime):
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        return formats.date_format(moment, "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, int | float | Decimal):
        return formats.localize(value, use_l10n=True)
    return str(value)


def tree(label: str, value: Any) -> Node:
    if isinstance(value, dict):
        return Node(label, children=[tree(label_of(key), item) for key, item in value.items()])
    if isinstance(value, list | tuple):
        if all(not isinstance(item, dict | list | tuple) for item in value):
            return Node(label, text=", ".join(shown(item) for item in value) or "—")
        return Node(
            label, children=[tree(f"{number}", item) for number, item in enumerate(value, 1)]
        )
    return Node(label, text=shown(value))


def sections(parts: dict[str, Any]) -> list[Node]:
    return [tree(label_of(name), part) for name, part in parts.items()]
