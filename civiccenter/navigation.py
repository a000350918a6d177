"""The main navigation: one list of entries, each shown to the roles it serves."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_administration, is_centre_staff


def _anyone(user) -> bool:
    return True


def _signed_in(user) -> bool:
    return user.is_authenticated


def _staff_or_administration(user) -> bool:
    return is_centre_staff(user) or is_administration(user)


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    visible: Callable = _anyone


NAV_ITEMS = [
    NavItem(_("Home"), "home"),
    NavItem(_("My profile"), "accounts:profile", _signed_in),
    NavItem(_("Administration panel"), "admin:index", _staff_or_administration),
]


def nav_for(request) -> list[dict]:
    user = request.user
    items = []
    for item in NAV_ITEMS:
        if not item.visible(user):
            continue
        url = reverse(item.url_name)
        current = request.path == url or (url != "/" and request.path.startswith(url))
        items.append({"label": item.label, "url": url, "current": current})
    return items
