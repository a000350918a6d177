"""The audit trail of every app: who changed which record, when, from what and to what.

Services call `record` after they change something (anchor: pretix's `log_action`); pages
show a record's `history`. Values are stored as JSON-ready text: dates in ISO form, records
by their name, files by their stored name."""

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.files import File
from django.db.models import Model, QuerySet
from django.utils import translation
from django.utils.translation import pgettext_lazy

from .models import AuditEntry

# Who acted: a person, or None for the portal itself (beat's sweeps, a task).
Actor = AbstractBaseUser | AnonymousUser | None

# What the trail says for each action code (the code itself for any other).
ACTIONS = {
    "created": pgettext_lazy("audit", "created"),
    "edited": pgettext_lazy("audit", "edited"),
    "deleted": pgettext_lazy("audit", "deleted"),
    "submitted": pgettext_lazy("audit", "submitted"),
    "approved": pgettext_lazy("audit", "approved"),
    "returned": pgettext_lazy("audit", "returned for changes"),
    "published": pgettext_lazy("audit", "published"),
    "cancelled": pgettext_lazy("audit", "cancelled"),
    "cancelled_consent_withdrawn": pgettext_lazy("audit", "cancelled: consent withdrawn"),
    "account_reopened": pgettext_lazy("audit", "reopened by signing up again"),
    "publication_consent": pgettext_lazy("audit", "consent to publication changed"),
    "data_viewed": pgettext_lazy("audit", "read their data"),
    "confirmed": pgettext_lazy("audit", "confirmed"),
    "declined": pgettext_lazy("audit", "declined"),
    "moved": pgettext_lazy("audit", "moved"),
    "invited": pgettext_lazy("audit", "invitation sent"),
    "joined": pgettext_lazy("audit", "joined the team"),
    "imported": pgettext_lazy("audit", "imported"),
    "status": pgettext_lazy("audit", "status changed"),
    "relation": pgettext_lazy("audit", "relation added"),
    "grant": pgettext_lazy("audit", "grant added"),
    "partnership": pgettext_lazy("audit", "partnership added"),
    "registered": pgettext_lazy("audit", "registered"),
    "waitlisted": pgettext_lazy("audit", "put on the waitlist"),
    "promoted": pgettext_lazy("audit", "given a place from the waitlist"),
    "checked_in": pgettext_lazy("audit", "checked in"),
    "released_no_show": pgettext_lazy("audit", "place released: did not come"),
    "overdue_notified": pgettext_lazy("audit", "overdue: the responsible told"),
    "attendance": pgettext_lazy("audit", "attendance marked"),
    "requested": pgettext_lazy("audit", "requested"),
    "reviewed": pgettext_lazy("audit", "reviewed"),
    "scored": pgettext_lazy("audit", "scored"),
    "answered": pgettext_lazy("audit", "answered"),
    "done": pgettext_lazy("audit", "marked done"),
    "closed": pgettext_lazy("audit", "closed"),
    "reopened": pgettext_lazy("audit", "reopened"),
    "consent_given": pgettext_lazy("audit", "consent given"),
    "consent_withdrawn": pgettext_lazy("audit", "consent withdrawn"),
    "data_downloaded": pgettext_lazy("audit", "personal data downloaded"),
    "anonymised": pgettext_lazy("audit", "anonymised"),
    "roles": pgettext_lazy("audit", "roles changed"),
    "teams_formed": pgettext_lazy("audit", "teams formed"),
}


def plain(value: Any) -> Any:
    """A field's value as the trail keeps it."""
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, File):  # a stored or uploaded file: its name is what changed
        return value.name or ""
    return value


# Shown instead of a value the trail must not repeat (private notes about a person).
HIDDEN = "•••"


def snapshot(instance: Model, fields: list[str]) -> dict[str, Any]:
    """The fields' values as the trail keeps them; a field with choices by its label, in the
    portal's language."""
    values = {}
    with translation.override(settings.LANGUAGE_CODE):
        for name in fields:
            display = getattr(instance, f"get_{name}_display", None)
            values[name] = str(display()) if display else plain(getattr(instance, name))
    return values


def hide(changes: dict[str, list], fields: tuple[str, ...]) -> dict[str, list]:
    """The changes with the values of `fields` replaced by HIDDEN: the trail says that they
    changed, not what they say."""
    return {
        name: [HIDDEN if value else value for value in values] if name in fields else values
        for name, values in changes.items()
    }


def scrub(text: str, needles: list[str]) -> str:
    """The text with every needle (a name, an address, a phone) replaced by HIDDEN, in any
    letter case."""
    for needle in needles:
        text = re.sub(re.escape(needle), HIDDEN, text, flags=re.IGNORECASE)
    return text


def diff(before: dict, after: dict) -> dict[str, list]:
    """{field: [before, after]} of the fields whose value changed."""
    return {
        name: [before.get(name), after.get(name)]
        for name in after
        if before.get(name) != after.get(name)
    }


def record(
    target: Model,
    *,
    actor: Actor,
    action: str,
    changes: dict | None = None,
    label: str | None = None,
) -> AuditEntry:
    """Adds one entry to the trail of `target` (`actor`: the user who acted, or None for the
    portal itself — beat's sweeps, imports run by a task)."""
    return AuditEntry.objects.create(
        content_type=ContentType.objects.get_for_model(target, for_concrete_model=False),
        object_id=target.pk,
        object_label=(label if label is not None else str(target))[:255],
        action=action,
        changes=changes or {},
        actor=actor if getattr(actor, "is_authenticated", False) else None,  # type: ignore[misc]
    )


def history(target: Model, *, limit: int = 50) -> QuerySet[AuditEntry]:
    """The trail of one record, newest first, with who acted (one query)."""
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(target, for_concrete_model=False),
        object_id=target.pk,
    ).select_related("actor")[:limit]


def hide_values(records: QuerySet, fields: tuple[str, ...], *, label: str | None = None) -> int:
    """Erasure in the trail of `records`: the values their entries recorded for `fields`
    are HIDDEN (and their label replaced, when the label named the person). Returns how many
    entries changed."""
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(records.model, for_concrete_model=False),
        object_id__in=records.values("pk"),
    )
    touched = 0
    for entry in entries:
        hidden = hide(entry.changes, fields)
        if hidden != entry.changes or (label is not None and entry.object_label != label):
            entry.changes = hidden
            if label is not None:
                entry.object_label = label
            entry.save(update_fields=["changes", "object_label"])
            touched += 1
    return touched


def erase_fields(records: QuerySet, **values: Any) -> int:
    """Sets `values` on `records` and hides what their trail recorded for those fields: the
    erasure of a field in the record and in its history at once. The records are fixed before
    the update, so a filter on the erased fields (an e-mail) still finds their trail."""
    chosen = records.model.objects.filter(pk__in=list(records.values_list("pk", flat=True)))
    hide_values(chosen, tuple(values))
    updated: int = chosen.update(**values)
    return updated


def entries_of(model: type[Model]) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(model))


def action_label(entry: AuditEntry) -> str:
    return str(ACTIONS.get(entry.action, entry.action))


def field_label(entry: AuditEntry, name: str) -> str:
    """A changed field by its name in the interface, where the model still has it."""
    model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
    if model is None:
        return name
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name))
