"""Consulting pages that used to need the Django admin: the topics catalogue and the
consultants, expert councils and new roadmaps."""

from typing import Any

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.signed_in import signed_in_user
from civiccenter.kernel.editing_views import EditPage
from initiatives.picker import find_pressed

from ..models import Consultant, ConsultingTopic, ExpertCouncil, Roadmap
from ..services import catalogue
from ..staff_forms import ConsultantForm, CouncilForm, RoadmapForm, TopicForm


class CatalogueManageView(PermissionRequiredMixin, View):
    permission_required = "consulting.change_consultingtopic"
    template_name = "consulting/manage/catalogue.html"

    def get(self, request):
        context = {
            "topics": ConsultingTopic.objects.all(),
            "consultants": Consultant.objects.select_related("user").prefetch_related("topics"),
        }
        return render(request, self.template_name, context)


class _ConsultingPage(EditPage):
    back_name = "consulting:manage"
    back_label = gettext_lazy("Consulting catalogue and consultants")

    def get_context_data(self, **context: Any) -> dict[str, Any]:
        context = super().get_context_data(**context)
        context["back_url"] = reverse(self.back_name)
        context["back_label"] = self.back_label
        return context

    def get_success_url(self, instance) -> str:
        return reverse(self.back_name)


class TopicPage(_ConsultingPage):
    model = ConsultingTopic
    form_class = TopicForm
    title_new = gettext_lazy("New consulting topic")
    title_edit = gettext_lazy("Consulting topic")
    success_message = gettext_lazy("The topic is saved.")

    def save(self, form, formsets):
        return catalogue.topic_save(form=form, user=signed_in_user(self.request))


class ConsultantPage(_ConsultingPage):
    model = Consultant
    form_class = ConsultantForm
    title_new = gettext_lazy("New consultant")
    title_edit = gettext_lazy("Consultant")
    success_message = gettext_lazy("The consultant is saved.")

    def save(self, form, formsets):
        return catalogue.consultant_save(form=form, user=signed_in_user(self.request))


class CouncilPage(_ConsultingPage):
    """An expert council held on an initiative, with its experts and decisions."""

    model = ExpertCouncil
    form_class = CouncilForm
    title_new = gettext_lazy("New expert council")
    title_edit = gettext_lazy("Expert council")
    success_message = gettext_lazy("The expert council is saved.")
    back_name = "consulting:councils"
    back_label = gettext_lazy("Roadmaps and expert councils")

    def searching(self) -> bool:
        return find_pressed(self.request)

    def get_form_kwargs(self, instance) -> dict[str, Any]:
        if instance.pk is None:  # the consultant who opens the form sits on the council
            return {"initial": {"experts": [self.request.user.pk]}}
        return {}

    def save(self, form, formsets):
        return catalogue.council_save(form=form, user=signed_in_user(self.request))


class RoadmapCreatePage(_ConsultingPage):
    model = Roadmap
    form_class = RoadmapForm
    title_new = gettext_lazy("New roadmap")
    success_message = gettext_lazy("The roadmap is made; add its milestones.")
    back_name = "consulting:councils"
    back_label = gettext_lazy("Roadmaps and expert councils")

    def searching(self) -> bool:
        return find_pressed(self.request)

    def get_form_kwargs(self, instance) -> dict[str, Any]:
        own = getattr(self.request.user, "consultant", None)
        return {"initial": {"consultant": own}} if own and instance.pk is None else {}

    def save(self, form, formsets):
        return catalogue.roadmap_create(form=form, user=signed_in_user(self.request))

    def get_success_url(self, instance) -> str:
        return reverse("consulting:roadmap", args=[instance.pk])
