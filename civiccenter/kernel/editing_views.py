"""The shape every staff editing page shares: one record's form (new or existing) and the
tables of its rows (a programme's points, a session's days), saved together or not at all.

A page names its form, its formsets and the service that saves them; the rest — permission,
errors kept with what was typed, the success message, the redirect — is here."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views import View

from . import editing


class EditPage(PermissionRequiredMixin, View):
    """GET shows the form; POST saves it and its formsets through `save`, or shows them
    again with the errors and everything typed."""

    model: type[models.Model]
    form_class: type[ModelForm]
    template_name = "staff/form.html"
    title_new: str | Promise = ""
    title_edit: str | Promise = ""
    intro: str | Promise = ""
    success_message: str | Promise = _("Saved.")

    def get_permission_required(self) -> list[str]:
        """The page's own `permission_required`, or else adding or changing its model: a
        new record needs `add_<model>`, an existing one `change_<model>`."""
        if self.permission_required is not None:
            return list(super().get_permission_required())
        action = "change" if "pk" in self.kwargs else "add"
        meta = self.model._meta
        return [f"{meta.app_label}.{action}_{meta.model_name}"]

    # The record --------------------------------------------------------------------------

    def get_queryset(self) -> QuerySet[Any]:
        return self.model._default_manager.all()

    def get_object(self) -> Any:
        pk = self.kwargs.get("pk")
        return get_object_or_404(self.get_queryset(), pk=pk) if pk else None

    def new_object(self) -> Any:
        """The record a new form fills in (a child of a parent from the address, say)."""
        return self.model()

    # Forms -------------------------------------------------------------------------------

    def searching(self) -> bool:
        """Whether the form was posted by a picker's «Find» button, not to be saved."""
        return False

    def get_form_kwargs(self, instance: Any) -> dict[str, Any]:
        return {}

    def get_form(self, instance: Any, data: Any = None, files: Any = None) -> Any:
        kwargs = self.get_form_kwargs(instance)
        if data is not None and self.searching():
            kwargs["searching"] = True
        return self.form_class(data, files, instance=instance, **kwargs)

    def get_formsets(
        self, instance: Any, data: Any = None, files: Any = None
    ) -> list[tuple[str, Any]]:
        """(heading, formset) of the record's rows, saved with it."""
        return []

    def save(self, form: Any, formsets: list[tuple[str, Any]]) -> Any:
        """The service call; by default the form and its formsets with the audit trail."""
        actor = self.request.user
        instance = editing.save_model_form(form, actor=actor)
        for _heading, formset in formsets:
            formset.instance = instance
            editing.save_formset(formset, actor=actor)
        return instance

    def get_success_url(self, instance: Any) -> str:
        raise NotImplementedError

    def get_context_data(self, **context: Any) -> dict[str, Any]:
        instance = context.get("object")
        context.setdefault("title", self.title_edit if instance is not None else self.title_new)
        context.setdefault("intro", self.intro)
        return context

    # HTTP --------------------------------------------------------------------------------

    def _render(self, instance: Any, form: Any, formsets: list[tuple[str, Any]]) -> HttpResponse:
        context = self.get_context_data(object=instance, form=form, formsets=formsets)
        return render(self.request, self.template_name, context)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        instance = self.get_object()
        target = instance if instance is not None else self.new_object()
        return self._render(instance, self.get_form(target), self.get_formsets(target))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        instance = self.get_object()
        target = instance if instance is not None else self.new_object()
        form = self.get_form(target, request.POST, request.FILES)
        formsets = self.get_formsets(target, request.POST, request.FILES)
        if self.searching():
            return self._render(instance, form, formsets)
        valid = form.is_valid()
        valid = all([formset.is_valid() for _heading, formset in formsets]) and valid
        if valid:
            try:
                saved = self.save(form, formsets)
            except ValidationError as error:
                self.add_service_error(form, error)
            else:
                messages.success(request, str(self.success_message))
                return redirect(self.get_success_url(saved))
        return self._render(instance, form, formsets)

    def add_service_error(self, form: Any, error: ValidationError) -> None:
        """A rule the service refused: on the field it names (`error.code` equal to a field's
        name), otherwise at the top of the form."""
        field = error.code if error.code in form.fields else None
        form.add_error(field, error)
