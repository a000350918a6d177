"""The booking page's free slots come from a cache per consultant, which a booking, a change
of weekly hours or a day off refreshes after its commit; slots that became too soon drop out
as the day goes on."""

import re
from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from civiccenter.kernel import versioned_cache
from consulting import slot_cache
from consulting.models import AvailabilityException, Booking, WeeklyAvailability
from tests.consulting.conftest import local

pytestmark = pytest.mark.django_db


def _view(client, url) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as captured:
        html = client.get(url).content.decode()
    return html, len(captured)


def _slot_labels(html: str) -> list[str]:
    return re.findall(r"> (\d\d:\d\d–\d\d:\d\d)</label>", html)


def test_a_second_view_reads_no_slots_and_a_change_shows_at_once(
    client, clock, activist, consultant, topic, django_capture_on_commit_callbacks
):
    client.force_login(activist)
    url = reverse("consulting:book", args=[topic.pk]) + "?day=2026-12-01"
    _view(client, url)  # the session's and the person's first reads
    versioned_cache.bump(slot_cache.namespace(consultant.pk))
    first, first_queries = _view(client, url)
    again, again_queries = _view(client, url)
    assert (
        _slot_labels(again)
        == _slot_labels(first)
        == [
            "10:00–11:00",
            "11:00–12:00",
            "12:00–13:00",
        ]
    )
    # Weekly hours, days off and bookings are not read again.
    assert again_queries == first_queries - 3

    with django_capture_on_commit_callbacks(execute=True):
        Booking.objects.create(
            consultant=consultant,
            topic=topic,
            activist=activist,
            question="Смета",
            starts_at=local(1, 11),
            ends_at=local(1, 12),
            status=Booking.Status.CONFIRMED,
        )
    assert _slot_labels(_view(client, url)[0]) == ["10:00–11:00", "12:00–13:00"]

    with django_capture_on_commit_callbacks(execute=True):
        WeeklyAvailability.objects.create(
            consultant=consultant, weekday=1, starts=time(15), ends=time(16)
        )
    assert _slot_labels(_view(client, url)[0]) == ["10:00–11:00", "12:00–13:00", "15:00–16:00"]

    with django_capture_on_commit_callbacks(execute=True):
        AvailabilityException.objects.create(
            consultant=consultant, starts_on=local(1, 0).date(), ends_on=local(1, 0).date()
        )
    assert _slot_labels(_view(client, url)[0]) == []


def test_a_cached_slot_that_became_too_soon_is_no_longer_offered(
    client, clock, activist, consultant, topic
):
    client.force_login(activist)
    url = reverse("consulting:book", args=[topic.pk]) + "?day=2026-11-30"
    # Monday 9:00 with two hours' lead: 11:00 and 12:00 are bookable.
    assert _slot_labels(_view(client, url)[0]) == ["11:00–12:00", "12:00–13:00"]
    clock.shift(timedelta(hours=1))  # 10:00: 12:00 is the first bookable time
    assert _slot_labels(_view(client, url)[0]) == ["12:00–13:00"]
