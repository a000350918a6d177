"""The register of personal data covers every field of a personal kind in the portal's
models: a new e-mail, phone, name, free text, file or link to a person fails here until it is
registered (with its purpose, who sees it, its term and what erasure does) or explained as
not personal."""

import re

from django.apps import apps
from django.conf import settings
from django.db import models

from portal.personal_data_register import NOT_PERSONAL, REGISTER, Erasure, register_fields
from tests.our_packages import OUR_PACKAGES

OUR_APPS = set(OUR_PACKAGES)
PERSONAL_NAMES = re.compile(
    r"name|patronymic|phone|person|responsible|owner|note|speaker|expert|reason|comment|text|"
    r"question|label|subject|email|address|token|code"
)


def _is_personal_kind(field) -> bool:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    if field.is_relation:
        return field.related_model is user_model
    if isinstance(
        field,
        models.EmailField
        | models.GenericIPAddressField
        | models.FileField
        | models.TextField
        | models.JSONField,
    ):
        return True
    return (
        isinstance(field, models.CharField)
        and not field.choices
        and bool(PERSONAL_NAMES.search(field.name))
    )


def _model_fields():
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        for field in model._meta.get_fields():
            if (field.concrete or field.many_to_many) and not field.auto_created:
                yield f"{model._meta.label}.{field.name}", field


def test_every_field_of_a_personal_kind_is_registered_or_explained():
    registered = register_fields()
    missing = sorted(
        label
        for label, field in _model_fields()
        if _is_personal_kind(field) and label not in registered and label not in NOT_PERSONAL
    )
    assert not missing, f"add these to portal/personal_data_register.py: {missing}"


def test_the_register_names_only_fields_that_exist_and_nothing_twice():
    existing = {label for label, _ in _model_fields()}
    assert register_fields() - existing == set()
    assert set(NOT_PERSONAL) - existing == set()
    assert register_fields() & set(NOT_PERSONAL) == set()
    assert len({record.model for record in REGISTER}) == len(REGISTER)


def test_every_record_says_what_it_is_for_who_sees_it_and_how_long_it_stays():
    for record in REGISTER:
        assert record.purpose and record.seen_by and record.kept, record.model
        assert all(isinstance(erasure, Erasure) for erasure in record.fields.values())
