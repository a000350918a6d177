"""The person behind a request of a page that needs signing in."""

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.views import View

from .models import User


def signed_in_user(request: HttpRequest) -> User:
    """The request's user as the portal's User (login-required views only reach here signed
    in; anyone else is refused)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


if TYPE_CHECKING:
    _ViewBase = View
else:
    _ViewBase = object


class SignedInUserMixin(_ViewBase):
    """`self.person`: the signed-in user of a login-required view."""

    @property
    def person(self) -> User:
        return signed_in_user(self.request)
