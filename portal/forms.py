"""The top app's forms."""

from datetime import timedelta
from typing import cast

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event
from initiatives.models import Organisation

from .models import Newsletter


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        day = formats.date_format(timezone.localtime(obj.starts_at), "j E Y")
        return f"{obj.title} · {day}"


class NewsletterForm(forms.ModelForm):
    """A newsletter and its segment: the fields of the chosen audience count, the others are
    cleared."""

    event = EventChoiceField(queryset=Event.objects.none(), required=False, label=_("Event"))

    class Meta:
        model = Newsletter
        fields = ["subject", "body", "audience", "topic", "district", "kind", "event", "programme"]
        labels = {"subject": _("Subject of the letter"), "body": _("Text of the letter")}
        widgets = {
            "body": forms.Textarea(attrs={"rows": 12}),
            "audience": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Events of the last half year and the coming ones: those one writes to people about.
        since = timezone.now() - timedelta(days=183)
        event = cast(forms.ModelChoiceField, self.fields["event"])
        event.queryset = Event.objects.filter(starts_at__gte=since).order_by("-starts_at")
        cast(forms.ModelChoiceField, self.fields["topic"]).empty_label = _("any topic")
        cast(forms.ModelChoiceField, self.fields["district"]).empty_label = _("any district")
        kind = cast(forms.ChoiceField, self.fields["kind"])
        kind.choices = [("", _("any kind")), *Organisation.Kind.choices]

    def clean(self):
        data = super().clean() or {}
        audience = data.get("audience")
        Audience = Newsletter.Audience
        if audience == Audience.EVENT and not data.get("event"):
            self.add_error("event", _("Choose the event whose registered people get the letter."))
        if audience == Audience.PROGRAMME and not data.get("programme"):
            self.add_error("programme", _("Choose the programme whose trainees get the letter."))
        if audience != Audience.INITIATIVES:
            data["topic"] = data["district"] = None
            data["kind"] = ""
        if audience != Audience.EVENT:
            data["event"] = None
        if audience != Audience.PROGRAMME:
            data["programme"] = None
        return data
