"""Section 4 of the practice passport's form, «Результаты проекта»: the nine rows Zelenogorsk
reported in seed 004, each computed from the portal's indicators for a period, so that a
passport's results table comes from logged data, not from memory."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel import figures

from .reporting import indicator_value

StrOrPromise = str | Promise


@dataclass(frozen=True)
class ResultRow:
    """A row of the form: its number, its wording and how the portal computes it."""

    number: int
    label: StrOrPromise
    value: Callable[[dict], Any]
    source: StrOrPromise


def _indicator(key: str) -> Callable[[dict], Any]:
    return lambda period: indicator_value(key, period)


ROWS = [
    ResultRow(
        1,
        _("Consultations for NGOs (number, pcs)"),
        _indicator("consultations"),
        _("Consultations given"),
    ),
    ResultRow(
        2,
        _("Information support of the city's NGOs (publications in the media, pcs)"),
        _indicator("media_publications"),
        _("Publications in the media"),
    ),
    ResultRow(
        3,
        _("Expert review of grant applications for contests (projects, pcs)"),
        _indicator("reviews"),
        _("Grant applications reviewed"),
    ),
    ResultRow(
        4,
        _("Federal, regional, municipal and other grants won by NGOs (projects supported, pcs)"),
        _indicator("reviews_won"),
        _("Grants won after review"),
    ),
    ResultRow(
        5,
        _("Seminars and round tables for the heads of NGOs"),
        _indicator("seminars_round_tables"),
        _("Seminars and round tables held"),
    ),
    ResultRow(
        6,
        _("Meetings of the head of the city with representatives of NGOs (number, pcs)"),
        _indicator("head_meetings"),
        _("Meetings of the head of the city with NGOs"),
    ),
    ResultRow(
        7,
        _("Growth of the number of active NGOs working in the city (number, pcs)"),
        _indicator("active_ngos_growth"),
        _("Growth of active NGOs"),
    ),
    ResultRow(
        8,
        _("A registry of all the city's public organisations created (number, pcs)"),
        # The portal is the registry: one, once it holds a published record.
        lambda period: 1 if period["registry"]["size"] else 0,
        _("Records in the registry"),
    ),
    ResultRow(
        9,
        _("Public initiatives supported"),
        _indicator("initiatives_supported"),
        _("Initiatives supported"),
    ),
]


@dataclass(frozen=True)
class Result:
    number: int
    label: str
    value: Any
    source: str

    @property
    def shown(self) -> str:
        return figures.count(self.value)


def practice_results(period: dict) -> list[Result]:
    """The form's rows for the figures of one period (reporting._period)."""
    return [Result(row.number, str(row.label), row.value(period), str(row.source)) for row in ROWS]
