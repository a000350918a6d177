from datetime import datetime
from decimal import Decimal
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel.choices import ShortModelChoiceField
from civiccenter.kernel.numbers import DecimalField
from initiatives.models import Organisation
from initiatives.picker import InitiativePickerMixin

from .models import (
    AvailabilityException,
    Consultant,
    ConsultationLog,
    ConsultingTopic,
    GrantReview,
    Milestone,
    WeeklyAvailability,
)
from .services.hours import MAX_MINUTES

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def slot_value(slot) -> str:
    return f"{slot.consultant_id}|{slot.starts_at.isoformat()}"


def slot_choices(slots) -> list[tuple[str, str]]:
    """(value, label) of each slot, e.g. "Пн, 30 ноября 10:00–11:00". A consultant offers
    hundreds of slots: the day's name is formatted once a day, not once a slot."""
    days: dict = {}
    choices = []
    for slot in slots:
        start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
        if start.date() not in days:
            days[start.date()] = formats.date_format(start, "D, j E")
        choices.append((slot_value(slot), f"{days[start.date()]} {start:%H:%M}–{end:%H:%M}"))
    return choices


def _lazy_choices(slots):
    """Choices worked out only when the form is shown: a booking that succeeds never needs
    them. `slots` is a list of slots or a function returning one."""
    return lambda: slot_choices(slots() if callable(slots) else slots)


class SlotField(forms.ChoiceField):
    """A free slot, as `consultant id|ISO start`; cleaned to (consultant id, start)."""

    def validate(self, value):
        # Slots change every minute: the service decides whether the chosen one is still free,
        # so a slot missing from the list just loaded is not an error here.
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")

    def clean(self, value):
        value = super().clean(value)
        try:
            consultant_id, iso = value.split("|", 1)
            return int(consultant_id), datetime.fromisoformat(iso)
        except ValueError as error:
            raise ValidationError(_("Choose a free slot."), code="invalid_slot") from error


class BookingForm(forms.Form):
    slot = SlotField(
        label=_("Time"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a free slot.")},
    )
    organisation = ShortModelChoiceField(
        label=_("For which initiative"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Personally, not for an initiative"),
    )
    question = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Describe your question.")},
    )
    use_required_attribute = False

    def __init__(self, *args, slots=(), organisations=None, **kwargs):
        """`slots`: the free slots offered, or a function returning them."""
        super().__init__(*args, **kwargs)
        cast(SlotField, self.fields["slot"]).choices = _lazy_choices(slots)
        if organisations is not None:
            cast(forms.ModelChoiceField, self.fields["organisation"]).queryset = organisations


class MoveForm(forms.Form):
    slot = SlotField(
        label=_("New time"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a free slot.")},
    )
    use_required_attribute = False

    def __init__(self, *args, slots=(), **kwargs):
        super().__init__(*args, **kwargs)
        cast(SlotField, self.fields["slot"]).choices = _lazy_choices(slots)


class DeclineForm(forms.Form):
    note = forms.CharField(label=_("Reason for the activist"), max_length=500, required=False)


class LogForm(InitiativePickerMixin, forms.ModelForm):
    """A delivered consultation. The duration is entered in hours, in steps of a quarter."""

    picker_fields = ("organisations",)

    hours = DecimalField(
        label=_("Duration, hours"),
        min_value=Decimal("0.25"),
        max_value=Decimal(MAX_MINUTES) / 60,
        decimal_places=2,
        error_messages={
            "min_value": _("The shortest consultation to log is 0,25 h (15 minutes)."),
            "max_value": _("A consultation cannot last more than 12 hours."),
        },
    )
    consultants = forms.ModelMultipleChoiceField(
        label=_("Consultants"),
        queryset=Consultant.objects.select_related("user"),
        error_messages={"required": _("Name at least one consultant.")},
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Initiatives"),
        queryset=Organisation.objects.none(),  # the picker sets it
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ConsultationLog
        fields = [
            "held_on",
            "topic",
            "channel",
            "people_count",
            "summary",
            "private_notes",
            "follow_up",
        ]
        widgets = {
            "held_on": DATE_INPUT,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "private_notes": forms.Textarea(attrs={"rows": 2}),
            "follow_up": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"private_notes": _("Seen by the centre's staff only.")}

    use_required_attribute = False

    def __init__(self, *args, instance=None, initial=None, **kwargs):
        initial = dict(initial or {})
        if instance is not None and instance.pk:
            # Before the picker reads the chosen initiatives from the initial values.
            initial.setdefault("hours", Decimal(instance.duration_minutes) / 60)
            initial.setdefault("consultants", list(instance.consultants.all()))
            initial.setdefault("organisations", list(instance.organisations.all()))
        super().__init__(*args, instance=instance, initial=initial, **kwargs)
        cast(forms.ModelChoiceField, self.fields["topic"]).queryset = ConsultingTopic.objects.all()

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        minutes = hours * 60
        if minutes != minutes.to_integral_value() or int(minutes) % 15:
            raise ValidationError(
                _("Log the duration in steps of 15 minutes."), code="duration_step"
            )
        return hours

    def service_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["duration_minutes"] = int(self.cleaned_data["hours"] * 60)
        return data


class GrantReviewForm(InitiativePickerMixin, forms.ModelForm):
    picker_fields = ("organisation",)

    class Meta:
        model = GrantReview
        fields = ["organisation", "contest", "project_title", "requested_amount", "reviewed_on"]
        widgets = {"reviewed_on": DATE_INPUT, "organisation": forms.RadioSelect}

    use_required_attribute = False


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = GrantReview
        fields = ["outcome", "outcome_on", "granted_amount"]
        widgets = {"outcome_on": DATE_INPUT}

    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome_on"].required = True


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "owner", "due_on", "status"]
        widgets = {"due_on": DATE_INPUT}

    use_required_attribute = False


class WindowForm(forms.ModelForm):
    slot_minutes = forms.TypedChoiceField(
        label=_("Slot length"),
        coerce=int,
        choices=[(m, _("%(minutes)s min") % {"minutes": m}) for m in (15, 30, 45, 60, 90, 120)],
        initial=60,
    )

    class Meta:
        model = WeeklyAvailability
        fields = ["weekday", "starts", "ends", "slot_minutes"]
        widgets = {"starts": TIME_INPUT, "ends": TIME_INPUT}

    use_required_attribute = False


class DayOffForm(forms.ModelForm):
    class Meta:
        model = AvailabilityException
        fields = ["starts_on", "ends_on", "reason"]
        widgets = {"starts_on": DATE_INPUT, "ends_on": DATE_INPUT}
        labels = {"starts_on": _("First day"), "ends_on": _("Last day")}

    use_required_attribute = False
