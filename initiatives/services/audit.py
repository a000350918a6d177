"""The registry's audit trail: every change to a record, with who, when, before and after."""

from datetime import date, datetime
from decimal import Decimal

from django.core.files import File
from django.db.models import Model

from ..models import ChangeRecord, Organisation


def _plain(value):
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, File):  # a stored or uploaded file: its name is what changed
        return value.name or ""
    return value


def snapshot(organisation: Organisation, fields: list[str]) -> dict:
    return {name: _plain(getattr(organisation, name)) for name in fields}


def diff(before: dict, after: dict) -> dict:
    return {
        name: [before.get(name), after.get(name)]
        for name in after
        if before.get(name) != after.get(name)
    }


def record(organisation: Organisation, *, user, action: str, changes: dict | None = None):
    return ChangeRecord.objects.create(
        organisation=organisation, user=user, action=action, changes=changes or {}
    )
