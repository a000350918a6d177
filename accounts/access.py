"""What every page asks of the signed-in person, read in one query: their roles, whether they
have an authenticator app, and their permissions (found: four queries on each staff page —
the roles, the authenticator, the person's and their groups' permissions — four of the
hours list's ten queries).

Read once a request, on the request's own user object, exactly as Django keeps permissions
on it after their first check: nothing is kept between requests, so a changed role or a
removed authenticator counts on the next page."""

from allauth.mfa.models import Authenticator
from django.db import connection

from .models import User

# On the user object: the person's role names and whether they have an authenticator; and
# the three attributes Django's ModelBackend keeps a person's permissions in after their
# first check.
_ROLES = "_role_names"
_AUTHENTICATOR = "_has_authenticator"
_PERMISSIONS = ("_user_perm_cache", "_group_perm_cache", "_perm_cache")


# accounts/migrations/0010_access_function.py: one statement of four plain subqueries (the
# same through the ORM was about 2.5 ms of compiling on every page, more than the four
# queries it replaced), in a PL/pgSQL function so that PostgreSQL keeps its plans for the
# connection (planning it afresh was 0.8 of its 1.4 ms). Permissions are named
# «app_label.codename», as Django's ModelBackend names them.
_SQL = "SELECT * FROM accounts_access(%s::bigint, %s::text)"


def load(user: User) -> None:
    """Reads the person's roles, authenticator and permissions onto `user` in one query."""
    if hasattr(user, _AUTHENTICATOR):
        return
    with connection.cursor() as cursor:
        cursor.execute(_SQL, [user.pk, Authenticator.Type.TOTP.value])
        roles, has_authenticator, own, of_groups = cursor.fetchone()
    setattr(user, _ROLES, set(roles))
    setattr(user, _AUTHENTICATOR, has_authenticator)
    if user.is_active and not user.is_superuser:
        # A superuser's permissions are all of them: Django works those out itself.
        for name, names in zip(_PERMISSIONS, (own, of_groups, own + of_groups), strict=True):
            setattr(user, name, set(names))


def forget(user: User) -> None:
    """After a change of the person's roles: the next question reads them again."""
    for name in (_ROLES, _AUTHENTICATOR, *_PERMISSIONS):
        if hasattr(user, name):  # through `request.user`'s lazy wrapper too
            delattr(user, name)


def role_names(user: User) -> set[str]:
    load(user)
    return getattr(user, _ROLES)


def has_authenticator(user: User) -> bool:
    """Whether the person has set up an authenticator app."""
    load(user)
    return getattr(user, _AUTHENTICATOR)
