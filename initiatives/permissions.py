"""Who may see and change a registry record. Views ask these functions; they never decide
by hiding a button alone."""

from .models import Membership, Organisation, Role


def _role(user, organisation: Organisation) -> str | None:
    if not user.is_authenticated:
        return None
    cache = getattr(user, "_organisation_roles", None)
    if cache is None:
        cache = user._organisation_roles = {}
    if organisation.pk not in cache:
        cache[organisation.pk] = (
            Membership.objects.filter(user=user, organisation=organisation)
            .values_list("role", flat=True)
            .first()
        )
    return cache[organisation.pk]


def is_moderator(user) -> bool:
    return user.is_authenticated and user.has_perm("initiatives.moderate_organisation")


def can_edit(user, organisation: Organisation) -> bool:
    """Leaders and editors change a record (while it is not waiting for moderation)."""
    return _role(user, organisation) in (Role.LEADER, Role.EDITOR)


def can_manage_team(user, organisation: Organisation) -> bool:
    return _role(user, organisation) == Role.LEADER


def can_see_private(user, organisation: Organisation) -> bool:
    return _role(user, organisation) is not None or is_moderator(user)


def can_view(user, organisation: Organisation) -> bool:
    """Published records are public; drafts only for their team and the moderators."""
    return organisation.is_published or can_see_private(user, organisation)
