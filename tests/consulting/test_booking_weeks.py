"""The booking page by day: the week's days in a strip with their free times, one day's slots
at a time, week navigation, the first free slot offered first, the chosen slot kept on an
error — short, plain HTML that works without JavaScript (found: three weeks of a busy topic
were ≈2,000 radio buttons and 322 KB; one week of four busy consultants still over 100 KB)."""

import re
from datetime import date, time

import pytest
from django.urls import reverse

from consulting.booking_weeks import chosen_week
from consulting.models import AvailabilityException, Consultant, WeeklyAvailability
from tests.consulting.conftest import local

pytestmark = pytest.mark.django_db


def _radios(html: str) -> int:
    return len(re.findall(r'<input type="radio" name="slot"', html))


def test_the_page_opens_on_the_first_free_day_and_navigates_by_day_and_week(
    client, clock, activist, consultant, topic
):
    client.force_login(activist)
    url = reverse("consulting:book", args=[topic.pk])

    html = client.get(url).content.decode()

    # Monday 9:00 with two hours' lead: the first free time is 11:00, offered on top.
    assert "Ближайшее свободное время" in html
    assert html.index("Пн, 30 ноября 11:00–12:00 — Петров Игорь") < html.index("30 ноября — 6 д")
    assert "30 ноября — 6 декабря" in html
    # The week's days: Monday chosen with 2 free times, Tuesday to Friday 3 each, the weekend
    # none; only Monday's slots are radio buttons (and the first free time once more).
    assert '<strong aria-current="date">Пн, 30 ноября</strong>' in html
    assert "2 свободных окна" in html and html.count("3 свободных окна") == 4
    assert html.count("нет свободного времени") == 2
    assert "Понедельник, 30 ноября" in html
    assert _radios(html) == 2 + 1
    assert 'href="?day=2026-12-01"' in html and 'href="?week=2026-12-07"' in html
    assert "Предыдущая неделя" not in html

    tuesday = client.get(f"{url}?day=2026-12-01").content.decode()
    assert "Вторник, 1 декабря" in tuesday and _radios(tuesday) == 3 + 1
    assert "> 10:00–11:00</label>" in tuesday

    following = client.get(f"{url}?week=2026-12-07").content.decode()
    assert "7 декабря — 13 декабря" in following and "Понедельник, 7 декабря" in following
    assert "> 10:00–11:00</label>" in following
    assert 'href="?week=2026-11-30"' in following


def test_without_a_free_slot_this_week_the_page_opens_on_the_week_that_has_one(
    client, clock, activist, consultant, topic
):
    AvailabilityException.objects.create(
        consultant=consultant, starts_on=date(2026, 11, 30), ends_on=date(2026, 12, 6)
    )
    client.force_login(activist)
    html = client.get(reverse("consulting:book", args=[topic.pk])).content.decode()
    assert "7 декабря — 13 декабря" in html
    assert "Пн, 7 декабря 10:00–11:00 — Петров Игорь" in html
    assert "Понедельник, 7 декабря" in html


def test_a_refused_booking_keeps_the_chosen_day_and_slot(
    client, clock, activist, consultant, topic
):
    client.force_login(activist)
    slot = f"{consultant.pk}|{local(8, 10).isoformat()}"
    url = reverse("consulting:book", args=[topic.pk]) + "?day=2026-12-08"

    html = client.post(url, {"slot": slot, "question": ""}).content.decode()

    assert "Опишите ваш вопрос." in html
    assert f'value="{slot}" checked' in html
    assert "Вторник, 8 декабря" in html


def test_a_busy_topic_stays_a_short_page(client, clock, activist, topic, make_user):
    for _ in range(6):
        person = Consultant.objects.create(user=make_user("consultant"))
        person.topics.add(topic)
        for weekday in range(7):
            WeeklyAvailability.objects.create(
                consultant=person, weekday=weekday, starts=time(8), ends=time(20), slot_minutes=30
            )
    client.force_login(activist)
    html = client.get(reverse("consulting:book", args=[topic.pk]) + "?day=2026-12-01")
    html = html.content.decode()
    # One day of six consultants' half-hour slots, 8:00–20:00: 144 radios, not a week's 1,000.
    assert _radios(html) == 6 * 24 + 1
    assert len(html.encode()) < 30_000


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("2026-12-09", date(2026, 12, 7)),  # any day names its week
        ("2026-11-01", date(2026, 11, 30)),  # not before this week
        ("2027-06-01", date(2026, 12, 21)),  # not past the booking horizon
        ("nonsense", date(2026, 12, 14)),  # the week of the first free slot
    ],
)
def test_the_week_asked_for_is_kept_within_the_horizon(asked, expected):
    assert (
        chosen_week(asked, today=date(2026, 11, 30), horizon_days=21, first_free=date(2026, 12, 15))
        == expected
    )
