"""The portal's roles. Each role is a Django group created by a migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import access


class Role(models.TextChoices):
    ACTIVIST = "activist", _("Activist")
    CONSULTANT = "consultant", _("Consultant")
    TRAINER = "trainer", _("Trainer")
    COORDINATOR = "coordinator", _("Coordinator")
    ADMINISTRATION = "administration", _("Administration")


# Roles of the centre's people; they get the Django admin and must use two-factor sign-in.
STAFF_ROLES = frozenset({Role.CONSULTANT, Role.TRAINER, Role.COORDINATOR})
PRIVILEGED_ROLES = STAFF_ROLES | {Role.ADMINISTRATION}


def user_roles(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    return access.role_names(user)


def has_role(user, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def is_centre_staff(user) -> bool:
    """Consultants, trainers and coordinators: the people who deliver the centre's work."""
    return user.is_authenticated and (user.is_superuser or has_role(user, *STAFF_ROLES))


def is_administration(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.ADMINISTRATION))


def is_staff_or_administration(user) -> bool:
    """The centre's people and the administration: the desk and its pages."""
    return is_centre_staff(user) or is_administration(user)


def requires_two_factor(user) -> bool:
    return user.is_authenticated and (user.is_staff or has_role(user, *PRIVILEGED_ROLES))
