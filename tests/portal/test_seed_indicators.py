"""The indicators of seed 004's results table the report lacked (found: no count of seminars
and round tables, of meetings of the head of the city with NGOs, of active NGOs and their
growth, of the registry's size), each with its definition in the report's notes."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from civiccenter.kernel.quarters import Quarter
from events.models import Event
from initiatives.models import StatusChange
from portal.reporting import quarter_figures
from tests.factories import OrganisationFactory
from training.models import Programme, Session, SessionDay

pytestmark = pytest.mark.django_db
PERM = ZoneInfo("Asia/Yekaterinburg")
QUARTER = Quarter(2026, 3)  # July to September


def _at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=PERM)


def _record(kind: str, history: list[tuple[date, str]]):
    organisation = OrganisationFactory(kind=kind, status=history[-1][1])
    for day, status in history:
        StatusChange.objects.create(
            organisation=organisation, to_status=status, changed_at=_at(day)
        )
    return organisation


def _event(kind: str, day: date, slug: str):
    Event.objects.create(kind=kind, title=slug, slug=slug, starts_at=_at(day), ends_at=_at(day, 15))


def test_seminars_meetings_and_active_ngos_are_counted_as_defined():
    _record("ngo", [(date(2026, 1, 10), "active")])  # active all along
    _record("ngo", [(date(2026, 2, 1), "active"), (date(2026, 8, 1), "dormant")])  # went dormant
    _record("ngo", [(date(2026, 7, 15), "active")])  # new in the quarter
    _record("ngo", [(date(2026, 8, 20), "active")])  # new in the quarter
    _record("community", [(date(2026, 7, 1), "active")])  # not an NGO
    _event("round_table", date(2026, 7, 10), "round-table")
    _event("head_meeting", date(2026, 8, 5), "head-meeting")
    _event("coffee_with_mayor", date(2026, 9, 5), "coffee")
    _event("coffee_with_mayor", date(2026, 10, 5), "coffee-later")  # the next quarter
    session = Session.objects.create(
        programme=Programme.objects.create(title="Проектный менеджмент", kind="training"),
        place="Центр",
        capacity=20,
    )
    SessionDay.objects.create(
        session=session, starts_at=_at(date(2026, 9, 1), 10), ends_at=_at(date(2026, 9, 1), 14)
    )

    rows = {row.label: row for row in quarter_figures(QUARTER)["rows"]}

    assert rows["Проведено семинаров и круглых столов"].quarter == 2
    assert rows["Встречи главы города с СО НКО"].quarter == 2
    assert rows["Активных СО НКО"].quarter == 3
    assert rows["Прирост активных СО НКО"].quarter == 1  # 2 at the start, 3 at the end
    assert rows["Записей в реестре"].quarter == 5
    for row in rows.values():
        assert row.definition, row.label


def test_the_report_prints_each_definition(client):
    from django.template.loader import render_to_string

    html = render_to_string(
        "reports/quarterly.html", {**quarter_figures(QUARTER), "centre_name": "Центр"}
    )
    assert "Примечания: как считается каждый показатель" in html
    assert "Активные СО НКО на конец периода минус активные на его начало." in html
    assert html.count("<li><strong>") == len(quarter_figures(QUARTER)["rows"])
