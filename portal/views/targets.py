"""The quarter's targets: a list of quarters and a page to set one's targets."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from civiccenter.kernel.models import QuarterlyTarget, targets_for
from civiccenter.kernel.quarters import Quarter

from ..services import targets as target_service


class TargetsForm(forms.Form):
    consulting_hours = forms.IntegerField(
        label=gettext_lazy("Consulting hours"), min_value=0, max_value=100_000
    )
    training_hours = forms.IntegerField(
        label=gettext_lazy("Training hours"), min_value=0, max_value=100_000
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for indicator in target_service.other_indicators():
            self.fields[indicator.key] = forms.IntegerField(
                label=f"{indicator.label}, {indicator.unit}",
                required=False,
                min_value=0,
                max_value=1_000_000,
                help_text=gettext_lazy("Empty: no target for this indicator."),
            )


def _quarter(year: int, number: int) -> Quarter:
    if not (2000 <= year <= 2100 and 1 <= number <= 4):
        raise Http404
    return Quarter(year, number)


class TargetsListView(PermissionRequiredMixin, View):
    """This year's quarters and the next one, each with its hours targets."""

    permission_required = "civiccenter.change_quarterlytarget"
    template_name = "pages/targets.html"

    def get(self, request):
        current = Quarter.current()
        quarters = [Quarter(current.year, n) for n in range(1, 5)]
        if current.number == 4:
            quarters.append(current.next())
        rows = {(t.year, t.quarter): t for t in QuarterlyTarget.objects.all()}
        items = [
            {
                "quarter": quarter,
                "targets": targets_for(quarter),
                "set": (quarter.year, quarter.number) in rows,
                "is_current": quarter == current,
            }
            for quarter in quarters
        ]
        return render(request, self.template_name, {"items": items})


class TargetsEditView(PermissionRequiredMixin, View):
    permission_required = "civiccenter.change_quarterlytarget"
    template_name = "pages/targets_form.html"

    def _render(self, request, quarter, form):
        row = QuarterlyTarget.objects.filter(year=quarter.year, quarter=quarter.number).first()
        context = {"quarter": quarter, "form": form, "target_row": row}
        return render(request, self.template_name, context)

    def get(self, request, year, quarter):
        period = _quarter(year, quarter)
        return self._render(request, period, TargetsForm(initial=targets_for(period)))

    def post(self, request, year, quarter):
        period = _quarter(year, quarter)
        form = TargetsForm(request.POST)
        if form.is_valid():
            try:
                target_service.targets_set(
                    quarter=period, values=form.cleaned_data, user=request.user
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("The targets of the %(quarter)s are saved.") % {"quarter": period.label},
                )
                return redirect("targets")
        return self._render(request, period, form)
