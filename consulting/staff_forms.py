"""The forms of the consulting pages that used to need the Django admin: the topics
catalogue, consultants and their specialisations, expert councils and new roadmaps."""

from typing import cast

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accounts.roles import STAFF_ROLES
from initiatives.picker import InitiativePickerMixin

from .forms import DATE_INPUT
from .models import Consultant, ConsultingTopic, ExpertCouncil, Roadmap


def _centre_people():
    return (
        get_user_model()
        .objects.filter(groups__name__in=STAFF_ROLES, is_active=True)
        .distinct()
        .order_by("last_name", "first_name")
    )


class TopicForm(forms.ModelForm):
    class Meta:
        model = ConsultingTopic
        fields = [
            "name",
            "description",
            "is_complex",
            "individual",
            "group",
            "position",
            "is_active",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class ConsultantForm(forms.ModelForm):
    class Meta:
        model = Consultant
        fields = ["user", "bio", "topics", "is_active"]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "topics": forms.CheckboxSelectMultiple,
        }
        labels = {"topics": _("Specialisations: the topics the consultant takes")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = cast(forms.ModelChoiceField, self.fields["user"])
        user.queryset = _centre_people()
        user.label = _("Member of staff")


class CouncilForm(InitiativePickerMixin, forms.ModelForm):
    """An expert council on one initiative: the date, the experts, and its decisions."""

    picker_fields = ("organisation",)

    class Meta:
        model = ExpertCouncil
        fields = ["organisation", "held_on", "experts", "external_experts", "conclusion"]
        widgets = {
            "organisation": forms.RadioSelect,
            "held_on": DATE_INPUT,
            "experts": forms.CheckboxSelectMultiple,
            "conclusion": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"conclusion": _("Conclusion and decisions")}

    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        experts = cast(forms.ModelMultipleChoiceField, self.fields["experts"])
        experts.queryset = _centre_people()
        experts.label = _("Experts of the centre")


class RoadmapForm(InitiativePickerMixin, forms.ModelForm):
    picker_fields = ("organisation",)

    class Meta:
        model = Roadmap
        fields = ["organisation", "consultant", "title"]
        widgets = {"organisation": forms.RadioSelect}

    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        consultant = cast(forms.ModelChoiceField, self.fields["consultant"])
        consultant.queryset = Consultant.objects.filter(is_active=True).select_related("user")
