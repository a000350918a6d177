"""The forms of the staff's training pages: programmes, trainers, sessions and their days,
and a copy of a session for its next run."""

from typing import cast

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import STAFF_ROLES

from .models import Programme, Session, SessionDay, Trainer

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["kind", "title", "description", "format", "audience", "trainers", "position"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "trainers": forms.CheckboxSelectMultiple,
        }


class TrainerForm(forms.ModelForm):
    class Meta:
        model = Trainer
        fields = ["name", "profile", "user"]
        widgets = {"profile": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = cast(forms.ModelChoiceField, self.fields["user"])
        # Only the centre's people have accounts worth linking: a trainer's account shows them
        # their sessions and attendance pages.
        user.queryset = (
            get_user_model()
            .objects.filter(groups__name__in=STAFF_ROLES, is_active=True)
            .distinct()
            .order_by("last_name", "first_name")
        )
        user.empty_label = cast(str, _("An invited trainer without an account"))


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["programme", "place", "capacity", "trainers", "note"]
        widgets = {
            "trainers": forms.CheckboxSelectMultiple,
            "note": forms.Textarea(attrs={"rows": 3}),
        }


class SessionDayForm(forms.ModelForm):
    starts_at = forms.DateTimeField(
        label=_("starts at"), widget=DATETIME_INPUT, input_formats=DATETIME_FORMATS
    )
    ends_at = forms.DateTimeField(
        label=_("ends at"), widget=DATETIME_INPUT, input_formats=DATETIME_FORMATS
    )

    class Meta:
        model = SessionDay
        fields = ["starts_at", "ends_at"]

    def clean(self):
        cleaned = super().clean() or {}
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("A session day must end after it starts."))
        return cleaned


class BaseDaysFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.has_changed() and form not in self.deleted_forms and form.is_valid()
        ] + [
            form
            for form in self.forms
            if not form.has_changed() and form.instance.pk and form not in self.deleted_forms
        ]
        if not kept:
            raise forms.ValidationError(_("A session has at least one day."))


SessionDayFormSet = forms.inlineformset_factory(
    Session, SessionDay, form=SessionDayForm, formset=BaseDaysFormSet, extra=2, can_delete=True
)


class SessionCopyForm(forms.Form):
    """The next run of a session: the day its first day moves to; the others follow."""

    starts_on = forms.DateField(label=_("The first day of the new run"), widget=DATE_INPUT)

    def clean_starts_on(self):
        day = self.cleaned_data["starts_on"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("The new run cannot start in the past."))
        return day
