"""What coordinators and consultants keep in the portal instead of the Django admin: the topics
catalogue, consultants with their specialisations, expert councils and new roadmaps. Every
change goes into the audit trail (`civiccenter.kernel.editing`)."""

from typing import cast

from django.db import transaction
from django.forms import ModelForm

from accounts.models import User
from civiccenter.kernel import editing

from ..models import Consultant, ConsultingTopic, ExpertCouncil, Roadmap


@transaction.atomic
def topic_save(*, form: ModelForm, user: User) -> ConsultingTopic:
    return cast(ConsultingTopic, editing.save_model_form(form, actor=user))


@transaction.atomic
def consultant_save(*, form: ModelForm, user: User) -> Consultant:
    return cast(Consultant, editing.save_model_form(form, actor=user))


@transaction.atomic
def council_save(*, form: ModelForm, user: User) -> ExpertCouncil:
    return cast(ExpertCouncil, editing.save_model_form(form, actor=user))


@transaction.atomic
def roadmap_create(*, form: ModelForm, user: User) -> Roadmap:
    return cast(Roadmap, editing.save_model_form(form, actor=user))
