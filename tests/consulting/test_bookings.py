from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from icalendar import Calendar

from consulting.models import Booking
from consulting.services import bookings
from initiatives.models import Membership
from tests.consulting.conftest import local
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _book(activist, consultant, topic, starts_at, **extra):
    return bookings.booking_create(
        activist=activist,
        consultant=consultant,
        topic=topic,
        starts_at=starts_at,
        question="Как составить смету?",
        **extra,
    )


def test_booking_page_lists_free_slots_and_books_one(
    client, clock, activist, consultant, topic, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="Лесная страна")
    Membership.objects.create(organisation=organisation, user=activist, role="leader")
    client.force_login(activist)

    page = client.get(reverse("consulting:book", args=[topic.pk]))
    html = page.content.decode()
    assert "Петров Игорь" in html
    # Monday 9:00 with two hours' lead: the first free slot is 11:00.
    assert "Пн, 30 ноября 11:00–12:00" in html
    assert "> 11:00–12:00</label>" in html and "> 10:00–11:00</label>" not in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("consulting:book", args=[topic.pk]),
            {
                "slot": f"{consultant.pk}|{local(0, 11).isoformat()}",
                "organisation": organisation.pk,
                "question": "Как составить смету проекта?",
            },
        )

    assert response["Location"] == reverse("consulting:mine")
    booking = Booking.objects.get()
    assert (booking.starts_at, booking.ends_at) == (local(0, 11), local(0, 12))
    assert booking.status == "requested" and booking.organisation == organisation
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [activist.email, consultant.user.email]
    )
    organisation.refresh_from_db()
    assert organisation.last_activity_at is not None


def test_a_taken_slot_is_refused_with_fresh_slots_and_the_question_kept(
    client, clock, activist, make_user, consultant, topic
):
    _book(make_user("activist"), consultant, topic, local(0, 11))
    client.force_login(activist)

    response = client.post(
        reverse("consulting:book", args=[topic.pk]),
        {"slot": f"{consultant.pk}|{local(0, 11).isoformat()}", "question": "Мой вопрос про смету"},
    )

    html = response.content.decode()
    assert "Это время только что заняли. Выберите другое свободное время." in html
    assert "Мой вопрос про смету" in html
    assert "> 11:00–12:00</label>" not in html and "> 12:00–13:00</label>" in html
    assert "Пн, 30 ноября 12:00–13:00" in html  # now the first free time
    assert Booking.objects.count() == 1


def test_slots_are_labelled_only_when_the_form_is_shown(
    client, clock, activist, consultant, topic, monkeypatch
):
    """A successful booking does not list and label the hundreds of offered slots (found by
    the load run: it was most of a booking's time); a refused one shows them."""
    from consulting import forms

    labelled = []
    original = forms.slot_choices
    monkeypatch.setattr(forms, "slot_choices", lambda slots: labelled.append(1) or original(slots))
    client.force_login(activist)
    url = reverse("consulting:book", args=[topic.pk])
    slot = f"{consultant.pk}|{local(0, 11).isoformat()}"

    assert client.post(url, {"slot": slot, "question": "Смета"}).status_code == 302
    assert labelled == []

    refused = client.post(url, {"slot": slot, "question": "Смета ещё раз"})
    assert refused.status_code == 200 and labelled == [1]
    assert "Пн, 30 ноября 12:00–13:00" in refused.content.decode()


@pytest.mark.parametrize(
    ("starts_at", "message"),
    [
        (local(0, 8), "Это время уже прошло."),
        (local(0, 10), "не позднее чем за 2 ч"),
        (local(0, 15), "В это время консультант не принимает."),
        (local(5, 11), "В это время консультант не принимает."),  # Saturday
    ],
)
def test_slots_in_the_past_too_soon_or_outside_availability_are_refused(
    clock, activist, consultant, topic, starts_at, message
):
    with pytest.raises(ValidationError, match=message):
        _book(activist, consultant, topic, starts_at)


def test_only_members_book_for_an_initiative(clock, activist, consultant, topic):
    with pytest.raises(ValidationError, match="Вы не в команде этой инициативы."):
        _book(activist, consultant, topic, local(1, 10), organisation=OrganisationFactory())


def test_confirmation_sends_a_calendar_file(
    clock, activist, consultant, topic, django_capture_on_commit_callbacks
):
    booking = _book(activist, consultant, topic, local(1, 10))
    with django_capture_on_commit_callbacks(execute=True):
        bookings.booking_confirm(booking=booking, staff=consultant.user)

    message = mail.outbox[-1]
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("consultation.ics", "text/calendar")
    # The centre's local time with its zone, a UID that names only the booking, and the
    # sequence of its changes (made, then confirmed).
    parsed = Calendar.from_ical(content)
    event = next(iter(parsed.walk("VEVENT")))
    assert "TZID=Asia/Yekaterinburg:20261201T100000" in content and "BEGIN:VTIMEZONE" in content
    assert event.decoded("dtstart") == local(1, 10)
    assert str(event["uid"]) == f"civiccenter-booking-{booking.pk}"
    assert event["sequence"] == 1
    assert "Бюджет проекта" in content


def test_activist_cancels_until_the_deadline(client, clock, activist, consultant, topic):
    booking = _book(activist, consultant, topic, local(1, 10))
    client.force_login(activist)

    with time_machine.travel(local(0, 10, 30), tick=False):
        client.post(reverse("consulting:cancel", args=[booking.pk]))
    booking.refresh_from_db()
    assert booking.status == "requested"  # less than 24 hours before

    client.post(reverse("consulting:cancel", args=[booking.pk]))
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    # The freed slot can be booked again.
    assert _book(activist, consultant, topic, local(1, 10)).status == "requested"


def test_move_to_another_free_slot(client, clock, activist, consultant, topic):
    booking = _book(activist, consultant, topic, local(1, 10))
    client.force_login(activist)

    client.post(
        reverse("consulting:move", args=[booking.pk]),
        {"slot": f"{consultant.pk}|{local(2, 12).isoformat()}"},
    )

    booking.refresh_from_db()
    assert booking.starts_at == local(2, 12)


def test_staff_confirm_and_decline(client, clock, activist, consultant, topic):
    first = _book(activist, consultant, topic, local(1, 10))
    second = _book(activist, consultant, topic, local(1, 11))
    client.force_login(consultant.user)

    assert (
        "Как составить смету?" in client.get(reverse("consulting:staff_bookings")).content.decode()
    )
    client.post(reverse("consulting:decide", args=[first.pk, "confirm"]))
    client.post(
        reverse("consulting:decide", args=[second.pk, "decline"]), {"note": "Консультант в отпуске"}
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "confirmed"
    assert (second.status, second.staff_note) == ("declined", "Консультант в отпуске")


def test_activists_cannot_confirm_or_touch_others_bookings(
    client, clock, activist, make_user, consultant, topic
):
    booking = _book(make_user("activist"), consultant, topic, local(1, 10))
    client.force_login(activist)

    assert (
        client.post(reverse("consulting:decide", args=[booking.pk, "confirm"])).status_code == 403
    )
    assert client.post(reverse("consulting:cancel", args=[booking.pk])).status_code == 403
    assert "Как составить смету?" not in client.get(reverse("consulting:mine")).content.decode()


def test_reminders_go_once_a_day_before(
    clock, activist, consultant, topic, django_capture_on_commit_callbacks
):
    booking = _book(activist, consultant, topic, local(2, 10))
    bookings.booking_confirm(booking=booking, staff=consultant.user)
    mail.outbox.clear()

    assert bookings.send_reminders(now=local(0, 12)) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert bookings.send_reminders(now=local(1, 11)) == [booking.pk]
        assert bookings.send_reminders(now=local(1, 12)) == []
    assert len(mail.outbox) == 1 and "Напоминание" in mail.outbox[0].subject


@pytest.mark.parametrize("size", [1, 20])
def test_my_bookings_runs_a_constant_number_of_queries(
    client, clock, activist, consultant, topic, django_assert_num_queries, size
):
    from consulting.models import Booking as B

    B.objects.bulk_create(
        B(
            activist=activist,
            consultant=consultant,
            topic=topic,
            question="?",
            starts_at=local(0, 10) + timedelta(days=7 * i),
            ends_at=local(0, 11) + timedelta(days=7 * i),
        )
        for i in range(size)
    )
    client.force_login(activist)
    client.get(reverse("home"))

    # user (the session is cached in Redis), roles for the menu, bookings with their team
    # in a subquery, the initiatives' history (empty, so nothing is prefetched)
    with django_assert_num_queries(4):
        client.get(reverse("consulting:mine"))


@pytest.mark.parametrize("size", [1, 30])
def test_staff_bookings_run_a_constant_number_of_queries(
    client, clock, make_user, consultant, topic, django_assert_num_queries, size
):
    """Found on the benchmark data: each booking asked for its log entry (58 queries for 50)."""
    from consulting.models import Booking as B

    activist = make_user("activist")
    B.objects.bulk_create(
        B(
            activist=activist,
            consultant=consultant,
            topic=topic,
            question="?",
            starts_at=local(0, 10) + timedelta(days=i),
            ends_at=local(0, 11) + timedelta(days=i),
        )
        for i in range(size)
    )
    client.force_login(consultant.user)
    client.get(reverse("home"))

    # The session's user, their roles, permissions and authenticator in one query, the
    # consultant, the pager's count, the page of bookings with everything it shows, the record
    # of this view of personal data (kernel/access_log.py): the same for 1 and for 30.
    with django_assert_num_queries(6):
        response = client.get(reverse("consulting:staff_bookings"))
    assert response.content.decode().count('class="booking"') == size
