"""The staff's event pages: the list of the centre's events with what each still needs, an
event with its site plan, its programme and partners, the next edition, cancellation, the
outcomes, commitments of a meeting and a business-game team's results."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.signed_in import signed_in_user
from civiccenter.kernel.editing_views import EditPage
from initiatives.picker import find_pressed

from .. import selectors
from ..models import Commitment, Event, EventSeries, Outcome, Team
from ..models.core import TIME_ZONES
from ..services import planning
from ..staff_forms import (
    AgendaFormSet,
    CommitmentForm,
    CopyForm,
    EventForm,
    OutcomeForm,
    PartnerFormSet,
    SeriesForm,
    SiteZoneFormSet,
    TeamForm,
)


class ManageListView(PermissionRequiredMixin, View):
    """Upcoming and past events, each with its registrations and what it still needs."""

    permission_required = "events.change_event"
    template_name = "events/manage/list.html"
    per_page = 50

    def get(self, request):
        past = request.GET.get("when") == "past"
        kind = request.GET.get("kind", "")
        events = selectors.events_for_staff(past=past, kind=kind)
        page = Paginator(events, self.per_page).get_page(request.GET.get("page"))
        query = {"when": "past"} if past else {}
        if kind in Event.Kind.values:
            query["kind"] = kind
        context = {
            "page_obj": page,
            "events": page.object_list,
            "past": past,
            "kinds": Event.Kind.choices,
            "kind": kind,
            "query_string": urlencode(query),
            "series": EventSeries.objects.all(),
        }
        return render(request, self.template_name, context)


class _EventPage(EditPage):
    model = Event

    def get_context_data(self, **context):
        context = super().get_context_data(**context)
        event = context.get("object")
        context["back_url"] = reverse("events:manage")
        context["back_label"] = _("The centre's events")
        if event is not None:
            context["tabs"] = tabs(event)
        return context


def tabs(event: Event) -> list[dict]:
    """The pages of one event for its staff, shown above each of them."""
    items = [
        (_("Event and site plan"), reverse("events:manage_event", args=[event.pk])),
        (_("Programme and partners"), reverse("events:manage_programme", args=[event.pk])),
        (_("Outcomes"), reverse("events:manage_outcome", args=[event.pk])),
        (_("Next edition"), reverse("events:manage_copy", args=[event.pk])),
        (_("Public page"), reverse("events:event", args=[event.slug])),
    ]
    if event.kind in ("coffee_with_mayor", "head_meeting", "civic_vernissage"):
        items.insert(3, (_("Commitment"), reverse("events:manage_commitment", args=[event.pk])))
    return [{"label": label, "url": url} for label, url in items]


class EventEditPage(_EventPage):
    """A new event, or an existing one: what, when, where, places, and its site plan."""

    form_class = EventForm
    template_name = "events/manage/event_form.html"
    title_new = gettext_lazy("New event")
    title_edit = gettext_lazy("Event and its site plan")
    intro = gettext_lazy(
        "The site plan is the event's own list of zones: the stage, the art workshop, the "
        "children's area… The programme places its points in them."
    )
    success_message = gettext_lazy("The event is saved.")

    def dispatch(self, request, *args, **kwargs):
        """The times are typed and shown in the event's own zone: the one chosen in the form
        being posted, or the event's, or the centre's for a new one."""
        zone = request.POST.get("time_zone", "")
        if zone not in dict(TIME_ZONES) and "pk" in kwargs:
            zone = Event.objects.filter(pk=kwargs["pk"]).values_list("time_zone", flat=True).first()
        with timezone.override(zone if zone in dict(TIME_ZONES) else settings.TIME_ZONE):
            return super().dispatch(request, *args, **kwargs)

    def get_formsets(self, instance, data=None, files=None):
        return [(_("Site plan"), SiteZoneFormSet(data, files, instance=instance, prefix="zones"))]

    def save(self, form, formsets):
        return planning.event_save(
            form=form, formsets=[f for _h, f in formsets], user=signed_in_user(self.request)
        )

    def get_success_url(self, instance):
        return reverse("events:manage_event", args=[instance.pk])


class ProgrammeEditPage(_EventPage):
    permission_required = "events.change_agendaitem"
    form_class = EventForm  # not shown: the page edits the event's rows only
    title_edit = gettext_lazy("Programme and partners")
    success_message = gettext_lazy("The programme is saved.")

    def get_form(self, instance, data=None, files=None):
        return None

    def get_formsets(self, instance, data=None, files=None):
        return [
            (_("Programme"), AgendaFormSet(data, files, instance=instance, prefix="agenda")),
            (_("Partners"), PartnerFormSet(data, files, instance=instance, prefix="partners")),
        ]

    def post(self, request, *args, **kwargs):
        event = self.get_object()
        formsets = self.get_formsets(event, request.POST, request.FILES)
        if all([formset.is_valid() for _h, formset in formsets]):
            planning.programme_save(
                event=event, formsets=[f for _h, f in formsets], user=signed_in_user(request)
            )
            messages.success(request, self.success_message)
            return redirect("events:manage_programme", event.pk)
        return self._render(event, None, formsets)

    def get_success_url(self, instance):
        return reverse("events:manage_programme", args=[instance.pk])


class OutcomeEditPage(_EventPage):
    """What the event achieved, entered after it: people, speeches, initiatives; below the
    form, the event's publications in the media, logged one by one."""

    permission_required = "events.change_outcome"
    form_class = OutcomeForm
    template_name = "events/manage/outcome_form.html"
    title_edit = gettext_lazy("Outcomes of the event")
    intro = gettext_lazy(
        "Registrations and check-ins are counted by the portal; enter what it cannot count."
    )
    success_message = gettext_lazy("The outcomes are saved.")

    def searching(self):
        return find_pressed(self.request)

    def get_form(self, instance, data=None, files=None):
        outcome = Outcome.objects.filter(event=instance).first() or Outcome(event=instance)
        kwargs = {"searching": True} if data is not None and self.searching() else {}
        return self.form_class(data, files, instance=outcome, **kwargs)

    def get_context_data(self, **context):
        context = super().get_context_data(**context)
        context["publications"] = context["object"].media_publications.all()
        return context

    def save(self, form, formsets):
        planning.outcome_save(form=form, user=signed_in_user(self.request))
        return form.instance.event

    def get_success_url(self, instance):
        return reverse("events:manage_outcome", args=[instance.pk])


class CopyView(PermissionRequiredMixin, View):
    """The next edition of an event, with its plan, programme and partners."""

    permission_required = "events.add_event"
    template_name = "events/manage/copy.html"

    def _render(self, request, event, form):
        return render(
            request, self.template_name, {"event": event, "form": form, "tabs": tabs(event)}
        )

    def get(self, request, pk):
        event = get_object_or_404(Event, pk=pk)
        return self._render(request, event, CopyForm(initial={"title": event.title}))

    def post(self, request, pk):
        event = get_object_or_404(Event, pk=pk)
        form = CopyForm(request.POST)
        if form.is_valid():
            copy = planning.event_copy(
                event=event,
                title=form.cleaned_data["title"],
                starts_at=form.new_start(event),
                user=signed_in_user(request),
            )
            messages.success(
                request, _("The new edition is made. Check it and publish it when it is ready.")
            )
            return redirect("events:manage_event", copy.pk)
        return self._render(request, event, form)


class CancelEventView(PermissionRequiredMixin, View):
    permission_required = "events.change_event"
    http_method_names = ["post"]

    def post(self, request, pk):
        event = get_object_or_404(Event, pk=pk)
        try:
            planning.event_cancel(event=event, user=signed_in_user(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The event is cancelled; the people registered are told."))
        return redirect("events:manage_event", event.pk)


class CommitmentPage(_EventPage):
    """A commitment made at a meeting: several may answer one question."""

    permission_required = "events.add_commitment"
    form_class = CommitmentForm
    title_edit = gettext_lazy("A commitment of the meeting")
    success_message = gettext_lazy("The commitment is recorded.")

    def get_form(self, instance, data=None, files=None):
        return self.form_class(data, files, instance=Commitment(event=instance))

    def save(self, form, formsets):
        planning.commitment_save(form=form, user=signed_in_user(self.request))
        return form.instance.event

    def get_success_url(self, instance):
        return reverse("events:commitments")


class SeriesPage(EditPage):
    """A series of events that recur: the forum «Диалог» twice a year."""

    model = EventSeries
    form_class = SeriesForm
    title_new = gettext_lazy("New series of events")
    title_edit = gettext_lazy("Series of events")
    success_message = gettext_lazy("The series is saved.")

    def get_context_data(self, **context):
        context = super().get_context_data(**context)
        context["back_url"] = reverse("events:manage")
        context["back_label"] = _("The centre's events")
        return context

    def save(self, form, formsets):
        return planning.series_save(form=form, user=signed_in_user(self.request))

    def get_success_url(self, instance):
        return reverse("events:manage")


class TeamPage(EditPage):
    """A business-game team's problems, solutions and the initiatives it formed."""

    model = Team
    permission_required = "events.change_team"
    form_class = TeamForm
    title_edit = gettext_lazy("The team's results")
    success_message = gettext_lazy("The team's results are saved.")

    def get_queryset(self):
        return Team.objects.select_related("event")

    def searching(self):
        return find_pressed(self.request)

    def get_context_data(self, **context):
        context = super().get_context_data(**context)
        team = context["object"]
        context["back_url"] = reverse("events:teams", args=[team.event.slug])
        context["back_label"] = _("Teams")
        return context

    def save(self, form, formsets):
        return planning.team_results_save(form=form, user=signed_in_user(self.request))

    def get_success_url(self, instance):
        return reverse("events:teams", args=[instance.event.slug])
