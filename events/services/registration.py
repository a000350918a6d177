"""Registration with tickets, a waitlist, and check-in at the door.

The event row is locked while places are counted, so simultaneous registrations never
exceed the capacity. A ticket is checked in once: a second scan names who let it in and
when."""

import io

import qrcode
import qrcode.image.svg
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from civiccenter.kernel.integrity import duplicate_refused
from civiccenter.kernel.mail import send_templated
from civiccenter.kernel.waitlist import fill_free_places, joins_waitlist
from initiatives.models import Organisation
from initiatives.services.activity import record_activity
from initiatives.services.team import membership_require

from ..models import Event, Registration

R = Registration.Status


class EventFull(ValidationError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "All places are taken. You can join the waitlist: you will get a place "
                "when someone cancels."
            ),
            code="event_full",
        )


def ticket_svg(code: str) -> str:
    """The ticket's QR code as an SVG document (text: it travels in e-mails and pages)."""
    image = qrcode.make(code, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def places_taken(event: Event) -> int:
    return event.registrations.filter(status=R.REGISTERED).count()


def registration_is_open(event: Event) -> bool:
    """Staff keep registration open, the event is not cancelled, and its deadline (or, without
    one, its end) has not passed."""
    closes_at = event.registration_closes_at or event.ends_at
    return event.registration_open and not event.is_cancelled and timezone.now() < closes_at


@transaction.atomic
def registration_create(
    *, event: Event, user: User, organisation: Organisation | None = None, waitlist: bool = False
) -> Registration:
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not registration_is_open(event):
        raise ValidationError(_("Registration for this event is closed."), code="closed")
    membership_require(organisation=organisation, user=user)
    twice = ValidationError(_("You are already registered for this event."), code="twice")
    if event.registrations.filter(user=user, status__in=[R.REGISTERED, R.WAITLISTED]).exists():
        raise twice
    full = joins_waitlist(
        capacity=event.capacity,
        taken=0 if event.capacity is None else places_taken(event),  # no limit: nothing to count
        waitlist_accepted=waitlist,
        full=EventFull(),
    )
    with duplicate_refused(twice):
        registration = Registration.objects.create(
            event=event,
            user=user,
            organisation=organisation,
            status=R.WAITLISTED if full else R.REGISTERED,
        )
    audit.record(registration, actor=user, action="waitlisted" if full else "registered")
    if organisation is not None:
        record_activity(organisation_ids=[organisation.pk])
    if full:
        send_templated(
            "events/email/waitlisted", to=[user.email], context={"registration": registration}
        )
    else:
        send_ticket(registration)
    return registration


def send_ticket(registration: Registration, *, promoted: bool = False) -> None:
    """The ticket with its QR code; `promoted`: the letter says a place freed up for them."""
    send_templated(
        "events/email/ticket",
        to=[registration.user.email],
        context={"registration": registration, "event": registration.event, "promoted": promoted},
        attachments=[
            (
                f"ticket-{registration.ticket_code}.svg",
                ticket_svg(registration.ticket_code),
                "image/svg+xml",
            )
        ],
    )


@transaction.atomic
def registration_cancel(
    *, registration: Registration, user: User, action: str = "cancelled"
) -> Registration:
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.user_id != user.pk and not user.has_perm("events.change_registration"):
        raise ValidationError(_("This is not your registration."), code="not_yours")
    if registration.status == R.CANCELLED:
        return registration
    was_registered = registration.status == R.REGISTERED
    registration.status = R.CANCELLED
    registration.save(update_fields=["status"])
    audit.record(registration, actor=user, action=action)
    if was_registered:
        waitlist_fill(event)
    return registration


def waitlist_fill(event: Event) -> list[Registration]:
    """Free places go to the people waiting, in the order they joined, each told by a ticket
    e-mail that says they came off the waitlist. Call with the event's row locked."""
    return fill_free_places(
        capacity=event.capacity,
        taken=places_taken(event),
        waiting=event.registrations.filter(status=R.WAITLISTED),
        promote=_promote,
    )


def registrations_cancel_on_withdrawal(*, user: User) -> list[int]:
    """A person who withdrew consent keeps no place at an event not yet over; the places go to
    the waitlist."""
    live = Registration.objects.filter(
        user=user, status__in=[R.REGISTERED, R.WAITLISTED], event__ends_at__gt=timezone.now()
    )
    cancelled = []
    for registration in live:
        registration_cancel(
            registration=registration, user=user, action="cancelled_consent_withdrawn"
        )
        cancelled.append(registration.pk)
    return cancelled


def _promote(registration: Registration) -> None:
    registration.status = R.REGISTERED
    registration.save(update_fields=["status"])
    audit.record(registration, actor=None, action="promoted")
    send_ticket(registration, promoted=True)


@transaction.atomic
def no_shows_release(*, event: Event, staff: User) -> int:
    """Once the event has begun, staff release the places of those registered who have not
    come; they go to the people waiting (at the door, often), in the order they joined."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.starts_at > timezone.now():
        raise ValidationError(
            _("Places of those who have not come are released once the event has begun."),
            code="early",
        )
    absent = list(
        event.registrations.select_for_update().filter(
            status=R.REGISTERED, checked_in_at__isnull=True
        )
    )
    for registration in absent:
        registration.status = R.CANCELLED
        registration.save(update_fields=["status"])
        audit.record(registration, actor=staff, action="released_no_show")
    waitlist_fill(event)
    return len(absent)


class AlreadyCheckedIn(ValidationError):
    pass


@transaction.atomic
def check_in(*, event: Event, code: str, staff: User) -> Registration:
    """Lets a ticket in once. Unknown, waitlisted or cancelled tickets are refused, and a
    second check-in says who let the ticket in and when."""
    code = "".join(code.split()).upper()
    try:
        registration = (
            Registration.objects.select_for_update()
            .select_related("user")
            .get(event=event, ticket_code=code)
        )
    except Registration.DoesNotExist as error:
        raise ValidationError(
            _("There is no ticket %(code)s for this event.") % {"code": code}, code="unknown"
        ) from error
    if registration.status != R.REGISTERED:
        raise ValidationError(
            _("Ticket %(code)s is not valid: %(status)s.")
            % {"code": code, "status": registration.get_status_display().lower()},
            code="not_valid",
        )
    if registration.checked_in_at is not None:
        who = registration.checked_in_by.get_full_name() if registration.checked_in_by else "—"
        raise AlreadyCheckedIn(
            _("Ticket %(code)s has already been checked in by %(who)s at %(when)s.")
            % {
                "code": code,
                "who": who,
                "when": formats.date_format(
                    timezone.localtime(registration.checked_in_at), "DATETIME_FORMAT"
                ),
            },
            code="already_checked_in",
        )
    registration.checked_in_at = timezone.now()
    registration.checked_in_by = staff
    registration.save(update_fields=["checked_in_at", "checked_in_by"])
    audit.record(registration, actor=staff, action="checked_in")
    return registration


def door_counts(event: Event) -> dict:
    from django.db.models import Count, Q

    return event.registrations.aggregate(
        registered=Count("id", filter=Q(status=R.REGISTERED)),
        arrived=Count("id", filter=Q(status=R.REGISTERED, checked_in_at__isnull=False)),
        waitlisted=Count("id", filter=Q(status=R.WAITLISTED)),
    )
