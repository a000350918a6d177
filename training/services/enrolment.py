"""Enrolment with a waitlist. The session row is locked while places are counted, so
simultaneous enrolments never exceed the capacity."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from civiccenter.kernel import audit
from civiccenter.kernel.integrity import duplicate_refused
from civiccenter.kernel.mail import send_templated
from civiccenter.kernel.waitlist import fill_free_places, joins_waitlist
from initiatives.models import Organisation
from initiatives.services.activity import record_activity
from initiatives.services.team import membership_require

from ..models import Enrolment, Session

E = Enrolment.Status


class SessionFull(ValidationError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "There are no places left. You can join the waitlist: you will get a place "
                "when someone cancels."
            ),
            code="session_full",
        )


def places_taken(session: Session) -> int:
    return session.enrolments.filter(status=E.ENROLLED).count()


@transaction.atomic
def enrolment_create(
    *,
    session: Session,
    user: User,
    organisation: Organisation | None = None,
    waitlist: bool = False,
) -> Enrolment:
    """Takes a place, or — when the person agreed to it — a place on the waitlist."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.is_cancelled or not session.days.filter(starts_at__gt=timezone.now()).exists():
        raise ValidationError(_("Enrolment for this session is closed."), code="closed")
    membership_require(organisation=organisation, user=user)
    twice = ValidationError(_("You are already enrolled in this session."), code="twice")
    if session.enrolments.filter(user=user, status__in=[E.ENROLLED, E.WAITLISTED]).exists():
        raise twice
    full = joins_waitlist(
        capacity=session.capacity,
        taken=places_taken(session),
        waitlist_accepted=waitlist,
        full=SessionFull(),
    )
    with duplicate_refused(twice):
        enrolment = Enrolment.objects.create(
            session=session,
            user=user,
            organisation=organisation,
            status=E.WAITLISTED if full else E.ENROLLED,
        )
    audit.record(enrolment, actor=user, action="waitlisted" if full else "registered")
    if organisation is not None:
        record_activity(organisation_ids=[organisation.pk])
    send_templated(
        "training/email/waitlisted" if full else "training/email/enrolled",
        to=[user.email],
        context={"enrolment": enrolment, "session": session},
    )
    return enrolment


@transaction.atomic
def enrolment_cancel(*, enrolment: Enrolment, user: User, action: str = "cancelled") -> Enrolment:
    """Frees the place; the first person on the waitlist gets it and is told by e-mail."""
    session = Session.objects.select_for_update().get(pk=enrolment.session_id)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.user_id != user.pk and not user.has_perm("training.change_enrolment"):
        raise ValidationError(_("This is not your enrolment."), code="not_yours")
    if enrolment.status == E.CANCELLED:
        return enrolment
    was_enrolled = enrolment.status == E.ENROLLED
    enrolment.status = E.CANCELLED
    enrolment.save(update_fields=["status"])
    audit.record(enrolment, actor=user, action=action)
    if was_enrolled:
        promote_from_waitlist(session)
    return enrolment


def enrolments_cancel_on_withdrawal(*, user: User) -> list[int]:
    """A person who withdrew consent leaves every session not yet over; their places go to the
    waitlist."""
    live = (
        Enrolment.objects.filter(user=user, status__in=[E.ENROLLED, E.WAITLISTED])
        .annotate(last=Max("session__days__ends_at"))
        .filter(Q(last__gt=timezone.now()) | Q(last__isnull=True))
    )
    cancelled = []
    for enrolment in live:
        enrolment_cancel(enrolment=enrolment, user=user, action="cancelled_consent_withdrawn")
        cancelled.append(enrolment.pk)
    return cancelled


def promote_from_waitlist(session: Session) -> list[Enrolment]:
    """Fills free places from the waitlist. Call it with the session row locked."""

    def promote(enrolment: Enrolment) -> None:
        enrolment.status, enrolment.promoted_at = E.ENROLLED, timezone.now()
        enrolment.save(update_fields=["status", "promoted_at"])
        audit.record(enrolment, actor=None, action="promoted")
        send_templated(
            "training/email/promoted",
            to=[enrolment.user.email],
            context={"enrolment": enrolment, "session": session},
        )

    return fill_free_places(
        capacity=session.capacity,
        taken=places_taken(session),
        waiting=session.enrolments.filter(status=E.WAITLISTED),
        promote=promote,
    )


def too_few_places(taken: int) -> str:
    return ngettext(
        "%(taken)s person is already enrolled: the number of places cannot be lower.",
        "%(taken)s people are already enrolled: the number of places cannot be lower.",
        taken,
    ) % {"taken": taken}


@transaction.atomic
def session_set_capacity(*, session: Session, capacity: int, user: User | None = None) -> Session:
    """Capacity can grow (and the waitlist moves up) but not fall below those enrolled."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    taken = places_taken(session)
    if capacity < taken:
        raise ValidationError(too_few_places(taken), code="capacity_below_enrolled")
    if capacity != session.capacity:
        audit.record(
            session, actor=user, action="edited", changes={"capacity": [session.capacity, capacity]}
        )
    session.capacity = capacity
    session.save(update_fields=["capacity"])
    promote_from_waitlist(session)
    return session
