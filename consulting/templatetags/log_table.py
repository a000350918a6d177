"""The rows of the staff list of the log, written in Python rather than a template loop of
fifty rows and seven cells (found: the loop and its lookups were most of the page's time once
the rows were plain values). The HTML is what the loop wrote.

    {% load log_table %}{% log_table_rows rows editable %}
"""

from functools import cache
from html import escape

from django import template
from django.urls import reverse
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from civiccenter.kernel import figures
from consulting.selectors import LogRow

register = template.Library()

# An entry's form address is reversed once a page, with this key in it, and each row's key
# written in (fifty reversals were a tenth of the rows' time).
_ANY_PK = "2147483647"
SUMMARY_CHARACTERS = 120


class _RowWriter:
    """Writes one page's rows. The page's fifty entries share a few dates, durations and
    head counts, so each is formatted once a page, in the page's language (found: formatting
    them and Django's per-argument escaping were most of the rows' time). Every cell is
    escaped, the figures too, once each."""

    def __init__(self, edit_url: str | None):
        self.edit_url = edit_url
        self.date = cache(self._date)
        self.hours = cache(lambda hours: escape(figures.hours(hours)))
        self.people = cache(lambda people: escape(figures.count(people)))

    @staticmethod
    def _date(day) -> str:
        return escape(formats.date_format(day, "SHORT_DATE_FORMAT"))

    def __call__(self, row: LogRow) -> str:
        held_on = self.date(row.held_on)
        if self.edit_url:
            held_on = f'<a href="{self.edit_url.replace(_ANY_PK, str(row.pk))}">{held_on}</a>'
        summary = row.summary
        if len(summary) > SUMMARY_CHARACTERS:
            summary = Truncator(summary).chars(SUMMARY_CHARACTERS)
        cells = (
            held_on,
            self.hours(row.hours),
            escape(row.topic),
            escape(", ".join(row.consultants)),
            escape(", ".join(row.organisations)),
            self.people(row.people),
            escape(summary),
        )
        return "<tr><td>" + "</td><td>".join(cells) + "</td></tr>"


@register.simple_tag
def log_table_rows(rows: list[LogRow], editable: bool) -> SafeString:
    """The rows, each entry's date a link to its form when `editable`."""
    edit_url = escape(reverse("consulting:log_edit", args=[int(_ANY_PK)])) if editable else None
    return mark_safe("\n".join(map(_RowWriter(edit_url), rows)))  # noqa: S308 (escaped above)
