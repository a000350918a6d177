"""{% record_history record %}: a record's audit trail, for the staff who may see it."""

from typing import Any

from django import template
from django.db.models import Model
from django.utils.translation import gettext as _

from .. import audit

register = template.Library()


def _shown(value: Any) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


@register.inclusion_tag("includes/history.html")
def record_history(target: Model, limit: int = 50) -> dict[str, Any]:
    entries = [
        {
            "entry": entry,
            "action": audit.action_label(entry),
            "changes": [
                (audit.field_label(entry, name), [_shown(value) for value in values])
                for name, values in entry.changes.items()
                if isinstance(values, list) and len(values) == 2
            ],
        }
        for entry in audit.history(target, limit=limit)
    ]
    return {"entries": entries}
