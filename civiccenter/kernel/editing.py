"""Saving what staff type into the portal's editing pages: one transaction per page, and an
entry in the audit trail for every record created, changed or deleted, naming the fields that
changed (anchor: pretix's control panel, where each form's save logs its changed data).

The apps' services call these after their own rules (a capacity that may not fall below the
people registered, dates of a copy); views never save a form themselves."""

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.forms import BaseInlineFormSet, BaseModelFormSet, ModelForm

from . import audit
from .audit import Actor


def _field_names(
    model: type[models.Model], names: Iterable[str], *, leave_out: tuple[str, ...] = ()
) -> list[str]:
    """The form's fields that are the model's own, without its key and `leave_out`."""
    own = {field.name for field in model._meta.get_fields() if field.concrete or field.many_to_many}
    skipped = {model._meta.pk.name, *leave_out}
    return [name for name in names if name in own and name not in skipped]


def form_snapshot(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    """`audit.snapshot`, with many-to-many fields as the sorted names of the related records."""
    plain_fields, values = [], {}
    for name in fields:
        field = instance._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(str(item) for item in getattr(instance, name).all())
        else:
            plain_fields.append(name)
    return audit.snapshot(instance, plain_fields) | values


def _worth_keeping(value: Any) -> bool:
    return value not in (None, "", [], False)


def _save_and_record(
    form: ModelForm, fields: list[str], *, actor: Actor, hidden: tuple[str, ...] = ()
) -> Any:
    """Saves one form and records "created" with the values typed, or "edited" with the
    fields that changed (nothing for a form saved unchanged)."""
    model = type(form.instance)
    creating = form.instance._state.adding
    before = (
        {} if creating else form_snapshot(model._default_manager.get(pk=form.instance.pk), fields)
    )
    instance = form.save()
    after = form_snapshot(instance, fields)
    if creating:
        action = "created"
        changes = {name: [None, value] for name, value in after.items() if _worth_keeping(value)}
    else:
        action, changes = "edited", audit.diff(before, after)
    if creating or changes:
        audit.record(instance, actor=actor, action=action, changes=audit.hide(changes, hidden))
    return instance


@transaction.atomic
def save_model_form(form: ModelForm, *, actor: Actor, hidden: tuple[str, ...] = ()) -> Any:
    """Saves a valid model form with its audit entry (`_save_and_record`)."""
    fields = _field_names(type(form.instance), form.fields)
    return _save_and_record(form, fields, actor=actor, hidden=hidden)


@transaction.atomic
def save_formset(formset: BaseModelFormSet | BaseInlineFormSet, *, actor: Actor) -> list:
    """Saves the rows of a valid formset (a programme's points, an event's partners) and
    records each row created, changed or deleted. Returns the rows kept."""
    model: type[models.Model] = formset.model  # type: ignore[assignment]
    fk = getattr(formset, "fk", None)  # an inline formset's link to its owner
    parent = (fk.name,) if fk is not None else ()
    deleted = [form for form in formset.deleted_forms if form.instance.pk is not None]
    for form in deleted:
        audit.record(form.instance, actor=actor, action="deleted")
    saved = []
    for form in formset.forms:
        if form in formset.deleted_forms:
            continue
        if not form.has_changed():
            if form.instance.pk is not None:
                saved.append(form.instance)
            continue
        if fk is not None:  # the owner may have been saved only now, by the same page
            setattr(form.instance, fk.name, formset.instance)  # type: ignore[attr-defined]
        fields = _field_names(model, form.fields, leave_out=parent)
        saved.append(_save_and_record(form, fields, actor=actor))
    for form in deleted:
        form.instance.delete()
    return saved
