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


def _moderator(user) -> bool:
    return user.is_authenticated and user.has_perm("initiatives.moderate_organisation")


def _analytics(user) -> bool:
    return user.is_authenticated and user.has_perm("initiatives.view_registry_analytics")


def _importer(user) -> bool:
    return user.is_authenticated and user.has_perm("initiatives.import_organisation")


NAV_ITEMS = [
    NavItem(_("Home"), "home"),
    NavItem(_("Initiatives"), "initiatives:catalogue"),
    NavItem(_("My initiatives"), "initiatives:mine", _signed_in),
    NavItem(_("Moderation"), "initiatives:moderation", _moderator),
    NavItem(_("Registry analytics"), "initiatives:analytics", _analytics),
    NavItem(_("Import"), "initiatives:import", _importer),
    NavItem(_("My profile"), "accounts:profile", _signed_in),
    NavItem(_("Administration panel"), "admin:index", _staff_or_administration),
]


def nav_for(request) -> list[dict]:
    """Entries this user may see; the one whose address is the longest prefix of the current
    page is marked current."""
    user = request.user
    items = [
        {"label": item.label, "url": reverse(item.url_name), "current": False}
        for item in NAV_ITEMS
        if item.visible(user)
    ]
    matching = [
        item
        for item in items
        if request.path == item["url"]
        or (item["url"] != "/" and request.path.startswith(item["url"]))
    ]
    if matching:
        max(matching, key=lambda item: len(item["url"]))["current"] = True
    return items
