"""Pages of activists: the catalogue, booking a slot, their bookings and history."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.signed_in import signed_in_user
from initiatives.selectors import organisations_of

from .. import selectors
from ..forms import BookingForm, MoveForm
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
    """Choose a consultant's free slot for a topic, the initiative, and the question."""

    template_name = "consulting/book.html"

    def _form(self, request, consultants, data=None) -> BookingForm:
        def offered():
            slots = selectors.free_slots(consultants)
            return [slot for consultant in consultants for slot in slots[consultant.pk]]

        return BookingForm(data, slots=offered, organisations=organisations_of(request.user))

    def _render(self, request, topic, consultants, form):
        # One group of radio buttons per consultant, for a readable page.
        groups = [
            {
                "consultant": consultant,
                "choices": [
                    c for c in form["slot"] if c.data["value"].startswith(f"{consultant.pk}|")
                ],
            }
            for consultant in consultants
        ]
        has_slots = any(group["choices"] for group in groups)
        context = {"topic": topic, "form": form, "groups": groups, "has_slots": has_slots}
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
