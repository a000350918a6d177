from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from events.models import Registration
from events.services import registration as registrations
from events.services.registration import AlreadyCheckedIn, EventFull
from events.totals import events_totals
from tests.concurrency import at_once

pytestmark = pytest.mark.django_db


def test_register_and_receive_a_ticket_with_a_qr_code(
    client, activist, make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=100)
    client.force_login(activist)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:register", args=[event.slug]))

    registration = Registration.objects.get()
    message = mail.outbox[0]
    assert registration.ticket_code in message.body
    name, content, mimetype = message.attachments[0]
    assert mimetype == "image/svg+xml" and content.startswith("<?xml") and "<svg" in content
    page = client.get(reverse("events:ticket", args=[registration.ticket_code])).content.decode()
    assert registration.ticket_code in page and "<svg" in page


def test_registering_twice_or_for_a_full_event_is_explained(
    client, activist, make_user, make_event
):
    event = make_event(capacity=1)
    registrations.registration_create(event=event, user=make_user("activist"))
    client.force_login(activist)

    response = client.post(reverse("events:register", args=[event.slug]), follow=True)
    html = response.content.decode()
    assert "Все места заняты. Можно встать в лист ожидания" in html
    assert "Встать в лист ожидания" in html
    client.post(reverse("events:register", args=[event.slug]), {"waitlist": "1"})
    assert Registration.objects.get(user=activist).status == "waitlisted"
    response = client.post(
        reverse("events:register", args=[event.slug]), {"waitlist": "1"}, follow=True
    )
    assert "Вы уже зарегистрированы на это мероприятие." in response.content.decode()


def test_a_closed_event_refuses_registration(activist, make_event):
    event = make_event(registration_open=False)
    with pytest.raises(ValidationError, match="Регистрация на это мероприятие закрыта."):
        registrations.registration_create(event=event, user=activist)


def test_check_in_once_then_refused_with_who_and_when(make_user, make_event, coordinator):
    event = make_event()
    registration = registrations.registration_create(event=event, user=make_user("activist"))

    registrations.check_in(event=event, code=registration.ticket_code.lower(), staff=coordinator)
    with pytest.raises(AlreadyCheckedIn, match="уже отмечен: .*, отметка — Кузнецов Дмитрий"):
        registrations.check_in(event=event, code=registration.ticket_code, staff=coordinator)
    with pytest.raises(ValidationError, match="Билета ZZZZZZZZZZ на это мероприятие нет."):
        registrations.check_in(event=event, code="ZZZZZZZZZZ", staff=coordinator)
    assert registrations.door_counts(event) == {"registered": 1, "arrived": 1, "waitlisted": 0}


def test_cancellation_passes_the_place_and_a_ticket_to_the_waitlist(
    make_user, make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    first, second = make_user("activist"), make_user("activist")
    taken = registrations.registration_create(event=event, user=first)
    registrations.registration_create(event=event, user=second, waitlist=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        registrations.registration_cancel(registration=taken, user=first)

    assert Registration.objects.get(user=second).status == "registered"
    assert mail.outbox[0].to == [second.email] and "билет" in mail.outbox[0].subject.lower()


@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_never_exceed_the_capacity(make_user, make_event):
    event = make_event(capacity=5)
    people = [make_user("activist") for _ in range(12)]

    outcomes = at_once(
        lambda person: registrations.registration_create(event=event, user=person),
        people,
        refused=EventFull,
    )

    assert sorted(outcomes) == ["ok"] * 5 + ["refused"] * 7
    assert Registration.objects.filter(event=event, status="registered").count() == 5


def test_totals_count_registered_and_arrived(make_user, make_event, coordinator):
    import time_machine
    from django.utils import timezone

    event = make_event(starts_in=timedelta(hours=1))
    people = [
        registrations.registration_create(event=event, user=make_user("activist")) for _ in range(3)
    ]
    registrations.check_in(event=event, code=people[0].ticket_code, staff=coordinator)

    with time_machine.travel(event.ends_at + timedelta(hours=1), tick=False):
        day = timezone.localdate(event.starts_at)
        figures = events_totals(day, day)
    assert (figures["events"], figures["registered"], figures["arrived"]) == (1, 3, 1)


@pytest.mark.parametrize("size", [1, 30])
def test_calendar_runs_a_constant_number_of_queries(
    client, make_event, django_assert_num_queries, size
):
    for _ in range(size):
        make_event()

    # events with their series and parent, the list of cities
    with django_assert_num_queries(2):
        response = client.get(reverse("events:calendar"))
    assert len(response.context["events"]) == size


@pytest.mark.django_db(transaction=True)
def test_a_double_click_registers_once(make_user, make_event):
    event = make_event(capacity=5)
    person = make_user("activist")

    outcomes = at_once(
        lambda _: registrations.registration_create(event=event, user=person),
        range(4),
        refused=ValidationError,
    )

    assert sorted(outcomes) == ["ok"] + ["refused"] * 3
    assert Registration.objects.filter(event=event, user=person).count() == 1
