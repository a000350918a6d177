"""Check-in at the door: staff type the ticket code or scan its QR code with the camera."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from civiccenter.kernel.access_log import RecordsPersonalDataViews

from ..models import Event
from ..services.registration import check_in, door_counts, no_shows_release


class CheckInView(PermissionRequiredMixin, RecordsPersonalDataViews, View):
    permission_required = "events.change_registration"
    template_name = "events/check_in.html"

    def get(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        context = {
            "event": event,
            "counts": door_counts(event),
            "started": event.starts_at <= timezone.now(),
        }
        return render(request, self.template_name, context)

    def post(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        try:
            registration = check_in(
                event=event, code=request.POST.get("code", ""), staff=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Welcome, %(name)s! Ticket %(code)s is checked in.")
                % {
                    "name": registration.user.get_full_name() or registration.user.email,
                    "code": registration.ticket_code,
                },
            )
        return redirect("events:check_in", slug)


class CountsView(PermissionRequiredMixin, View):
    """Registered and arrived, polled by the check-in page."""

    permission_required = "events.change_registration"

    def get(self, request, slug):
        return JsonResponse(door_counts(get_object_or_404(Event, slug=slug)))


class ReleaseNoShowsView(PermissionRequiredMixin, View):
    """After the start: the places of those who have not come go to the waitlist."""

    permission_required = "events.change_registration"
    http_method_names = ["post"]

    def post(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        try:
            released = no_shows_release(event=event, staff=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s place released; the waitlist has moved up.",
                    "%(count)s places released; the waitlist has moved up.",
                    released,
                )
                % {"count": released},
            )
        return redirect("events:check_in", slug)
