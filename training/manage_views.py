"""The staff's training pages: sessions with their places, programmes and trainers; a
session's form with its days; the next run of a session."""

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.signed_in import signed_in_user
from civiccenter.kernel.editing_views import EditPage

from . import selectors
from .models import Programme, Session, Trainer
from .services import planning
from .staff_forms import ProgrammeForm, SessionCopyForm, SessionDayFormSet, SessionForm, TrainerForm


class ManageView(PermissionRequiredMixin, View):
    """Sessions from a month ago on, the programmes and the trainers."""

    permission_required = "training.change_session"
    template_name = "training/manage/list.html"

    def get(self, request):
        since = timezone.now() - timedelta(days=30)
        sessions = (
            selectors.sessions_with_places()
            .annotate(last_day=Max("days__ends_at"))
            .filter(last_day__gte=since)
            .order_by("first_day", "id")[:200]
        )
        context = {
            "sessions": sessions,
            "programmes": Programme.objects.all(),
            "trainers": Trainer.objects.select_related("user"),
        }
        return render(request, self.template_name, context)


class _TrainingPage(EditPage):
    def get_context_data(self, **context: Any) -> dict[str, Any]:
        context = super().get_context_data(**context)
        context["back_url"] = reverse("training:manage")
        context["back_label"] = _("Training: sessions, programmes, trainers")
        return context

    def get_success_url(self, instance) -> str:
        return reverse("training:manage")


class ProgrammePage(_TrainingPage):
    model = Programme
    form_class = ProgrammeForm
    title_new = gettext_lazy("New programme")
    title_edit = gettext_lazy("Programme")
    success_message = gettext_lazy("The programme is saved.")

    def save(self, form, formsets):
        return planning.programme_save(form=form, user=signed_in_user(self.request))


class TrainerPage(_TrainingPage):
    model = Trainer
    form_class = TrainerForm
    title_new = gettext_lazy("New trainer")
    title_edit = gettext_lazy("Trainer")
    success_message = gettext_lazy("The trainer is saved.")

    def save(self, form, formsets):
        return planning.trainer_save(form=form, user=signed_in_user(self.request))


class SessionPage(_TrainingPage):
    """A session of one or several days: its programme, place, places and trainers."""

    model = Session
    form_class = SessionForm
    title_new = gettext_lazy("New session")
    title_edit = gettext_lazy("Session")
    intro = gettext_lazy("A two-day session has two days; add more days for a longer course.")
    template_name = "training/manage/session_form.html"
    success_message = gettext_lazy("The session is saved.")

    def get_formsets(self, instance, data=None, files=None):
        return [(_("Days"), SessionDayFormSet(data, files, instance=instance, prefix="days"))]

    def get_context_data(self, **context: Any) -> dict[str, Any]:
        context = super().get_context_data(**context)
        session = context.get("object")
        if session is not None:
            context["tabs"] = [
                {"label": _("Session"), "url": reverse("training:session_edit", args=[session.pk])},
                {
                    "label": _("Next run"),
                    "url": reverse("training:session_copy", args=[session.pk]),
                },
                {"label": _("Public page"), "url": reverse("training:session", args=[session.pk])},
            ]
        return context

    def save(self, form, formsets):
        return planning.session_save(
            form=form, days=formsets[0][1], user=signed_in_user(self.request)
        )

    def get_success_url(self, instance) -> str:
        return reverse("training:session_edit", args=[instance.pk])


class SessionCopyView(PermissionRequiredMixin, View):
    permission_required = "training.add_session"
    template_name = "training/manage/copy.html"

    def _render(self, request, session, form):
        return render(request, self.template_name, {"session": session, "form": form})

    def get(self, request, pk):
        return self._render(request, get_object_or_404(Session, pk=pk), SessionCopyForm())

    def post(self, request, pk):
        session = get_object_or_404(Session, pk=pk)
        form = SessionCopyForm(request.POST)
        if form.is_valid():
            copy = planning.session_copy(
                session=session,
                starts_on=form.cleaned_data["starts_on"],
                user=signed_in_user(request),
            )
            messages.success(request, _("The next run is made; people can enrol in it now."))
            return redirect("training:session_edit", copy.pk)
        return self._render(request, session, form)


class SessionCancelView(PermissionRequiredMixin, View):
    permission_required = "training.change_session"
    http_method_names = ["post"]

    def post(self, request, pk):
        session = get_object_or_404(Session, pk=pk)
        try:
            planning.session_cancel(session=session, user=signed_in_user(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The session is cancelled; the people enrolled are told."))
        return redirect("training:session_edit", session.pk)
