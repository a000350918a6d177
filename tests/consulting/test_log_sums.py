"""The log's sums (consulting/rollups.py) stay equal to the log: through entries made,
edited, moved to another day and quarter, and written by many people at once; and a rebuild
from the log gives the same sums."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from consulting import rollups
from consulting.models import Consultant, ConsultationLog, ConsultingTopic
from consulting.services.hours import log_create, log_update
from consulting.totals import consulting_totals
from tests.concurrency import at_once
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 16)


def _from_the_log(start: date, end: date) -> dict:
    """The same figures summed straight from the log, without the sums."""
    logs = ConsultationLog.objects.filter(held_on__range=(start, end)).prefetch_related(
        "consultants__user", "organisations"
    )
    minutes: dict = {"all": 0}
    for log in logs:
        minutes["all"] += log.duration_minutes
        for key in (
            [f"topic {log.topic.name}"]
            + [f"consultant {c.user.last_name}" for c in log.consultants.all()]
            + [f"initiative {o.name}" for o in log.organisations.all()]
        ):
            minutes[key] = minutes.get(key, 0) + log.duration_minutes
    return minutes


def _from_the_sums(start: date, end: date) -> dict:
    figures = consulting_totals(start, end)
    minutes = {"all": int(figures["hours"] * 60)}
    for prefix, rows in (
        ("topic", figures["by_topic"]),
        ("consultant", figures["by_consultant"]),
        ("initiative", figures["by_initiative"]),
    ):
        for row in rows:
            minutes[f"{prefix} {row['name'].split()[0]}"] = int(row["hours"] * 60)
    return minutes


@pytest.fixture
def people(make_user):
    topics = [ConsultingTopic.objects.create(name=n) for n in ("Бюджет", "Устав")]
    consultants = [
        Consultant.objects.create(user=make_user("consultant", last_name=n))
        for n in ("Петров", "Сидорова")
    ]
    records = [OrganisationFactory(name=n) for n in ("Двор", "Сад")]
    return topics, consultants, records


def test_the_sums_follow_entries_made_edited_and_moved(people):
    (budget, charter), (petrov, sidorova), (yard, garden) = people
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 11, 30, 12))):
        shared = log_create(
            user=None,
            consultants=[petrov, sidorova],
            organisations=[yard, garden],
            held_on=DAY,
            duration_minutes=75,
            topic=budget,
            summary="—",
        )
        alone = log_create(
            user=None,
            consultants=[sidorova],
            organisations=[],
            held_on=date(2026, 10, 5),
            duration_minutes=45,
            topic=charter,
            summary="—",
        )
        quarter = (date(2026, 10, 1), date(2026, 12, 31))
        assert _from_the_sums(*quarter) == _from_the_log(*quarter)
        assert _from_the_sums(*quarter)["consultant Сидорова"] == 120  # shared, counted for each

        # Edited: another length, topic, consultants and initiatives, then another day.
        log_update(
            log=shared,
            user=None,
            consultants=[petrov],
            organisations=[garden],
            held_on=DAY,
            duration_minutes=90,
            topic=charter,
            summary="—",
        )
        assert _from_the_sums(*quarter) == _from_the_log(*quarter)
        log_update(
            log=alone,
            user=None,
            consultants=[sidorova],
            organisations=[yard],
            held_on=date(2026, 11, 2),
            duration_minutes=30,
            topic=budget,
            summary="—",
        )
        assert _from_the_sums(*quarter) == _from_the_log(*quarter)
        assert consulting_totals(*quarter)["hours"] == Decimal("2.00")
        # A range that is not whole quarters reads the initiatives from the log.
        assert _from_the_sums(DAY, DAY) == _from_the_log(DAY, DAY)

        before = _from_the_sums(*quarter)
        rollups.rebuild()
        assert _from_the_sums(*quarter) == before


@pytest.mark.django_db(transaction=True)
def test_many_people_logging_one_day_at_once_lose_nobodys_minutes(people):
    (budget, _charter), (petrov, sidorova), (yard, _garden) = people

    def log(minutes: int) -> None:
        try:
            log_create(
                user=None,
                consultants=[petrov, sidorova],
                organisations=[yard],
                held_on=DAY,
                duration_minutes=minutes,
                topic=budget,
                summary="—",
            )
        finally:
            connection.close()

    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 11, 30, 12))):
        outcomes = at_once(log, [15 * n for n in range(1, 9)], refused=Exception)
        assert outcomes == ["ok"] * 8
        quarter = (date(2026, 10, 1), date(2026, 12, 31))
        sums = _from_the_sums(*quarter)
        assert sums == _from_the_log(*quarter)
        assert sums["all"] == 15 * 36 and sums["consultant Петров"] == 15 * 36
