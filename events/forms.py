from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel.choices import ShortModelChoiceField
from initiatives.models import Organisation

from .models import StandReport

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OrganisationChoiceForm(forms.Form):
    organisation = ShortModelChoiceField(
        label=_("For which initiative"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Personally, not for an initiative"),
    )

    def __init__(self, *args, organisations=None, required=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["organisation"])
        if organisations is not None:
            field.queryset = organisations
        if required:
            field.required = True
            field.empty_label = None
            field.label = _("Initiative")


class QuestionForm(OrganisationChoiceForm):
    text = forms.CharField(
        label=_("Question or proposal"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write the question or proposal.")},
    )
    use_required_attribute = False


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}))
    what = forms.CharField(label=_("Commitment: what is promised"), required=False)
    responsible = forms.CharField(label=_("Responsible"), required=False)
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DATE_INPUT)
    use_required_attribute = False

    def clean(self):
        cleaned = super().clean() or {}
        parts = [cleaned.get("what"), cleaned.get("responsible"), cleaned.get("due_on")]
        if any(parts) and not all(parts):
            raise forms.ValidationError(
                _("A commitment needs what, who is responsible and a due date.")
            )
        return cleaned


class DoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DATE_INPUT)
    report = forms.CharField(label=_("What was done"), required=False)
    use_required_attribute = False


class ReportForm(forms.ModelForm):
    class Meta:
        model = StandReport
        fields = ["organisation", "title", "abstract", "poster"]
        field_classes = {"organisation": ShortModelChoiceField}
        widgets = {
            "abstract": forms.Textarea(attrs={"rows": 4}),
            "poster": forms.ClearableFileInput(
                attrs={"accept": "application/pdf,image/png,image/jpeg"}
            ),
        }
        help_texts = {"poster": _("PDF, PNG or JPEG, up to 10 MB.")}

    use_required_attribute = False

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = cast(forms.ModelChoiceField, self.fields["organisation"])
        organisation.queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )
        organisation.empty_label = None  # a report is always an initiative's: no blank choice
        organisation.label = _("Initiative")
