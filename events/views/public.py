"""The public calendar, event pages, registration and tickets."""

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.signed_in import signed_in_user
from civiccenter.kernel.links import path_with_query
from civiccenter.kernel.page_cache import anonymous_page
from initiatives.selectors import organisations_of

from .. import ics, selectors
from ..forms import OrganisationChoiceForm
from ..models import Event, Registration
from ..services import registration as registrations
from ..services.posters import reports_deadline_passed
from ..services.registration import ticket_svg
from ..totals import event_figures


@method_decorator(anonymous_page(selectors.EVENTS_CACHE), name="get")
class CalendarView(TemplateView):
    """List and month views with filters by kind, city and month."""

    template_name = "events/calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events, chosen = selectors.calendar(self.request.GET)
        view = "month" if self.request.GET.get("view") == "month" else "list"
        today = timezone.localdate()
        if view == "month":
            try:
                year, month = (int(part) for part in chosen["month"].split("-"))
            except ValueError:
                year, month = today.year, today.month
                params = self.request.GET.copy()
                params["month"] = f"{year}-{month:02d}"
                events, chosen = selectors.calendar(params)
            first = date(year, month, 1)
            context["weeks"] = selectors.month_grid(first, events)
            context["first"] = first
            context["previous_month"] = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
            context["next_month"] = f"{year + (month == 12)}-{month % 12 + 1:02d}"
        context.update(
            events=events,
            chosen=chosen,
            view=view,
            kinds=Event.Kind.choices,
            cities=Event.objects.filter(is_published=True)
            .exclude(city="")
            .values_list("city", flat=True)
            .distinct()
            .order_by("city"),
        )
        return context


class FeedView(View):
    def get(self, request):
        upcoming = Event.objects.filter(is_published=True, ends_at__gte=timezone.now())
        return HttpResponse(
            ics.feed(upcoming.order_by("starts_at")), content_type="text/calendar; charset=utf-8"
        )


@method_decorator(anonymous_page(selectors.EVENTS_CACHE), name="get")
class EventView(View):
    template_name = "events/event.html"

    def get(self, request, slug):
        event = get_object_or_404(
            Event.objects.select_related("series", "parent").prefetch_related(
                "agenda__zone", "partners", "sub_events"
            ),
            slug=slug,
            is_published=True,
        )
        mine = None
        form = None
        context_extra: dict[str, Any] = {}
        if request.user.is_authenticated:
            mine = (
                event.registrations.filter(user=request.user)
                .exclude(status=Registration.Status.CANCELLED)
                .first()
            )
            form = OrganisationChoiceForm(organisations=organisations_of(request.user))
            context_extra = {
                "stand_form": OrganisationChoiceForm(
                    organisations=organisations_of(request.user), required=True, prefix="stand"
                ),
                "in_game": event.game_participants.filter(user=request.user)
                .select_related("team")
                .first(),
            }
        else:
            context_extra = {}
        player = context_extra.get("in_game")
        if player is not None and player.team is not None:
            context_extra["teammates"] = player.team.members.select_related("user").order_by(
                "user__last_name", "user__first_name"
            )
        figures = event_figures(event)
        context = {
            "event": event,
            "mine": mine,
            "form": form,
            "figures": figures,
            "free": None
            if event.capacity is None
            else max(event.capacity - figures["registered"], 0),
            "offer_waitlist": request.GET.get("full") == "1",
            "registration_open": registrations.registration_is_open(event),
            "reports_open": not reports_deadline_passed(event),
            "is_meeting": event.kind in ("coffee_with_mayor", "head_meeting", "civic_vernissage"),
            **context_extra,
        }
        return render(request, self.template_name, context)


class RegisterView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug):
        event = get_object_or_404(Event, slug=slug, is_published=True)
        form = OrganisationChoiceForm(request.POST, organisations=organisations_of(request.user))
        form.is_valid()
        try:
            registration = registrations.registration_create(
                event=event,
                user=request.user,
                organisation=form.cleaned_data.get("organisation"),
                waitlist=request.POST.get("waitlist") == "1",
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            query = {"full": "1"} if error.code == "event_full" else None
            return redirect(path_with_query("events:event", event.slug, query=query))
        if registration.status == Registration.Status.WAITLISTED:
            messages.info(
                request, _("You are on the waitlist. We will send a ticket when a place frees up.")
            )
        else:
            messages.success(
                request, _("You are registered. The ticket is in your e-mail and in «My tickets».")
            )
        return redirect("events:tickets")


class CancelView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        registration = get_object_or_404(Registration, pk=pk)
        try:
            registrations.registration_cancel(registration=registration, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The registration is cancelled."))
        return redirect("events:tickets")


class TicketsView(LoginRequiredMixin, TemplateView):
    template_name = "events/tickets.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registrations"] = selectors.tickets_of(signed_in_user(self.request))
        return context


class TicketView(LoginRequiredMixin, View):
    """The ticket with its QR code, to show at the door."""

    def get(self, request, code):
        registration = get_object_or_404(
            Registration.objects.select_related("event"), ticket_code=code, user=request.user
        )
        return render(
            request, "events/ticket.html", {"registration": registration, "qr": ticket_svg(code)}
        )


class StandView(LoginRequiredMixin, View):
    """POST: an initiative of the person's registers a stand."""

    http_method_names = ["post"]

    def post(self, request, slug):
        from ..services.participants import stand_register

        event = get_object_or_404(Event, slug=slug, is_published=True)
        form = OrganisationChoiceForm(
            request.POST, organisations=organisations_of(request.user), required=True
        )
        try:
            if not form.is_valid():
                raise ValidationError(_("Choose the initiative."))
            stand_register(
                event=event,
                organisation=form.cleaned_data["organisation"],
                user=request.user,
                note=request.POST.get("note", "")[:500],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The stand is registered."))
        return redirect("events:event", slug)


class GameJoinView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug):
        from ..services.participants import game_join

        event = get_object_or_404(Event, slug=slug, is_published=True)
        try:
            game_join(
                event=event,
                user=request.user,
                social_group=request.POST.get("social_group", ""),
                field=request.POST.get("field", ""),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("You are in the game. The teams are formed before it starts.")
            )
        return redirect("events:event", slug)
