"""A report for a year or any range of days, beside the range before it and the same range a
year earlier, on a page and as XLSX (found: reports existed for a quarter only)."""

import io
from datetime import date

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from consulting.models import Consultant, ConsultingTopic
from consulting.services.hours import log_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(client, make_user):
    user = make_user("administration")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    client.force_login(user)
    return user


@pytest.fixture
def logs(make_user):
    topic = ConsultingTopic.objects.create(name="Бюджет")
    consultant = Consultant.objects.create(user=make_user("consultant"))
    for day, minutes in (
        (date(2025, 3, 1), 60),  # a year before the range
        (date(2025, 12, 20), 30),  # just before it
        (date(2026, 2, 1), 45),
        (date(2026, 6, 30), 75),
    ):
        # logged that evening, while its quarter is open
        logged = timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 20))
        with time_machine.travel(logged, tick=False):
            log_create(
                user=None,
                consultants=[consultant],
                organisations=[],
                held_on=day,
                duration_minutes=minutes,
                topic=topic,
                summary="—",
            )


def _rows(response) -> dict:
    return {row.label: row for row in response.context["figures"]["rows"]}


def test_a_half_year_beside_the_half_year_before_and_a_year_earlier(client, head, logs):
    response = client.get(reverse("reports:period"), {"start": "2026-01-01", "end": "2026-06-30"})

    hours = _rows(response)["Часы консультаций"]
    assert (hours.shown_period, hours.shown_previous, hours.shown_last_year) == ("2", "0,5", "1")
    html = response.content.decode()
    assert "1 января 2026 г. — 30 июня 2026 г." in html
    assert "Как считается" not in html and "Примечания: как считается каждый показатель" in html

    xlsx = client.get(
        reverse("reports:period"), {"start": "2026-01-01", "end": "2026-06-30", "format": "xlsx"}
    )
    sheet = load_workbook(io.BytesIO(xlsx.content))["Показатели"]
    assert sheet["A1"].value.startswith("Отчёт за период 1 января 2026 г. — 30 июня 2026 г.")
    cells = {row[0]: row[2:5] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert [float(value) for value in cells["Часы консультаций"]] == [2.0, 0.5, 1.0]


def test_the_year_so_far_by_default_and_a_clear_error_for_a_reversed_range(client, head, logs):
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 11, 30, 12))):
        response = client.get(reverse("reports:period"))
    assert response.context["figures"]["start"] == date(2026, 1, 1)

    wrong = client.get(reverse("reports:period"), {"start": "2026-06-30", "end": "2026-01-01"})
    assert wrong.status_code == 400
    assert "Конец периода раньше его начала." in wrong.content.decode()
