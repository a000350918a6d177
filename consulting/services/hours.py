"""Logging the hours actually delivered, with every edit kept."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from initiatives.models import Organisation
from initiatives.services.activity import record_activity

from .. import rollups
from ..models import Booking, Consultant, ConsultationLog
from ..quarters import ensure_open

FIELDS = [
    "held_on",
    "duration_minutes",
    "topic",
    "people_count",
    "channel",
    "summary",
    "private_notes",
    "follow_up",
]
MAX_MINUTES = 12 * 60
# Notes about a person's circumstances: the audit trail records that they changed, not what
# they say.
PRIVATE = ("private_notes",)


def check_duration(minutes: int) -> None:
    if minutes < 15:
        raise ValidationError(
            _("The shortest consultation to log is 0,25 h (15 minutes)."), code="duration_too_short"
        )
    if minutes > MAX_MINUTES:
        raise ValidationError(
            _("A consultation cannot last more than 12 hours."), code="duration_too_long"
        )
    if minutes % 15:
        raise ValidationError(_("Log the duration in steps of 15 minutes."), code="duration_step")


def check_date(day: date) -> None:
    if day > timezone.localdate():
        raise ValidationError(
            _("A consultation cannot be logged for a future date."), code="date_future"
        )
    ensure_open(day)


def _snapshot(log: ConsultationLog) -> dict:
    data = audit.snapshot(log, FIELDS)
    data["consultants"] = sorted(str(c) for c in log.consultants.all())
    data["organisations"] = sorted(o.name for o in log.organisations.all())
    return data


@transaction.atomic
def log_create(
    *,
    user: User,
    consultants: list[Consultant],
    organisations: list[Organisation],
    booking: Booking | None = None,
    **fields: Any,
) -> ConsultationLog:
    """Records a delivered consultation; a booking can have one log entry."""
    check_duration(fields["duration_minutes"])
    check_date(fields["held_on"])
    if not consultants:
        raise ValidationError(_("Name at least one consultant."), code="no_consultant")
    if booking is not None:
        if ConsultationLog.objects.filter(booking=booking).exists():
            raise ValidationError(
                _("Hours for this booking are already logged."), code="booking_logged"
            )
        fields.setdefault("channel", ConsultationLog.Channel.BOOKED)
    log = ConsultationLog(created_by=user, booking=booking, **fields)
    log.full_clean(exclude=["consultants", "organisations"])
    log.save()
    log.consultants.set(consultants)
    log.organisations.set(organisations)
    rollups.entry_added(rollups.entry_of(log, consultants, organisations))
    created = {name: [None, value] for name, value in _snapshot(log).items()}
    audit.record(log, actor=user, action="created", changes=audit.hide(created, PRIVATE))
    if organisations:
        record_activity(organisation_ids=[o.pk for o in organisations])
    return log


@transaction.atomic
def log_update(
    *,
    log: ConsultationLog,
    user: User,
    consultants: list[Consultant],
    organisations: list[Organisation],
    **fields: Any,
) -> ConsultationLog:
    """Changes an entry of an open quarter (both its old and its new date must be open)."""
    log = ConsultationLog.objects.select_for_update().get(pk=log.pk)
    ensure_open(log.held_on)
    check_duration(fields["duration_minutes"])
    check_date(fields["held_on"])
    if not consultants:
        raise ValidationError(_("Name at least one consultant."), code="no_consultant")
    before = _snapshot(log)
    rollups.entry_removed(rollups.entry_of(log))
    for name, value in fields.items():
        setattr(log, name, value)
    log.full_clean(exclude=["consultants", "organisations"])
    log.save()
    log.consultants.set(consultants)
    log.organisations.set(organisations)
    rollups.entry_added(rollups.entry_of(log, consultants, organisations))
    changes = audit.diff(before, _snapshot(log))
    if changes:
        audit.record(log, actor=user, action="edited", changes=audit.hide(changes, PRIVATE))
    return log
