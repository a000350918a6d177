"""Booking consultations: create, confirm, decline, cancel, move, remind.

PostgreSQL's exclusion constraint `no_double_booking` is the final word on overlaps: two
simultaneous requests for one slot cannot both be stored; the loser gets `SlotTaken`.
"""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from civiccenter.kernel.mail import mail_each_once, send_templated
from initiatives.models import Organisation
from initiatives.services.activity import record_activity
from initiatives.services.team import membership_require

from ..ics import booking_calendar
from ..models import Booking, Consultant, ConsultingTopic
from ..selectors import free_slots
from ..slots import is_offered

DEADLOCK_DETECTED = "40P01"  # PostgreSQL's error code


class SlotTaken(ValidationError):
    def __init__(self) -> None:
        super().__init__(
            _("Someone has just booked this time. Choose another free slot."), code="slot_taken"
        )


def _check_slot(
    consultant: Consultant, starts_at: datetime, *, ignore: Booking | None = None
) -> datetime:
    """The slot must be one the consultant offers: far enough ahead, inside the weekly
    availability, not on a day off, not taken (a booking being moved does not block its own
    time). Returns the slot's end."""
    now = timezone.now()
    if starts_at <= now:
        raise ValidationError(_("This time is in the past."), code="slot_past")
    offered = free_slots(
        [consultant],
        first_day=timezone.localdate(starts_at),
        days=1,
        now=now,
        exclude_booking=ignore.pk if ignore else None,
    )[consultant.pk]
    slot = is_offered(starts_at, offered)
    if slot is not None:
        return slot.ends_at
    if starts_at < now + timedelta(hours=settings.CONSULTING_MIN_LEAD_HOURS):
        raise ValidationError(
            _("A consultation can be booked at least %(hours)s hours ahead.")
            % {"hours": settings.CONSULTING_MIN_LEAD_HOURS},
            code="slot_too_soon",
        )
    overlapping = Booking.objects.filter(
        consultant=consultant,
        status__in=Booking.LIVE,
        starts_at__lte=starts_at,
        ends_at__gt=starts_at,
    )
    if ignore is not None:
        overlapping = overlapping.exclude(pk=ignore.pk)
    if overlapping.exists():
        raise SlotTaken()
    raise ValidationError(
        _("The consultant does not receive at this time."), code="slot_outside_availability"
    )


def _save_or_slot_taken(booking: Booking, **save_kwargs: Any) -> None:
    """Saves the booking, or says the slot is taken: the exclusion constraint refused it, or
    PostgreSQL chose this request as the loser of two that checked the same slot at the same
    moment (a deadlock on the constraint's check; the other request keeps the slot)."""
    try:
        with transaction.atomic():
            booking.save(**save_kwargs)
    except IntegrityError as error:
        if "no_double_booking" in str(error):
            raise SlotTaken() from error
        raise
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", None) == DEADLOCK_DETECTED:
            raise SlotTaken() from error
        raise


@transaction.atomic
def booking_create(
    *,
    activist: User,
    consultant: Consultant,
    topic: ConsultingTopic,
    starts_at: datetime,
    question: str,
    organisation: Organisation | None = None,
) -> Booking:
    """An activist books a free slot, personally or for an initiative of theirs."""
    if not question.strip():
        raise ValidationError(_("Describe your question."), code="no_question")
    if not consultant.is_active or not consultant.topics.filter(pk=topic.pk).exists():
        raise ValidationError(
            _("This consultant does not advise on this topic."), code="wrong_topic"
        )
    membership_require(organisation=organisation, user=activist)
    ends_at = _check_slot(consultant, starts_at)
    booking = Booking(
        activist=activist,
        consultant=consultant,
        topic=topic,
        organisation=organisation,
        question=question.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
    )
    _save_or_slot_taken(booking)
    audit.record(booking, actor=activist, action="created")
    if organisation is not None:
        record_activity(organisation_ids=[organisation.pk])
    _notify(booking, "requested", to=[activist.email])
    _notify(booking, "staff_new", to=[consultant.user.email])
    return booking


def _can_change(booking: Booking, user: User) -> None:
    """The activist changes a live booking until CONSULTING_CHANGE_HOURS_BEFORE hours before;
    the centre's staff at any time."""
    if not booking.is_live:
        raise ValidationError(_("This booking is no longer active."), code="not_live")
    if _is_staff(user):
        return
    if booking.activist_id != user.pk:
        raise ValidationError(_("This is not your booking."), code="not_yours")
    deadline = booking.starts_at - timedelta(hours=settings.CONSULTING_CHANGE_HOURS_BEFORE)
    if timezone.now() > deadline:
        raise ValidationError(
            _("A booking can be changed no later than %(hours)s hours before it starts.")
            % {"hours": settings.CONSULTING_CHANGE_HOURS_BEFORE},
            code="too_late",
        )


def _is_staff(user: User) -> bool:
    return user.has_perm("consulting.change_booking")


@transaction.atomic
def booking_confirm(*, booking: Booking, staff: User) -> Booking:
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status != Booking.Status.REQUESTED:
        raise ValidationError(_("Only a requested booking can be confirmed."))
    booking.status = Booking.Status.CONFIRMED
    booking.save(update_fields=["status", "updated_at"])
    audit.record(booking, actor=staff, action="confirmed")
    _notify(booking, "confirmed", to=[booking.activist.email], calendar=True)
    return booking


@transaction.atomic
def booking_decline(*, booking: Booking, staff: User, note: str) -> Booking:
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status != Booking.Status.REQUESTED:
        raise ValidationError(_("Only a requested booking can be declined."))
    booking.status = Booking.Status.DECLINED
    booking.staff_note = note.strip()[:500]
    booking.save(update_fields=["status", "staff_note", "updated_at"])
    audit.record(
        booking, actor=staff, action="declined", changes={"staff_note": [None, booking.staff_note]}
    )
    _notify(booking, "declined", to=[booking.activist.email])
    return booking


@transaction.atomic
def booking_cancel(*, booking: Booking, user: User) -> Booking:
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    _can_change(booking, user)
    booking.status = Booking.Status.CANCELLED
    booking.save(update_fields=["status", "updated_at"])
    audit.record(booking, actor=user, action="cancelled")
    recipient = booking.consultant.user if booking.activist_id == user.pk else booking.activist
    _notify(booking, "cancelled", to=[recipient.email], calendar=True, cancelled=True)
    return booking


@transaction.atomic
def bookings_cancel_on_withdrawal(*, user: User) -> list[int]:
    """A person who withdrew consent keeps no live booking: each is cancelled and only the
    consultant is told, so the hour is free for someone else."""
    cancelled = []
    live = Booking.objects.select_for_update().filter(
        activist=user, status__in=Booking.LIVE, starts_at__gt=timezone.now()
    )
    for booking in live.select_related("consultant__user", "topic"):
        booking.status = Booking.Status.CANCELLED
        booking.save(update_fields=["status", "updated_at"])
        audit.record(booking, actor=user, action="cancelled_consent_withdrawn")
        _notify(
            booking, "cancelled", to=[booking.consultant.user.email], calendar=True, cancelled=True
        )
        cancelled.append(booking.pk)
    return cancelled


@transaction.atomic
def booking_move(*, booking: Booking, user: User, starts_at: datetime) -> Booking:
    """Moves a booking to another free slot of the same consultant."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    _can_change(booking, user)
    before = audit.snapshot(booking, ["starts_at"])
    booking.ends_at = _check_slot(booking.consultant, starts_at, ignore=booking)
    booking.starts_at = starts_at
    _save_or_slot_taken(booking, update_fields=["starts_at", "ends_at", "updated_at"])
    audit.record(
        booking,
        actor=user,
        action="moved",
        changes=audit.diff(before, audit.snapshot(booking, ["starts_at"])),
    )
    _notify(
        booking, "moved", to=[booking.activist.email, booking.consultant.user.email], calendar=True
    )
    return booking


def send_reminders(*, now: datetime | None = None) -> list[int]:
    """E-mails each confirmed booking starting within a day, once."""
    now = now or timezone.now()
    due = Booking.objects.filter(
        status=Booking.Status.CONFIRMED,
        activist__is_active=True,
        reminder_sent_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + timedelta(hours=24),
    ).select_related("activist", "consultant__user", "topic")
    return mail_each_once(
        due,
        sent_field="reminder_sent_at",
        now=now,
        send=lambda booking: _notify(
            booking, "reminder", to=[booking.activist.email], calendar=True
        ),
    )


def _notify(
    booking: Booking,
    template: str,
    *,
    to: list[str],
    calendar: bool = False,
    cancelled: bool = False,
) -> None:
    attachments = []
    if calendar:
        attachments.append(
            (
                "consultation.ics",
                booking_calendar(booking, cancelled=cancelled).decode(),
                "text/calendar",
            )
        )
    send_templated(
        f"consulting/email/{template}", to=to, context={"booking": booking}, attachments=attachments
    )
