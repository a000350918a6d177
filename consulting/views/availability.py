"""A consultant keeps their weekly hours and days off; a coordinator keeps anyone's."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View

from ..forms import DayOffForm, WindowForm

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

    Adding = dict[
        str, tuple[type[forms.ModelForm], dict[str, Any], Callable[..., Any], str, StrPromise]
    ]
    Removing = dict[str, tuple[type[Model], Callable[..., None], str, StrPromise]]
from ..models import AvailabilityException, Consultant, WeeklyAvailability
from ..services import availability


class AvailabilityView(LoginRequiredMixin, View):
    template_name = "consulting/availability.html"

    def _consultant(self, request) -> Consultant | None:
        """The consultant whose hours are shown: the person's own, or for a coordinator the
        one chosen (None: a coordinator who is no consultant has not chosen yet)."""
        keeps_all = request.user.has_perm("consulting.change_consultant")
        chosen = request.GET.get("consultant")
        if chosen and keeps_all:
            if not chosen.isdigit():
                raise Http404
            consultant = get_object_or_404(Consultant.objects.select_related("user"), pk=chosen)
        else:
            own = Consultant.objects.select_related("user").filter(user=request.user).first()
            if own is None:
                if keeps_all:
                    return None
                raise PermissionDenied
            consultant = own
        if not availability.may_edit(request.user, consultant):
            raise PermissionDenied
        return consultant

    def _render(self, request, consultant, window_form=None, day_off_form=None):
        others = None
        if request.user.has_perm("consulting.change_consultant"):
            others = Consultant.objects.select_related("user")
            if consultant is not None:
                others = others.exclude(pk=consultant.pk)
        if consultant is None:
            return render(request, self.template_name, {"consultant": None, "others": others})
        context = {
            "consultant": consultant,
            "windows": consultant.availability.all(),
            "days_off": consultant.exceptions.filter(ends_on__gte=timezone.localdate()),
            "window_form": window_form or WindowForm(),
            "day_off_form": day_off_form or DayOffForm(prefix="off"),
            "others": others,
        }
        return render(request, self.template_name, context)

    def get(self, request):
        return self._render(request, self._consultant(request))

    def post(self, request):
        consultant = self._consultant(request)
        action = request.POST.get("action")
        if consultant is None or action not in ADDING | REMOVING:
            raise Http404
        if action in ADDING:
            form_class, form_kwargs, add, context_key, done = ADDING[action]
            form = form_class(request.POST, **form_kwargs)
            try:
                if form.is_valid():
                    add(user=request.user, consultant=consultant, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            if form.errors:
                return self._render(request, consultant, **{context_key: form})
        else:
            model, remove, argument, done = REMOVING[action]
            pk = request.POST.get("id", "")
            if not pk.isdigit():
                raise Http404
            row = get_object_or_404(model, pk=pk, consultant=consultant)
            remove(user=request.user, **{argument: row})
        messages.success(request, done)
        return redirect(request.get_full_path())


# action: (form, its arguments, service, the template's name of the form, message)
ADDING: "Adding" = {
    "add_window": (
        WindowForm,
        {},
        availability.window_add,
        "window_form",
        _("The window is added."),
    ),
    "add_day_off": (
        DayOffForm,
        {"prefix": "off"},
        availability.day_off_add,
        "day_off_form",
        _("The days off are added."),
    ),
}
# action: (model, service, the service's argument, message)
REMOVING: "Removing" = {
    "remove_window": (
        WeeklyAvailability,
        availability.window_remove,
        "window",
        _("The window is removed."),
    ),
    "remove_day_off": (
        AvailabilityException,
        availability.day_off_remove,
        "day_off",
        _("The days off are removed."),
    ),
}
