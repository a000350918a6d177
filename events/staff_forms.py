"""The forms of the staff's event pages: an event and its site plan, its programme and
partners, a copy for the next edition, the outcomes, a commitment, a team's results, a
publication in the media."""

from datetime import datetime, timedelta
from typing import cast

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import PRIVILEGED_ROLES
from initiatives.picker import InitiativePickerMixin

from .models import (
    AgendaItem,
    Commitment,
    Event,
    EventSeries,
    MediaPublication,
    Outcome,
    Partner,
    SiteZone,
    Team,
)

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _local_datetime_field(label, *, required=True, help_text=""):
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text,
        widget=DATETIME_INPUT,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
    )


class EventForm(forms.ModelForm):
    """What the calendar and the event page show, and how people register."""

    starts_at = _local_datetime_field(_("starts at"))
    ends_at = _local_datetime_field(_("ends at"))
    registration_closes_at = _local_datetime_field(
        _("registration closes"),
        required=False,
        help_text=_("Empty: registration stays open until the event ends."),
    )
    reports_deadline = _local_datetime_field(
        _("deadline for stand reports"),
        required=False,
        help_text=_("For a poster session: until when initiatives submit stand reports."),
    )
    voting_closes_at = _local_datetime_field(
        _("public voting closes"),
        required=False,
        help_text=_("For a poster session. Empty: voting closes when the event ends."),
    )

    class Meta:
        model = Event
        fields = [
            "kind",
            "title",
            "summary",
            "starts_at",
            "ends_at",
            "city",
            "time_zone",
            "venue",
            "series",
            "parent",
            "capacity",
            "registration_open",
            "registration_closes_at",
            "reports_deadline",
            "voting_closes_at",
            "jury",
            "results_published",
            "game_team_min",
            "game_team_max",
            "game_social_groups",
            "game_fields",
            "is_published",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "jury": forms.CheckboxSelectMultiple,
            "game_social_groups": forms.Textarea(attrs={"rows": 4}),
            "game_fields": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = cast(forms.ModelChoiceField, self.fields["parent"])
        # A sub-event belongs to an event that is itself no part of another (one level).
        parents = Event.objects.filter(parent=None, cancelled_at=None).order_by("-starts_at")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        parent.queryset = parents.only("id", "title", "starts_at")[:200]
        parent.empty_label = cast(str, _("Not a part of another event"))
        series = cast(forms.ModelChoiceField, self.fields["series"])
        series.empty_label = cast(str, _("Not in a series"))
        jury = cast(forms.ModelMultipleChoiceField, self.fields["jury"])
        jury.queryset = (
            get_user_model()
            .objects.filter(groups__name__in=PRIVILEGED_ROLES, is_active=True)
            .distinct()
            .order_by("last_name", "first_name")
        )

    def clean(self):
        cleaned = super().clean() or {}
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("An event must end after it starts."))
        low, high = cleaned.get("game_team_min"), cleaned.get("game_team_max")
        if low and high and high < low:
            self.add_error("game_team_max", _("A team's largest size is below its smallest."))
        closes = cleaned.get("registration_closes_at")
        if closes and ends_at and closes > ends_at:
            self.add_error(
                "registration_closes_at", _("Registration closes at the latest when it ends.")
            )
        return cleaned


class SiteZoneForm(forms.ModelForm):
    class Meta:
        model = SiteZone
        fields = ["name", "note", "position"]


class BaseSiteZoneFormSet(forms.BaseInlineFormSet):
    """New zones are numbered after the existing ones, so the plan keeps the order typed."""

    def __init__(self, *args, **kwargs):
        instance = kwargs.get("instance")
        last = instance.zones.count() if instance is not None and instance.pk else 0
        kwargs.setdefault("initial", [{"position": last + n} for n in range(1, self.extra + 1)])
        super().__init__(*args, **kwargs)


SiteZoneFormSet = forms.inlineformset_factory(
    Event, SiteZone, form=SiteZoneForm, formset=BaseSiteZoneFormSet, extra=3, can_delete=True
)


class AgendaItemForm(forms.ModelForm):
    starts_at = _local_datetime_field(_("starts at"))
    ends_at = _local_datetime_field(_("ends at"))

    class Meta:
        model = AgendaItem
        fields = ["starts_at", "ends_at", "title", "zone", "room", "audience", "format", "speakers"]

    def __init__(self, *args, zones=None, **kwargs):
        super().__init__(*args, **kwargs)
        zone = cast(forms.ModelChoiceField, self.fields["zone"])
        zone.queryset = zones if zones is not None else SiteZone.objects.none()
        zone.empty_label = cast(str, _("No zone"))

    def clean(self):
        cleaned = super().clean() or {}
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("An agenda item must end after it starts."))
        return cleaned


class BaseAgendaFormSet(forms.BaseInlineFormSet):
    """The programme's points, each in a zone of this event's own plan and within its days."""

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["zones"] = self.instance.zones.all() if self.instance.pk else SiteZone.objects.none()
        return kwargs

    def clean(self):
        super().clean()
        event = self.instance
        for form in self.forms:
            if not form.has_changed() or form in self.deleted_forms:
                continue
            starts_at = form.cleaned_data.get("starts_at")
            ends_at = form.cleaned_data.get("ends_at")
            if starts_at and ends_at and (starts_at < event.starts_at or ends_at > event.ends_at):
                form.add_error(
                    "starts_at", _("The point falls outside the event's own dates and times.")
                )


AgendaFormSet = forms.inlineformset_factory(
    Event,
    AgendaItem,
    form=AgendaItemForm,
    formset=BaseAgendaFormSet,
    extra=3,
    can_delete=True,
)


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["name", "role"]


PartnerFormSet = forms.inlineformset_factory(
    Event, Partner, form=PartnerForm, extra=2, can_delete=True
)


class SeriesForm(forms.ModelForm):
    class Meta:
        model = EventSeries
        fields = ["title", "description"]


class CopyForm(forms.Form):
    """The next edition: a new title and the day it starts; times keep their hour."""

    title = forms.CharField(label=_("Title of the new edition"), max_length=255)
    starts_on = forms.DateField(label=_("The new edition starts on"), widget=DATE_INPUT)

    def clean_starts_on(self):
        day = self.cleaned_data["starts_on"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("The new edition cannot start in the past."))
        return day

    def new_start(self, event: Event) -> datetime:
        hour = timezone.localtime(event.starts_at).time()
        return timezone.make_aware(datetime.combine(self.cleaned_data["starts_on"], hour))


class OutcomeForm(InitiativePickerMixin, forms.ModelForm):
    picker_fields = ("initiatives_formed",)

    class Meta:
        model = Outcome
        fields = [
            "other_participants",
            "speeches",
            "master_classes",
            "actions",
            "initiatives_formed",
        ]
        widgets = {"initiatives_formed": forms.CheckboxSelectMultiple}


class MediaPublicationForm(InitiativePickerMixin, forms.ModelForm):
    """One publication: where, when, the link, and what it was about (an event of the centre,
    an initiative of the registry, either or neither)."""

    picker_fields = ("organisation",)

    class Meta:
        model = MediaPublication
        fields = ["outlet", "published_on", "headline", "url", "event", "organisation"]
        widgets = {"published_on": DATE_INPUT, "organisation": forms.RadioSelect}
        help_texts = {
            "outlet": _("A newspaper, a TV or radio channel, a news site or a public page."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The events of the last two years that have begun, and the one already chosen.
        now = timezone.now()
        offered = Q(starts_at__lte=now, starts_at__gte=now - timedelta(days=730))
        if self.instance.event_id:
            offered |= Q(pk=self.instance.event_id)
        event = cast(forms.ModelChoiceField, self.fields["event"])
        event.queryset = Event.objects.filter(offered).order_by("-starts_at")
        event.empty_label = cast(str, _("Not about one event"))


class CommitmentForm(forms.ModelForm):
    """A promise made at a meeting: what, who is responsible, by when."""

    class Meta:
        model = Commitment
        fields = ["question", "what", "responsible", "responsible_email", "due_on"]
        widgets = {"due_on": DATE_INPUT, "what": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        question = cast(forms.ModelChoiceField, self.fields["question"])
        question.queryset = self.instance.event.questions.exclude(status="rejected")
        question.empty_label = cast(str, _("Not tied to one question"))
        question.label = _("Answer to the question")

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        meeting_day = timezone.localdate(self.instance.event.starts_at)
        if due_on < meeting_day:
            raise forms.ValidationError(_("A commitment falls due after the meeting, not before."))
        return due_on


class TeamForm(InitiativePickerMixin, forms.ModelForm):
    picker_fields = ("initiatives",)

    class Meta:
        model = Team
        fields = ["problems", "solutions", "initiatives"]
        widgets = {
            "problems": forms.Textarea(attrs={"rows": 5}),
            "solutions": forms.Textarea(attrs={"rows": 5}),
            "initiatives": forms.CheckboxSelectMultiple,
        }
