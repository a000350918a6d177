"""Choosing initiatives of the registry in a form when there are thousands of them.

A select of every published record weighs almost a megabyte with 10,000 records, takes half a
second to render and is unusable with a screen reader. A picker field shows only the records
already chosen, with a search box and a «Find» button beside them: «Find» posts the form back
without saving it, and the page offers the matching records as more boxes to tick, keeping
whatever else was typed. It works without JavaScript; `static/js/initiative-picker.js` only
makes Enter in the search box press «Find».
"""

from typing import TYPE_CHECKING, cast

from django import forms
from django.db.models import Model
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from .models import Organisation
from .search import search

FIND = "find"  # the name of the «Find» buttons; the value is the picker field's name
FOUND_AT_MOST = 20


def published_for_picking():
    return Organisation.objects.filter(moderation=Organisation.Moderation.PUBLISHED).only(
        "id", "name", "city"
    )


def matching(text: str, *, exclude=(), limit: int = FOUND_AT_MOST) -> list[Organisation]:
    """Published records whose name or description matches `text`, best first."""
    text = text.strip()
    if not text:
        return []
    found = search(published_for_picking(), text).exclude(pk__in=list(exclude))
    return list(found.order_by("-rank", "name")[:limit])


if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class InitiativePickerMixin(_FormBase):
    """For a form whose `picker_fields` choose published records (ModelChoiceField with a
    RadioSelect, or ModelMultipleChoiceField with a CheckboxSelectMultiple). Each gets a
    `<name>_search` field; `searching=True` (the «Find» button was pressed) offers the matches
    and skips validation, so the page shows no errors for a form not yet finished."""

    picker_fields: tuple[str, ...] = ()

    def __init__(self, *args, searching: bool = False, picker_exclude=(), **kwargs):
        """`picker_exclude`: records neither offered nor accepted (the record itself, say)."""
        super().__init__(*args, **kwargs)
        self.searching = searching
        self.picker_exclude = list(picker_exclude)
        self.found: dict[str, list[Organisation]] = {}
        for name in self.picker_fields:
            self._picker_prepare(name)

    def _picker_prepare(self, name: str) -> None:
        field = cast(forms.ModelChoiceField, self.fields[name])
        field.queryset = published_for_picking().exclude(pk__in=self.picker_exclude)
        self.fields[f"{name}_search"] = forms.CharField(
            label=_("Find an initiative"),
            required=False,
            max_length=100,
            help_text=_("A word of the name, then “Find”; tick the initiative among those found."),
            widget=forms.SearchInput(attrs={"autofocus": True} if self.searching else {}),
        )
        chosen = self._picker_chosen(name)
        found = []
        if self.searching:
            text = self.data.get(self.add_prefix(f"{name}_search"), "")
            found = matching(text, exclude=[r.pk for r in chosen] + self.picker_exclude)
        self.found[name] = found
        choices: list[tuple[int | str, str]] = [
            (record.pk, record.name) for record in chosen + found
        ]
        if not isinstance(field, forms.ModelMultipleChoiceField) and not field.required:
            choices.insert(0, ("", str(_("None"))))
        field.widget.choices = choices

    def _picker_chosen(self, name: str) -> list[Organisation]:
        field = cast(forms.ModelChoiceField, self.fields[name])
        if self.is_bound:
            # The widget reads its own value: a list for checkboxes, one value for radios.
            values = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
        else:
            values = self.get_initial_for_field(field, name)
        if not isinstance(values, list | tuple):
            values = [values]
        keys = {
            value.pk if isinstance(value, Model) else value
            for value in values
            if value not in (None, "")
        }
        ids = [int(value) for value in keys if str(value).isdigit()]
        return list(
            published_for_picking()
            .filter(pk__in=ids)
            .exclude(pk__in=self.picker_exclude)
            .order_by("name")
        )

    def full_clean(self):
        if self.searching:
            self._errors, self.cleaned_data = ErrorDict(), {}
            return
        super().full_clean()
        for name in self.picker_fields:  # the search text is not data of the form's owner
            getattr(self, "cleaned_data", {}).pop(f"{name}_search", None)


def find_pressed(request) -> bool:
    """Whether the form was posted by a picker's «Find» button rather than to be saved."""
    return FIND in request.POST
