"""The practice passport as the form numbers it (seed 003: sections 1–23), for the page and the
PDF alike. One rule for an empty section: it is left out, and the sections after it keep the
form's own numbers (found: the PDF renumbered 1, 2, 4, 5, 7, 11, 18…, the trailing sections
had no number, and one empty section printed «—» while others were left out)."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .passport_tables import TABLES

# (number, title, parts); a part is ("text", field), ("table", key) or ("stakeholders", "").
FORM: list[tuple[int, Promise, list[tuple[str, str]]]] = [
    (1, _("Name of the practice"), [("text", "title")]),
    (2, _("Territory"), [("text", "territory")]),
    (3, _("Donor practice"), [("text", "donor_practice")]),
    (4, _("Preconditions"), [("text", "preconditions"), ("table", "problems")]),
    (5, _("Period"), [("text", "period")]),
    (6, _("Socio-economic indicators before"), [("text", "indicators_before")]),
    (7, _("Goal and tasks"), [("text", "goals")]),
    (8, TABLES["opportunities"][0], [("table", "opportunities")]),
    (9, TABLES["approaches"][0], [("table", "approaches")]),
    (10, TABLES["results"][0], [("table", "results")]),
    (11, TABLES["participants"][0], [("table", "participants")]),
    (12, _("Stakeholders"), [("stakeholders", "")]),
    (13, _("Business model"), [("text", "business_model")]),
    (14, _("Short description"), [("text", "description")]),
    (15, TABLES["actions"][0], [("table", "actions")]),
    (16, _("Legal acts"), [("table", "acts_adopted"), ("table", "acts_changed")]),
    (17, TABLES["resources"][0], [("table", "resources")]),
    (18, TABLES["beneficiaries"][0], [("table", "beneficiaries")]),
    (19, TABLES["costs"][0], [("table", "costs")]),
    (20, _("Socio-economic indicators after"), [("text", "indicators_after")]),
    (21, _("Team leader"), [("text", "team_leader")]),
    (22, TABLES["links"][0], [("table", "links")]),
    (23, TABLES["contacts"][0], [("table", "contacts")]),
]


@dataclass
class Part:
    kind: str
    key: str
    text: str = ""
    title: Any = ""
    columns: list = field(default_factory=list)
    rows: list = field(default_factory=list)


@dataclass
class Section:
    number: int
    title: Any
    parts: list[Part]


def _part(passport, kind: str, key: str, *, alone: bool) -> Part | None:
    if kind == "text":
        text = (getattr(passport, key) or "").strip()
        return Part(kind, key, text=text) if text else None
    if kind == "stakeholders":
        if passport.taking_part is None and passport.reached is None:
            return None
        return Part(kind, key)
    rows = passport.tables.get(key, [])
    if not rows:
        return None
    title, columns = TABLES[key]
    # A table that is the section's only part takes the section's heading; one of several
    # (problems under the preconditions, the two tables of legal acts) has its own.
    return Part(kind, key, title="" if alone else title, columns=columns, rows=rows)


def sections(passport) -> list[Section]:
    """The passport's non-empty sections, each with its number from the form."""
    result = []
    for number, title, parts in FORM:
        filled = [
            part
            for kind, key in parts
            if (part := _part(passport, kind, key, alone=len(parts) == 1)) is not None
        ]
        if filled:
            result.append(Section(number, title, filled))
    return result
