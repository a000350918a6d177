"""Dates and times read as people write them in Russian, and a letter without a venue has no
dangling comma (it said «…, 1:12, .»)."""

from datetime import datetime

import pytest
from django.core import mail
from django.utils import formats, timezone, translation

from civiccenter.kernel.dates import time_span


def _local(*parts) -> datetime:
    return datetime(*parts, tzinfo=timezone.get_current_timezone())


@pytest.fixture(autouse=True)
def _russian():
    with translation.override("ru"):
        yield


def test_a_span_within_a_day_names_the_day_once():
    assert time_span(_local(2027, 1, 11, 11), _local(2027, 1, 11, 18)) == (
        "11 января 2027, 11:00–18:00"
    )


def test_a_span_over_two_days_names_both_and_the_year_once():
    assert time_span(_local(2027, 1, 11, 11), _local(2027, 1, 12, 18)) == (
        "11 января, 11:00 — 12 января 2027, 18:00"
    )
    assert time_span(_local(2026, 12, 31, 20), _local(2027, 1, 1, 2)) == (
        "31 декабря 2026, 20:00 — 1 января 2027, 02:00"
    )


def test_times_keep_two_digits_for_the_hour():
    moment = _local(2026, 11, 30, 0, 16)
    assert formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT") == (
        "30 ноября 2026, 00:16"
    )
    assert formats.time_format(timezone.localtime(moment).time()) == "00:16"


@pytest.mark.django_db
def test_a_ticket_letter_without_a_venue_has_no_dangling_comma(
    make_user, django_capture_on_commit_callbacks
):
    from events.services import registration
    from tests.factories import EventFactory

    event = EventFactory(
        venue="", city="", starts_at=_local(2027, 1, 11, 11), ends_at=_local(2027, 1, 11, 18)
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration.registration_create(event=event, user=make_user("activist"))

    body = mail.outbox[-1].body
    assert "11 января 2027, 11:00–18:00." in body
    assert ", ." not in body and "Место:" not in body
