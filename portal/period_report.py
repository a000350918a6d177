"""A report for any range of days — a year, a half-year, the months of a programme — with
the same indicators as the quarterly report, on a page and as XLSX."""

from datetime import date

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civiccenter.kernel import dates, tables

from .practice_results import practice_results
from .reporting import period_figures

LONGEST_RANGE_DAYS = 366 * 5


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("The end of the period is before its start."))
            if (end - start).days > LONGEST_RANGE_DAYS:
                raise forms.ValidationError(_("A report covers at most five years."))
        return cleaned


def default_range(today: date | None = None) -> dict[str, date]:
    """The year so far: what the administration asks for most often besides a quarter."""
    today = today or timezone.localdate()
    return {"start": date(today.year, 1, 1), "end": today}


def workbook(figures: dict) -> bytes:
    columns = [
        _("Indicator"),
        _("Unit"),
        _("Period"),
        _("Previous period"),
        _("Same period a year earlier"),
        _("Definition"),
    ]
    heading = _("Report for %(period)s. %(centre)s") % {
        "period": dates.day_span(figures["start"], figures["end"]),
        "centre": settings.CENTRE_NAME,
    }
    rows = (
        dict(
            zip(
                columns,
                [r.label, r.unit, r.period, r.previous, r.last_year, r.definition],
                strict=True,
            )
        )
        for r in figures["rows"]
    )
    number, row, value, source = _("No."), _("Indicator, unit"), _("Value"), _("Computed from")
    results = (
        {number: r.number, row: r.label, value: r.value, source: r.source}
        for r in figures["practice_results"]
    )
    return tables.xlsx_workbook(
        [
            tables.Sheet(_("Indicators"), heading, columns, rows),
            tables.Sheet(
                _("Results of the practice"), heading, [number, row, value, source], results
            ),
        ]
    )


def figures_for(form: PeriodForm) -> dict:
    """The period's indicators, and the passport form's results table (its section 4)."""
    figures = period_figures(form.cleaned_data["start"], form.cleaned_data["end"])
    figures["practice_results"] = practice_results(figures["current"])
    return figures
