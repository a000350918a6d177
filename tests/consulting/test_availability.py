"""Consultants keep their hours of receiving and days off on a page of the portal;
coordinators keep anyone's."""

from datetime import time

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from accounts.roles import Role
from consulting.models import AvailabilityException, Consultant, WeeklyAvailability

pytestmark = pytest.mark.django_db

URL = reverse("consulting:availability")


def _window(**overrides):
    data = {"action": "add_window", "weekday": "5", "starts": "10:00", "ends": "12:00"}
    data["slot_minutes"] = "30"
    return {**data, **overrides}


def test_a_consultant_adds_saturday_hours_and_activists_can_book_them(
    client, clock, consultant, topic, activist
):
    client.force_login(consultant.user)

    response = client.post(URL, _window())

    assert response.status_code == 302
    assert consultant.availability.filter(weekday=5, slot_minutes=30).count() == 1
    client.force_login(activist)
    url = reverse("consulting:book", args=[topic.pk])
    assert 'href="?day=2026-12-05">Сб, 5 декабря</a>' in client.get(url).content.decode()
    saturday = client.get(f"{url}?day=2026-12-05").content.decode()
    assert "> 10:00–10:30</label>" in saturday and "> 11:30–12:00</label>" in saturday


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"weekday": "0", "starts": "12:00", "ends": "14:00"}, "Пересекается с окном 10:00–13:00"),
        ({"starts": "12:00", "ends": "10:00"}, "Окно приёма должно заканчиваться позже"),
        ({"starts": "", "ends": "10:00"}, "Обязательное поле."),
    ],
)
def test_bad_hours_are_refused_in_russian_and_nothing_is_added(
    client, consultant, overrides, message
):
    client.force_login(consultant.user)
    before = consultant.availability.count()

    response = client.post(URL, _window(**overrides))

    assert response.status_code == 200 and message in response.content.decode()
    assert consultant.availability.count() == before


def test_days_off_hide_the_slots_of_those_days(client, clock, consultant, topic, activist):
    client.force_login(consultant.user)
    bad = client.post(
        URL, {"action": "add_day_off", "off-starts_on": "2026-12-02", "off-ends_on": "2026-12-01"}
    )
    assert "Последний день раньше первого." in bad.content.decode()
    client.post(
        URL,
        {
            "action": "add_day_off",
            "off-starts_on": "2026-12-01",
            "off-ends_on": "2026-12-02",
            "off-reason": "sick",
        },
    )

    client.force_login(activist)
    html = client.get(reverse("consulting:book", args=[topic.pk])).content.decode()
    assert "Пн, 30 ноября 11:00–12:00" in html  # the first free time
    for day_off in ("Вт, 1 декабря", "Ср, 2 декабря"):
        assert f'<span class="muted">{day_off}</span><br><span class="muted">нет' in html
    assert 'href="?day=2026-12-03">Чт, 3 декабря</a>' in html


def test_windows_and_days_off_are_removed_only_by_their_keepers(
    client, consultant, make_user, activist
):
    window = consultant.availability.first()
    other_user = make_user(Role.CONSULTANT)
    Authenticator.objects.create(user=other_user, type=Authenticator.Type.TOTP, data={})
    Consultant.objects.create(user=other_user)

    client.force_login(activist)
    assert client.get(URL).status_code == 403
    client.force_login(other_user)
    removed = client.post(URL, {"action": "remove_window", "id": window.pk})
    assert removed.status_code == 404  # not among their own windows
    assert WeeklyAvailability.objects.filter(pk=window.pk).exists()

    client.force_login(consultant.user)
    client.post(URL, {"action": "remove_window", "id": window.pk})
    assert not WeeklyAvailability.objects.filter(pk=window.pk).exists()


def test_a_coordinator_keeps_any_consultants_hours(client, consultant, make_user):
    coordinator = make_user(Role.COORDINATOR)
    Authenticator.objects.create(user=coordinator, type=Authenticator.Type.TOTP, data={})
    client.force_login(coordinator)

    chooser = client.get(URL).content.decode()
    assert "Выберите консультанта:" in chooser and str(consultant) in chooser

    url = f"{URL}?consultant={consultant.pk}"
    assert client.post(url, _window(weekday="6")).status_code == 302
    assert consultant.availability.filter(weekday=6).exists()
    day_off = AvailabilityException.objects.create(
        consultant=consultant, starts_on="2026-12-10", ends_on="2026-12-10"
    )
    client.post(url, {"action": "remove_day_off", "id": day_off.pk})
    assert not AvailabilityException.objects.filter(pk=day_off.pk).exists()
    assert time(10) == consultant.availability.get(weekday=6).starts
