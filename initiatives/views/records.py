"""A record's profile, the step-by-step form that creates and edits it, and its history."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView

from accounts.signed_in import SignedInUserMixin

from .. import permissions, selectors
from ..forms import (
    STEP_FORMS,
    STEPS,
    AboutForm,
    GrantForm,
    PartnershipForm,
    RelationForm,
    StatusForm,
)
from ..models import Organisation
from ..picker import find_pressed
from ..services import lifecycle, organisations, team
from .mixins import EditorRequiredMixin, OrganisationMixin


class ProfileView(OrganisationMixin, TemplateView):
    template_name = "initiatives/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        self.get_organisation()  # 404 for those who may not see it
        organisation = selectors.profile(self.kwargs["slug"])
        user = self.request.user
        can_see_private = permissions.can_see_private(user, organisation)
        context.update(
            organisation=organisation,
            timeline=selectors.timeline(organisation),
            can_edit=permissions.can_edit(user, organisation),
            can_see_private=can_see_private,
            is_moderator=permissions.is_moderator(user),
        )
        return context


class MyRecordsView(LoginRequiredMixin, SignedInUserMixin, ListView):
    template_name = "initiatives/mine.html"
    context_object_name = "organisations"

    def get_queryset(self):
        return selectors.drafts_of(self.person)


def _step_url(organisation: Organisation, step: str) -> str:
    return reverse("initiatives:edit", args=[organisation.slug, step])


class CreateView(LoginRequiredMixin, SignedInUserMixin, FormView):
    """Step one of the form; the record exists as a draft from here on."""

    form_class = AboutForm
    template_name = "initiatives/step.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(steps=STEPS, step="about", organisation=None)
        return context

    def form_valid(self, form):
        fields = {k: v for k, v in form.cleaned_data.items() if k != "confirm_distinct"}
        try:
            organisation = organisations.organisation_create_draft(user=self.person, **fields)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The draft is saved. You can come back to it later."))
        if self.request.POST.get("action") == "save":
            return redirect(_step_url(organisation, "about"))
        return redirect(_step_url(organisation, "topics"))


class StepView(LoginRequiredMixin, SignedInUserMixin, EditorRequiredMixin, FormView):
    """One step of the form for an existing record (a draft or a published one)."""

    template_name = "initiatives/step.html"

    def dispatch(self, request, *args, **kwargs):
        if kwargs["step"] not in STEP_FORMS:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def _while_pending(self):
        organisation = self.get_organisation()
        if organisation.moderation == Organisation.Moderation.PENDING:
            messages.info(
                self.request, _("The record is waiting for moderation and cannot be edited.")
            )
            return redirect("initiatives:profile", organisation.slug)
        return None

    def get(self, request, *args, **kwargs):
        return self._while_pending() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._while_pending() or super().post(request, *args, **kwargs)

    def get_form_class(self):
        return STEP_FORMS[self.kwargs["step"]]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.get_organisation()
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(steps=STEPS, step=self.kwargs["step"], organisation=self.get_organisation())
        return context

    def form_valid(self, form):
        organisation = self.get_organisation()
        step = self.kwargs["step"]
        data = dict(form.cleaned_data)
        try:
            if step == "about":
                data.pop("confirm_distinct", None)
                organisation = organisations.organisation_update(
                    organisation=organisation, user=self.person, fields=data
                )
            elif step == "topics":
                topics = data.pop("topics")
                organisations.organisation_update(
                    organisation=organisation,
                    user=self.person,
                    fields=data,
                    topics=topics,
                )
            elif step == "contacts":
                links = data.pop("links")
                organisations.organisation_update(
                    organisation=organisation,
                    user=self.person,
                    fields=data,
                    links=links,
                )
            else:
                self._save_team(organisation, data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return self._next(organisation, step)

    def _save_team(self, organisation, data):
        emails, role = data.pop("invite_emails"), data.pop("invite_role")
        organisations.organisation_update(organisation=organisation, user=self.person, fields=data)
        for email in emails:
            try:
                team.invitation_send(
                    organisation=organisation,
                    email=email,
                    role=role,
                    user=self.person,
                )
            except ValidationError as error:
                messages.warning(self.request, " ".join(error.messages))
            else:
                messages.success(
                    self.request, _("Invitation sent to %(email)s.") % {"email": email}
                )

    def _next(self, organisation, step):
        action = self.request.POST.get("action", "next")
        keys = [key for key, _label, _form in STEPS]
        if action == "submit" and organisation.is_editable_draft:
            try:
                organisations.organisation_submit(organisation=organisation, user=self.person)
            except ValidationError as error:
                messages.error(self.request, " ".join(error.messages))
                return redirect(_step_url(organisation, step))
            messages.success(
                self.request, _("The record has been sent to the centre's moderators.")
            )
            return redirect("initiatives:profile", organisation.slug)
        if action == "save" or keys.index(step) == len(keys) - 1:
            messages.success(self.request, _("Saved."))
            return redirect(_step_url(organisation, step))
        return redirect(_step_url(organisation, keys[keys.index(step) + 1]))


class HistoryView(LoginRequiredMixin, SignedInUserMixin, EditorRequiredMixin, TemplateView):
    """Leaders, editors and moderators add what happened: a status change, a split, a
    coalition, an NGO registration, a grant, a partnership."""

    template_name = "initiatives/history.html"
    allow_moderators = True
    forms = {
        "status": StatusForm,
        "relation": RelationForm,
        "grant": GrantForm,
        "partnership": PartnershipForm,
    }

    def dispatch(self, request, *args, **kwargs):
        organisation = self.get_organisation()
        if not organisation.is_published:
            messages.info(request, _("History is kept once the record is published."))
            return redirect("initiatives:profile", organisation.slug)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.get_organisation()
        bound = kwargs.get("bound", {})
        context["organisation"] = organisation
        context["forms"] = {key: bound.get(key) or self._form(key) for key in self.forms}
        return context

    def _form(self, kind, data=None, searching=False):
        if kind != "relation":
            return self.forms[kind](data, prefix=kind)
        # A record is not split from or joined with itself.
        return self.forms[kind](
            data,
            prefix=kind,
            searching=searching,
            picker_exclude=[self.get_organisation().pk],
        )

    def post(self, request, *args, **kwargs):
        kind = request.POST.get("kind_of_entry")
        if kind not in self.forms:
            raise Http404
        form = self._form(kind, request.POST, searching=find_pressed(request))
        organisation = self.get_organisation()
        if not getattr(form, "searching", False) and form.is_valid():
            try:
                self._apply(kind, organisation, form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Added to the record's history."))
                return redirect("initiatives:history", organisation.slug)
        return self.render_to_response(self.get_context_data(bound={kind: form}))

    def _apply(self, kind, organisation, data):
        user = self.person
        if kind == "status":
            if data["status"] == organisation.status:
                raise ValidationError(_("The record already has this status."))
            lifecycle.status_set(
                organisation=organisation, status=data["status"], user=user, reason=data["reason"]
            )
        elif kind == "relation":
            lifecycle.relation_add(organisation=organisation, user=user, **data)
        elif kind == "grant":
            lifecycle.grant_add(organisation=organisation, user=user, **data)
        else:
            lifecycle.partnership_add(organisation=organisation, user=user, **data)
