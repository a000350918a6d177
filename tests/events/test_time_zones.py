"""Each event in its own place's time zone: typed, shown and exported in it (found: a Penza
visitor read 11:00 for an event at 09:00 local time; every .ics was in UTC with no TZID)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from events.models import Event
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture
def penza_event():
    start = datetime(2027, 1, 11, 9, 0, tzinfo=MOSCOW)
    return Event.objects.create(
        kind="forum",
        title="Форум в Пензе",
        slug="forum-penza",
        city="Пенза",
        time_zone="Europe/Moscow",
        starts_at=start,
        ends_at=start.replace(hour=11),
    )


def test_the_page_shows_the_places_time_and_names_its_zone(client, penza_event):
    html = client.get(reverse("events:event", args=[penza_event.slug])).content.decode()
    assert "11 января 2027, 09:00–11:00 (Москва, Пенза, Заречный (UTC+3))" in html


def test_the_calendar_file_carries_the_places_zone(client, penza_event):
    content = client.get(reverse("events:feed")).content.decode()
    assert "BEGIN:VTIMEZONE" in content and "TZID:Europe/Moscow" in content
    event = next(iter(Calendar.from_ical(content).walk("VEVENT")))
    start = event.decoded("dtstart")
    assert (start.hour, str(start.tzinfo)) == (9, "Europe/Moscow")
    assert str(event["uid"]) == f"civiccenter-event-{penza_event.pk}"


def test_staff_type_the_times_in_the_events_zone(client, coordinator, penza_event):
    client.force_login(coordinator)
    url = reverse("events:manage_event", args=[penza_event.pk])
    data = form_data(client.get(url).content.decode(), form_id="edit-form")
    assert data["starts_at"] == ["2027-01-11T09:00"]  # shown in Moscow time, not Perm's 11:00
    data["starts_at"], data["ends_at"] = ["2027-01-11T10:00"], ["2027-01-11T12:00"]

    client.post(url, data)

    penza_event.refresh_from_db()
    assert penza_event.starts_at == datetime(2027, 1, 11, 10, 0, tzinfo=MOSCOW)


def test_the_feed_takes_the_same_queries_for_more_events(client, penza_event):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("events:feed"))
        return len(captured)

    few = queries()
    for n in range(10):
        Event.objects.create(
            kind="forum",
            title=f"Форум {n}",
            slug=f"forum-{n}",
            starts_at=penza_event.starts_at,
            ends_at=penza_event.ends_at,
        )
    assert queries() == few


def test_a_second_parser_reads_the_local_times_of_another_citys_event(client, penza_event):
    """vobject, not the library that wrote the file, reads the VTIMEZONE we send: an event in
    Zelenogorsk at 10:00 Krasnoyarsk time is 10:00 there, 06:00 in Moscow and 08:00 in Perm."""
    import vobject

    krasnoyarsk = ZoneInfo("Asia/Krasnoyarsk")
    start = datetime(2027, 3, 2, 10, 0, tzinfo=krasnoyarsk)
    zelenogorsk = Event.objects.create(
        kind="coffee_with_mayor",
        title="Кофе с мэром в Зеленогорске",
        slug="coffee-zelenogorsk",
        city="Зеленогорск",
        time_zone="Asia/Krasnoyarsk",
        starts_at=start,
        ends_at=start.replace(hour=12),
    )

    calendar = vobject.readOne(client.get(reverse("events:feed")).content.decode())
    by_uid = {event.uid.value: event for event in calendar.vevent_list}
    coffee = by_uid[f"civiccenter-event-{zelenogorsk.pk}"]
    starts, ends = coffee.dtstart.value, coffee.dtend.value
    assert (starts.hour, starts.utcoffset().total_seconds() / 3600) == (10, 7)
    assert ends.astimezone(krasnoyarsk).hour == 12
    assert starts.astimezone(MOSCOW).hour == 6
    assert starts.astimezone(ZoneInfo("Asia/Yekaterinburg")).hour == 8
    forum = by_uid[f"civiccenter-event-{penza_event.pk}"].dtstart.value
    assert (forum.hour, forum.utcoffset().total_seconds() / 3600) == (9, 3)


def test_the_sequence_grows_by_one_with_each_change(client, coordinator, penza_event):
    def sequence() -> int:
        feed = Calendar.from_ical(client.get(reverse("events:feed")).content.decode())
        return int(next(iter(feed.walk("VEVENT")))["sequence"])

    client.force_login(coordinator)
    url = reverse("events:manage_event", args=[penza_event.pk])
    data = form_data(client.get(url).content.decode(), form_id="edit-form")
    client.post(url, data)  # saved once through the page: made, then the first change
    first = sequence()
    for hour in (10, 12):
        data["starts_at"], data["ends_at"] = (
            [f"2027-01-11T{hour}:00"],
            [f"2027-01-11T{hour + 1}:00"],
        )
        client.post(url, data)
    assert sequence() == first + 2
