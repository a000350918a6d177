"""The quarterly report's figures, gathered from each app's tested totals functions: one
source for the report's PDF, its XLSX and the dashboards."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel import figures
from civiccenter.kernel.dashboards import share_of_target
from civiccenter.kernel.models import targets_for
from civiccenter.kernel.quarters import Quarter
from consulting.totals import consulting_summary, consulting_totals, grant_review_totals
from consulting.totals import initiatives_supported as initiatives_consulted
from events.totals import events_totals
from events.totals import initiatives_supported as initiatives_at_events
from initiatives.analytics import cohort_survival, registry_indicators
from initiatives.models import Organisation
from training.totals import initiatives_supported as initiatives_trained
from training.totals import training_totals

StrOrPromise = str | Promise


def shown(value: object, *, is_hours: bool) -> str:
    """A figure as every document prints it (civiccenter/kernel/figures.py)."""
    return figures.hours(value) if is_hours else figures.count(value)  # type: ignore[arg-type]


class _Printed:
    """What a report's row and a period's row print alike: each figure as every document
    prints it, the previous period's and the same period's a year earlier."""

    is_hours: bool
    previous: object
    last_year: object

    def shown(self, value: object) -> str:
        return shown(value, is_hours=self.is_hours)

    @property
    def shown_previous(self) -> str:
        return self.shown(self.previous)

    @property
    def shown_last_year(self) -> str:
        return self.shown(self.last_year)


@dataclass(frozen=True)
class Row(_Printed):
    label: str
    unit: str
    quarter: object
    previous: object
    last_year: object
    year_to_date: object
    is_hours: bool = False
    target: object = None
    definition: str = ""

    @property
    def shown_target(self) -> str:
        return "" if self.target is None else self.shown(self.target)

    @property
    def shown_quarter(self) -> str:
        return self.shown(self.quarter)

    @property
    def shown_year_to_date(self) -> str:
        return self.shown(self.year_to_date)


def initiatives_supported(start: date, end: date) -> int:
    """Records of the registry the centre supported in the period, each once: consulted,
    reviewed or discussed by an expert council, trained, or taking part in an event (one
    query: each line of work gives the keys of its records)."""
    parts = (
        initiatives_consulted(start, end)
        + initiatives_trained(start, end)
        + initiatives_at_events(start, end)
    )
    any_part = Q()
    for keys in parts:
        any_part |= Q(pk__in=keys)
    return Organisation.objects.filter(any_part).count()


def _period(start: date, end: date, *, breakdowns: bool = False) -> dict:
    """The figures of a period; the breakdowns by topic and consultant only where shown."""
    return {
        "consulting": (
            consulting_totals(start, end) if breakdowns else consulting_summary(start, end)
        ),
        "training": training_totals(start, end),
        "events": events_totals(start, end),
        "registry": registry_indicators(start, end),
        "reviews": grant_review_totals(start, end),
        "supported": initiatives_supported(start, end),
    }


HOURS = _("h")


@dataclass(frozen=True)
class Indicator:
    """A row of the quarterly report: its key (for targets), its name, unit and figure."""

    key: str
    label: StrOrPromise
    unit: StrOrPromise
    value: Callable[[dict], Any]
    definition: StrOrPromise = ""

    @property
    def is_hours(self) -> bool:
        return str(self.unit) == str(HOURS)


PCS = _("pcs")


def _kinds(*kinds: str) -> Callable[[dict], int]:
    return lambda p: sum(p["events"]["by_kind"].get(kind, 0) for kind in kinds)


# Each indicator with its definition: the report prints the definitions in its notes.
INDICATORS: list[Indicator] = [
    Indicator(
        "consulting_hours",
        _("Consulting hours"),
        HOURS,
        lambda p: p["consulting"]["hours"],
        _(
            "Hours of the logged consultations held in the period; one given by two "
            "consultants counts once."
        ),
    ),
    Indicator(
        "consultations",
        _("Consultations given"),
        PCS,
        lambda p: p["consulting"]["sessions"],
        _("Logged consultations held in the period, each once whatever the number of consultants."),
    ),
    Indicator(
        "training_hours",
        _("Training hours"),
        HOURS,
        lambda p: p["training"]["hours"],
        _("Hours of the training days held in the period (cancelled sessions aside)."),
    ),
    Indicator(
        "participant_hours",
        _("Participant-hours of training"),
        HOURS,
        lambda p: p["training"]["participant_hours"],
        _("Each training day's hours times the people marked present on it."),
    ),
    Indicator(
        "seminars_round_tables",
        _("Seminars and round tables held"),
        PCS,
        lambda p: p["training"]["sessions"] + p["events"]["by_kind"].get("round_table", 0),
        _("Training sessions (seminars) held in the period plus events of the kind «Round table»."),
    ),
    Indicator(
        "head_meetings",
        _("Meetings of the head of the city with NGOs"),
        PCS,
        _kinds("head_meeting", "coffee_with_mayor"),
        _(
            "Events of the kinds «Meeting of the head of the city with NGOs» and «Coffee with "
            "the Mayor» held in the period."
        ),
    ),
    Indicator(
        "events",
        _("Events held"),
        PCS,
        lambda p: p["events"]["events"],
        _("Events of every kind that started in the period and were not cancelled."),
    ),
    Indicator(
        "participants",
        _("Event participants"),
        _("people"),
        lambda p: p["events"]["participants"],
        _("People checked in at the door plus those counted at the door without a ticket."),
    ),
    Indicator(
        "speeches",
        _("Speeches"),
        PCS,
        lambda p: p["events"]["speeches"],
        _("Speeches recorded in the outcomes of the period's events."),
    ),
    Indicator(
        "master_classes",
        _("Master-classes"),
        PCS,
        lambda p: p["events"]["master_classes"],
        _("Master-classes recorded in the outcomes of the period's events."),
    ),
    Indicator(
        "media_publications",
        _("Publications in the media"),
        PCS,
        lambda p: p["events"]["media_publications"],
        _(
            "Publications in the media logged by staff one by one (outlet, date, link), "
            "counted by their date."
        ),
    ),
    Indicator(
        "commitments_made",
        _("Commitments made at meetings"),
        PCS,
        lambda p: p["events"]["commitments_made"],
        _("Commitments of the head of the city recorded at the period's meetings."),
    ),
    Indicator(
        "commitments_done",
        _("Commitments done"),
        PCS,
        lambda p: p["events"]["commitments_done"],
        _("Commitments marked done in the period."),
    ),
    Indicator(
        "registry_size",
        _("Records in the registry"),
        PCS,
        lambda p: p["registry"]["size"],
        _("Published records of the registry, of any status, at the period's end."),
    ),
    Indicator(
        "new_records",
        _("New records in the registry"),
        PCS,
        lambda p: p["registry"]["new"],
        _("Records published in the period."),
    ),
    Indicator(
        "active_ngos",
        _("Active NGOs"),
        PCS,
        lambda p: p["registry"]["active_ngos"],
        _(
            "Published records of the kind «NGO» with the status «Active» at the period's end "
            "(not dormant, closed or an idea)."
        ),
    ),
    Indicator(
        "active_ngos_growth",
        _("Growth of active NGOs"),
        PCS,
        lambda p: p["registry"]["active_ngos_growth"],
        _("Active NGOs at the period's end less those at its start."),
    ),
    Indicator(
        "registered_as_ngo",
        _("Registered as NGOs"),
        PCS,
        lambda p: p["registry"]["registered_as_ngo"],
        _("Initiative groups recorded in the period as registered as an NGO."),
    ),
    Indicator(
        "reviews",
        _("Grant applications reviewed"),
        PCS,
        lambda p: p["reviews"]["reviewed"],
        _("Grant applications the centre reviewed in the period."),
    ),
    Indicator(
        "reviews_won",
        _("Grants won after review"),
        PCS,
        lambda p: p["reviews"]["won"],
        _("Of the applications decided in the period, those that won."),
    ),
    Indicator(
        "grants_won",
        _("Grants won by initiatives"),
        PCS,
        lambda p: p["registry"]["grants_won"],
        _("Grants of the registry's records awarded in the period."),
    ),
    Indicator(
        "initiatives_supported",
        _("Initiatives supported"),
        PCS,
        lambda p: p["supported"],
        _(
            "Records of the registry, each once, that in the period had a logged "
            "consultation, a grant application reviewed or an expert council, whose people "
            "attended training on the record's behalf, or that took part in an event (a "
            "stand, or a person registered for the record who came)."
        ),
    ),
    Indicator(
        "partnerships",
        _("Partnership agreements"),
        PCS,
        lambda p: p["registry"]["partnerships"],
        _("Partnership agreements of the registry's records signed in the period."),
    ),
]


INDICATORS_BY_KEY = {indicator.key: indicator for indicator in INDICATORS}


def indicator_value(key: str, period: dict) -> Any:
    """One indicator's figure from the figures of a period (`_period`)."""
    return INDICATORS_BY_KEY[key].value(period)


def quarter_figures(quarter: Quarter) -> dict:
    """Everything the quarterly report shows, for the quarter, the previous quarter, the same
    quarter a year earlier and the year to date."""
    current = _period(quarter.start, quarter.end, breakdowns=True)
    previous_quarter = quarter.previous()
    previous = _period(previous_quarter.start, previous_quarter.end)
    year_earlier = Quarter(quarter.year - 1, quarter.number)
    last_year = _period(year_earlier.start, year_earlier.end)
    year = _period(date(quarter.year, 1, 1), quarter.end)
    targets = targets_for(quarter)
    rows = [
        Row(
            str(indicator.label),
            str(indicator.unit),
            indicator.value(current),
            indicator.value(previous),
            indicator.value(last_year),
            indicator.value(year),
            is_hours=indicator.is_hours,
            target=targets.get(indicator.key),
            definition=str(indicator.definition),
        )
        for indicator in INDICATORS
    ]
    return {
        "quarter": quarter,
        "targets": targets,
        "current": current,
        "rows": rows,
        "status_at_end": current["registry"]["status_at_end"],
        "survival": cohort_survival(now=min(quarter.bounds()[1], timezone.now())),
        "consulting_share": share_of_target(
            current["consulting"]["hours"], targets["consulting_hours"]
        ),
        "training_share": share_of_target(current["training"]["hours"], targets["training_hours"]),
    }


@dataclass(frozen=True)
class PeriodRow(_Printed):
    label: str
    unit: str
    period: object
    previous: object
    last_year: object
    is_hours: bool
    definition: str

    @property
    def shown_period(self) -> str:
        return self.shown(self.period)


def _year_earlier(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def period_figures(start: date, end: date) -> dict:
    """The indicators for any range of days (a year, a half-year, a month…): the range, the
    range of the same length just before it, and the same range a year earlier."""
    length = end - start
    previous_end = start - timedelta(days=1)
    previous = _period(previous_end - length, previous_end)
    last_year = _period(_year_earlier(start), _year_earlier(end))
    current = _period(start, end)
    rows = [
        PeriodRow(
            str(indicator.label),
            str(indicator.unit),
            indicator.value(current),
            indicator.value(previous),
            indicator.value(last_year),
            indicator.is_hours,
            str(indicator.definition),
        )
        for indicator in INDICATORS
    ]
    return {
        "start": start,
        "end": end,
        "previous_start": previous_end - length,
        "previous_end": previous_end,
        "current": current,
        "rows": rows,
    }
