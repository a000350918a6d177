"""Pages of activists: the catalogue, booking a slot, their bookings and history."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.signed_in import signed_in_user
from initiatives.selectors import organisations_of

from .. import booking_weeks, selectors, slot_cache
from .. import forms as consulting_forms
from ..forms import BookingForm, MoveForm, slot_value
from ..models import Booking, Consultant, ConsultingTopic
from ..services import bookings


class CatalogueView(TemplateView):
    template_name = "consulting/catalogue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["topics"] = ConsultingTopic.objects.filter(is_active=True).prefetch_related(
            "consultants__user"
        )
        return context


class BookView(LoginRequiredMixin, View):
    """Choose a consultant's free slot for a topic, the initiative, and the question — one
    day at a time in a strip of the week's days, with the first free slot of the coming weeks
    offered on top. Plain HTML: works without JavaScript, and the day's slots are short lists
    of radio buttons."""

    template_name = "consulting/book.html"

    def _form(self, request, consultants, data=None) -> BookingForm:
        return BookingForm(
            data,
            slots=lambda: slot_cache.free_times(consultants).slots(),
            organisations=organisations_of(request.user),
        )

    def _render(self, request, topic, consultants, form):
        times = slot_cache.free_times(consultants)
        today = timezone.localdate()
        first = times.first()
        asked = request.GET.get("day", "") or request.GET.get("week", "")
        monday = booking_weeks.chosen_week(
            asked,
            today=today,
            horizon_days=settings.CONSULTING_BOOKING_HORIZON_DAYS,
            first_free=timezone.localdate(first.starts_at) if first else None,
        )
        day = booking_weeks.chosen_day(request.GET.get("day", ""), monday=monday, times=times)
        on_day = booking_weeks.between(times, day, 1)
        last_monday = booking_weeks.monday_of(
            today + timedelta(days=settings.CONSULTING_BOOKING_HORIZON_DAYS)
        )
        users = {c.pk: c.user for c in consultants}
        first_choice = None
        if first:
            value = slot_value(first)
            first_choice = (value, dict(consulting_forms.slot_choices([first]))[value])
        context = {
            "topic": topic,
            "form": form,
            "chosen": form.data.get("slot", "") if form.is_bound else "",
            "days": booking_weeks.week_days(monday, times, day),
            "day": day,
            "groups": booking_weeks.group_by_consultant(consultants, on_day, slot_value),
            "first": (*first_choice, users[first.consultant_id])
            if first and first_choice
            else None,
            "has_slots": first is not None,
            "monday": monday,
            "sunday": monday + timedelta(days=6),
            "previous_week": monday - timedelta(days=7)
            if monday > booking_weeks.monday_of(today)
            else None,
            "next_week": monday + timedelta(days=7) if monday < last_monday else None,
        }
        return render(request, self.template_name, context)

    def get(self, request, topic_id):
        topic = get_object_or_404(ConsultingTopic, pk=topic_id, is_active=True)
        consultants = list(selectors.consultants_for(topic.pk))
        return self._render(request, topic, consultants, self._form(request, consultants))

    def post(self, request, topic_id):
        topic = get_object_or_404(ConsultingTopic, pk=topic_id, is_active=True)
        consultants = list(selectors.consultants_for(topic.pk))
        form = self._form(request, consultants, request.POST)
        if not form.is_valid():
            return self._render(request, topic, consultants, form)
        consultant_id, starts_at = form.cleaned_data["slot"]
        try:
            bookings.booking_create(
                activist=request.user,
                consultant=get_object_or_404(Consultant, pk=consultant_id),
                topic=topic,
                starts_at=starts_at,
                question=form.cleaned_data["question"],
                organisation=form.cleaned_data["organisation"],
            )
        except ValidationError as error:
            # The loser of a race sees the refreshed free slots and keeps what was typed.
            form = self._form(request, consultants, request.POST)
            form.is_valid()
            form.add_error("slot" if (error.code or "").startswith("slot") else None, error)
            return self._render(request, topic, consultants, form)
        messages.success(
            request, _("Your booking is sent. The consultant will confirm it by e-mail.")
        )
        return redirect("consulting:mine")


class MyBookingsView(LoginRequiredMixin, TemplateView):
    template_name = "consulting/mine.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bookings"] = selectors.bookings_of(signed_in_user(self.request))
        context["history"] = selectors.initiative_history(signed_in_user(self.request))[:100]
        return context


def _own_or_staff(request, pk) -> Booking:
    booking = get_object_or_404(Booking.objects.select_related("consultant__user", "topic"), pk=pk)
    if booking.activist_id != request.user.pk and not request.user.has_perm(
        "consulting.change_booking"
    ):
        raise PermissionDenied
    return booking


class CancelView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        booking = _own_or_staff(request, pk)
        try:
            bookings.booking_cancel(booking=booking, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The booking is cancelled."))
        return redirect(request.POST.get("next") or "consulting:mine")


class MoveView(LoginRequiredMixin, View):
    """The activist (or the centre's staff) moves a booking to another free slot."""

    template_name = "consulting/move.html"

    def _slots(self, booking):
        return selectors.free_slots([booking.consultant], exclude_booking=booking.pk)[
            booking.consultant_id
        ]

    def get(self, request, pk):
        booking = _own_or_staff(request, pk)
        form = MoveForm(slots=self._slots(booking))
        return render(request, self.template_name, {"booking": booking, "form": form})

    def post(self, request, pk):
        booking = _own_or_staff(request, pk)
        form = MoveForm(request.POST, slots=self._slots(booking))
        if form.is_valid():
            _consultant_id, starts_at = form.cleaned_data["slot"]
            try:
                bookings.booking_move(booking=booking, user=request.user, starts_at=starts_at)
            except ValidationError as error:
                form = MoveForm(request.POST, slots=self._slots(booking))
                form.is_valid()
                form.add_error("slot", error)
            else:
                messages.success(request, _("The booking is moved."))
                if booking.activist_id == request.user.pk:
                    return redirect("consulting:mine")
                return redirect("consulting:staff_bookings")
        return render(request, self.template_name, {"booking": booking, "form": form})
