"""A rule kept by the database is explained in words when a form breaks it: every check
constraint of the portal's own models has a translatable message, not Django's «Нарушено
ограничение "…"» (which the consultation log showed for zero participants)."""

from django.apps import apps
from django.db.models import BaseConstraint, CheckConstraint

from tests.our_packages import OUR_PACKAGES

OUR_APPS = set(OUR_PACKAGES)


def test_every_check_constraint_explains_itself():
    default = BaseConstraint.default_violation_error_message
    silent = [
        f"{model._meta.label}.{constraint.name}"
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS
        for constraint in model._meta.constraints
        if isinstance(constraint, CheckConstraint) and constraint.violation_error_message == default
    ]
    assert silent == []
