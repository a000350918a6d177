"""152-FZ: once consent is withdrawn, the portal stops processing the person's data at once.

Live bookings, enrolments and event registrations are cancelled in the same transaction, the
places go to the waitlist, the consultant is told, and no reminder reaches the person.
"""

from datetime import time, timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone, translation

from accounts import services
from accounts.roles import Role
from consulting.models import Booking, Consultant, ConsultingTopic, WeeklyAvailability
from consulting.services import bookings
from events.models import Event, Registration
from events.services import registration as registrations
from tests.consulting.conftest import MONDAY_9AM, local
from training.models import Enrolment, Programme, Session, SessionDay
from training.services import enrolment as enrolments
from training.services import reminders as training_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock():
    with time_machine.travel(MONDAY_9AM, tick=False) as traveller:
        yield traveller


@pytest.fixture
def consultant(make_user):
    topic = ConsultingTopic.objects.create(name="Бюджет проекта")
    profile = Consultant.objects.create(user=make_user(Role.CONSULTANT, last_name="Петров"))
    profile.topics.add(topic)
    for weekday in range(5):
        WeeklyAvailability.objects.create(
            consultant=profile, weekday=weekday, starts=time(10), ends=time(13)
        )
    return profile


def _booking(activist, consultant, starts_at):
    booking = bookings.booking_create(
        activist=activist,
        consultant=consultant,
        topic=consultant.topics.get(),
        starts_at=starts_at,
        question="Как составить смету?",
    )
    return bookings.booking_confirm(booking=booking, staff=consultant.user)


def _session(capacity, starts_in):
    programme = Programme.objects.create(title="Как общаться со СМИ", kind="master_class")
    session = Session.objects.create(programme=programme, place="Центр", capacity=capacity)
    start = timezone.now() + starts_in
    SessionDay.objects.create(session=session, starts_at=start, ends_at=start + timedelta(hours=3))
    return session


def _event(capacity, starts_in, slug):
    start = timezone.now() + starts_in
    return Event.objects.create(
        kind=Event.Kind.FORUM,
        title=f"Форум {slug}",
        slug=slug,
        starts_at=start,
        ends_at=start + timedelta(hours=6),
        city="Зеленогорск",
        capacity=capacity,
    )


def test_withdrawal_cancels_live_participation_and_frees_the_places(
    clock, make_user, consultant, django_capture_on_commit_callbacks
):
    person, waiting = make_user(Role.ACTIVIST), make_user(Role.ACTIVIST)
    services.consent_record(user=person, ip_address=None)
    booking = _booking(person, consultant, local(2, 10))
    session = _session(capacity=1, starts_in=timedelta(days=3))
    enrolled = enrolments.enrolment_create(session=session, user=person)
    enrolments.enrolment_create(session=session, user=waiting, waitlist=True)
    event = _event(capacity=1, starts_in=timedelta(days=5), slug="future")
    registered = registrations.registration_create(event=event, user=person)
    registrations.registration_create(event=event, user=waiting, waitlist=True)
    past_event = _event(capacity=None, starts_in=timedelta(days=-30), slug="past")
    attended = Registration.objects.create(
        event=past_event, user=person, status="registered", checked_in_at=timezone.now()
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.consent_withdraw(user=person, ip_address=None)

    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert Enrolment.objects.get(pk=enrolled.pk).status == Enrolment.Status.CANCELLED
    assert Enrolment.objects.get(user=waiting).status == Enrolment.Status.ENROLLED
    assert Registration.objects.get(pk=registered.pk).status == Registration.Status.CANCELLED
    assert Registration.objects.get(user=waiting).status == Registration.Status.REGISTERED
    # What already happened stays as it was: it counts in the totals.
    assert Registration.objects.get(pk=attended.pk).status == Registration.Status.REGISTERED
    recipients = [address for message in mail.outbox for address in message.to]
    assert consultant.user.email in recipients and waiting.email in recipients
    assert person.email not in recipients


def test_no_reminder_reaches_a_person_who_is_no_longer_active(
    clock, make_user, consultant, django_capture_on_commit_callbacks
):
    person = make_user(Role.ACTIVIST)
    booking = _booking(person, consultant, local(1, 10))
    session = _session(capacity=5, starts_in=timedelta(hours=20))
    enrolments.enrolment_create(session=session, user=person)
    person.is_active = False
    person.save(update_fields=["is_active"])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert bookings.send_reminders(now=local(0, 11)) == []
        assert training_reminders.send_day_before() == []
    assert mail.outbox == []
    person.is_active = True
    person.save(update_fields=["is_active"])
    assert bookings.send_reminders(now=local(0, 11)) == [booking.pk]


def test_staff_see_in_the_history_why_a_booking_was_cancelled(clock, make_user, consultant):
    from civiccenter.kernel import audit

    person = make_user(Role.ACTIVIST)
    services.consent_record(user=person, ip_address=None)
    booking = _booking(person, consultant, local(2, 10))

    services.consent_withdraw(user=person, ip_address=None)

    with translation.override("ru"):
        assert audit.action_label(audit.history(booking)[0]) == "отменено: отзыв согласия"
