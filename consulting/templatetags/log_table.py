"""The rows of the staff list of the log, written in Python rather than a template loop of
fifty rows and seven cells (found: the loop and its lookups were most of the page's time once
the rows were plain values). The HTML is what the loop wrote.

    {% load log_table %}{% log_table_rows rows editable %}
"""

from django import template
from django.urls import reverse
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from civiccenter.kernel import figures
from consulting.selectors import LogRow

register = template.Library()


def _row(row: LogRow, edit_url: str | None) -> SafeString:
    held_on = formats.date_format(row.held_on, "SHORT_DATE_FORMAT")
    date_cell = (
        format_html('<a href="{}">{}</a>', edit_url.replace(_ANY_PK, str(row.pk)), held_on)
        if edit_url
        else held_on
    )
    return format_html(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        date_cell,
        figures.hours(row.hours),
        row.topic,
        ", ".join(row.consultants),
        ", ".join(row.organisations),
        figures.count(row.people),
        Truncator(row.summary).chars(120),
    )


# An entry's form address is reversed once a page, with this key in it, and each row's key
# written in (fifty reversals were a tenth of the rows' time).
_ANY_PK = "2147483647"


@register.simple_tag
def log_table_rows(rows: list[LogRow], editable: bool) -> SafeString:
    """The rows, each entry's date a link to its form when `editable`."""
    edit_url = reverse("consulting:log_edit", args=[int(_ANY_PK)]) if editable else None
    return format_html_join("\n", "{}", ((_row(row, edit_url),) for row in rows))
