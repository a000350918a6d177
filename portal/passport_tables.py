"""The numbered tables of a practice passport (seed 003's form; seed 004's shorter form
uses some of them and its problems table). Each table: title and columns; a column is
(key, label, kind) with kind "text", "number" (a sum of money or a count) or "url"."""

from django.utils.translation import gettext_lazy as _

TABLES = {
    "problems": (_("Problems the practice addresses"), [("problem", _("Problem"), "text")]),
    "opportunities": (
        _("Opportunities that made the practice possible"),
        [("description", _("Opportunity"), "text")],
    ),
    "approaches": (_("Principal approaches"), [("description", _("Approach"), "text")]),
    "results": (
        _("Results of the practice"),
        [
            ("indicator", _("Indicator, unit"), "text"),
            ("last_year", _("Value for the last year"), "text"),
            ("whole_period", _("Value for the whole period"), "text"),
        ],
    ),
    "participants": (
        _("Participants and their roles"),
        [("participant", _("Participant"), "text"), ("role", _("Role"), "text")],
    ),
    "actions": (
        _("Deployment actions"),
        [("action", _("Action"), "text"), ("performer", _("Performer"), "text")],
    ),
    "acts_adopted": (
        _("Legal acts adopted"),
        [("act", _("Legal act"), "text"), ("result", _("Result"), "text")],
    ),
    "acts_changed": (
        _("Legal acts changed"),
        [
            ("act", _("Legal act"), "text"),
            ("changes", _("Changes made"), "text"),
            ("result", _("Result"), "text"),
        ],
    ),
    "resources": (
        _("Resources needed"),
        [("resource", _("Resource"), "text"), ("purpose", _("Purpose"), "text")],
    ),
    "beneficiaries": (
        _("Beneficiaries"),
        [("beneficiary", _("Beneficiary"), "text"), ("benefit", _("Benefit"), "text")],
    ),
    "costs": (
        _("Costs"),
        [
            ("item", _("Item"), "text"),
            ("amount", _("Amount, roubles"), "number"),
            ("source", _("Funding source"), "text"),
        ],
    ),
    "links": (
        _("Internet links"),
        [("title", _("Resource"), "text"), ("url", _("Address"), "url")],
    ),
    "contacts": (
        _("Contacts"),
        [
            ("name", _("Name"), "text"),
            ("position", _("Position"), "text"),
            ("contact", _("Phone, e-mail"), "text"),
        ],
    ),
}
