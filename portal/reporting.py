"""The quarterly report's figures, gathered from each app's tested totals functions: one
source for the report's PDF, its XLSX and the dashboards."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel import figures
from civiccenter.kernel.dashboards import share_of_target
from civiccenter.kernel.models import targets_for
from civiccenter.kernel.quarters import Quarter
from consulting.totals import consulting_summary, consulting_totals, grant_review_totals
from events.totals import events_totals
from initiatives.analytics import cohort_survival, registry_indicators
from training.totals import training_totals

StrOrPromise = str | Promise


@dataclass(frozen=True)
class Row:
    label: str
    unit: str
    quarter: object
    previous: object
    year_to_date: object
    is_hours: bool = False
    target: object = None

    @property
    def shown_target(self) -> str:
        return "" if self.target is None else self.shown(self.target)

    def shown(self, value: object) -> str:
        """The value as every document prints it (civiccenter/kernel/figures.py)."""
        return figures.hours(value) if self.is_hours else figures.count(value)  # type: ignore[arg-type]

    @property
    def shown_quarter(self) -> str:
        return self.shown(self.quarter)

    @property
    def shown_previous(self) -> str:
        return self.shown(self.previous)

    @property
    def shown_year_to_date(self) -> str:
        return self.shown(self.year_to_date)


def _period(start: date, end: date, *, breakdowns: bool = False) -> dict:
    """The figures of a period; the breakdowns by topic and consultant only where shown."""
    consulting = consulting_totals(start, end) if breakdowns else consulting_summary(start, end)
    training = training_totals(start, end)
    events = events_totals(start, end)
    registry = registry_indicators(start, end)
    reviews = grant_review_totals(start, end)
    return {
        "consulting": consulting,
        "training": training,
        "events": events,
        "registry": registry,
        "reviews": reviews,
    }


HOURS = _("h")


@dataclass(frozen=True)
class Indicator:
    """A row of the quarterly report: its key (for targets), its name, unit and figure."""

    key: str
    label: StrOrPromise
    unit: StrOrPromise
    value: Callable[[dict], Any]

    @property
    def is_hours(self) -> bool:
        return str(self.unit) == str(HOURS)


INDICATORS: list[Indicator] = [
    Indicator("consulting_hours", _("Consulting hours"), HOURS, lambda p: p["consulting"]["hours"]),
    Indicator(
        "consultations", _("Consultations given"), _("pcs"), lambda p: p["consulting"]["sessions"]
    ),
    Indicator("training_hours", _("Training hours"), HOURS, lambda p: p["training"]["hours"]),
    Indicator(
        "participant_hours",
        _("Participant-hours of training"),
        HOURS,
        lambda p: p["training"]["participant_hours"],
    ),
    Indicator("events", _("Events held"), _("pcs"), lambda p: p["events"]["events"]),
    Indicator(
        "participants", _("Event participants"), _("people"), lambda p: p["events"]["participants"]
    ),
    Indicator("speeches", _("Speeches"), _("pcs"), lambda p: p["events"]["speeches"]),
    Indicator(
        "master_classes", _("Master-classes"), _("pcs"), lambda p: p["events"]["master_classes"]
    ),
    Indicator(
        "media_publications",
        _("Publications in the media"),
        _("pcs"),
        lambda p: p["events"]["media_publications"],
    ),
    Indicator(
        "commitments_made",
        _("Commitments made at meetings"),
        _("pcs"),
        lambda p: p["events"]["commitments_made"],
    ),
    Indicator(
        "commitments_done",
        _("Commitments done"),
        _("pcs"),
        lambda p: p["events"]["commitments_done"],
    ),
    Indicator(
        "new_records", _("New records in the registry"), _("pcs"), lambda p: p["registry"]["new"]
    ),
    Indicator(
        "registered_as_ngo",
        _("Registered as NGOs"),
        _("pcs"),
        lambda p: p["registry"]["registered_as_ngo"],
    ),
    Indicator(
        "reviews", _("Grant applications reviewed"), _("pcs"), lambda p: p["reviews"]["reviewed"]
    ),
    Indicator("reviews_won", _("Grants won after review"), _("pcs"), lambda p: p["reviews"]["won"]),
    Indicator(
        "grants_won",
        _("Grants won by initiatives"),
        _("pcs"),
        lambda p: p["registry"]["grants_won"],
    ),
    Indicator(
        "partnerships",
        _("Partnership agreements"),
        _("pcs"),
        lambda p: p["registry"]["partnerships"],
    ),
]


def quarter_figures(quarter: Quarter) -> dict:
    """Everything the quarterly report shows, for the quarter, the previous quarter and the
    year to date."""
    current = _period(quarter.start, quarter.end, breakdowns=True)
    previous_quarter = quarter.previous()
    previous = _period(previous_quarter.start, previous_quarter.end)
    year = _period(date(quarter.year, 1, 1), quarter.end)
    targets = targets_for(quarter)
    rows = [
        Row(
            str(indicator.label),
            str(indicator.unit),
            indicator.value(current),
            indicator.value(previous),
            indicator.value(year),
            is_hours=indicator.is_hours,
            target=targets.get(indicator.key),
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
