"""The portal's menus: one list of entries each, every entry shown to the roles it serves.

NAV_ITEMS is the header; DESK_ITEMS are the staff's work pages, listed on /desk/."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_staff_or_administration


def _anyone(user) -> bool:
    return True


def _signed_in(user) -> bool:
    return user.is_authenticated


def _keeps_availability(user) -> bool:
    """Consultants keep their own hours; coordinators keep everyone's."""
    from consulting.models import Consultant

    if not user.is_authenticated:
        return False
    if user.has_perm("consulting.change_consultant"):
        return True
    return (
        user.has_perm("consulting.change_weeklyavailability")
        and Consultant.objects.filter(user=user).exists()
    )


def _perm(codename: str) -> Callable:
    def visible(user) -> bool:
        return user.is_authenticated and user.has_perm(codename)

    return visible


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    visible: Callable = _anyone
    description: str | Promise = ""


NAV_ITEMS = [
    NavItem(_("Home"), "home"),
    NavItem(_("Initiatives"), "initiatives:catalogue"),
    NavItem(_("Consultations"), "consulting:catalogue"),
    NavItem(_("Training"), "training:programmes"),
    NavItem(_("Events"), "events:calendar"),
    NavItem(_("Desk"), "desk", is_staff_or_administration),
    NavItem(_("My profile"), "accounts:profile", _signed_in),
]

# The activist's own pages, listed on the profile page.
PERSONAL_ITEMS = [
    NavItem(_("My initiatives"), "initiatives:mine", _signed_in),
    NavItem(_("My bookings"), "consulting:mine", _signed_in),
    NavItem(_("My training"), "training:mine", _signed_in),
    NavItem(_("My tickets"), "events:tickets", _signed_in),
    NavItem(_("Notifications"), "follows:notifications", _signed_in),
]


def _superuser(user) -> bool:
    """The Django admin is a superuser's repair tool: no staff role needs it for its work."""
    return user.is_authenticated and user.is_superuser


DESK_ITEMS = [
    NavItem(
        _("The centre's events"),
        "events:manage",
        _perm("events.change_event"),
        _("Create, edit, copy and cancel events; programmes, partners and outcomes."),
    ),
    NavItem(
        _("Publications in the media"),
        "events:media",
        _perm("events.add_mediapublication"),
        _("Log each article or broadcast about the centre's events and initiatives."),
    ),
    NavItem(
        _("Training: sessions, programmes, trainers"),
        "training:manage",
        _perm("training.change_session"),
        _("Sessions of one or several days, their places and trainers; the next run."),
    ),
    NavItem(
        _("Consulting catalogue and consultants"),
        "consulting:manage",
        _perm("consulting.change_consultingtopic"),
        _("The topics the centre offers and who takes them."),
    ),
    NavItem(
        _("People and roles"),
        "people",
        _perm("accounts.change_user"),
        _("Give a new consultant, trainer or coordinator their role."),
    ),
    NavItem(
        _("Newsletters"),
        "newsletters",
        _perm("portal.view_newsletter"),
        _("Letters to people who agreed to newsletters, by topic, district, event or programme."),
    ),
    NavItem(
        _("Targets of the quarters"),
        "targets",
        _perm("civiccenter.change_quarterlytarget"),
        _("Hours of consulting and training and the other indicators promised each quarter."),
    ),
    NavItem(
        _("Quarterly reports"),
        "reports:archive",
        _perm("portal.view_quarterlyreport"),
        _("The quarter's figures against the targets, as PDF and XLSX."),
    ),
    NavItem(
        _("Moderation"),
        "initiatives:moderation",
        _perm("initiatives.moderate_organisation"),
        _("New and changed records of the registry waiting for approval."),
    ),
    NavItem(
        _("Registry analytics"),
        "initiatives:analytics",
        _perm("initiatives.view_registry_analytics"),
        _("Who is alive: statuses, cohort survival, conversions to NGO."),
    ),
    NavItem(
        _("Import a list"),
        "initiatives:import",
        _perm("initiatives.import_organisation"),
        _("Load an existing list of initiatives from CSV or XLSX."),
    ),
    NavItem(
        _("Bookings"),
        "consulting:staff_bookings",
        _perm("consulting.change_booking"),
        _("Confirm, decline or move consultation bookings."),
    ),
    NavItem(
        _("Hours of receiving"),
        "consulting:availability",
        _keeps_availability,
        _("Your weekly hours for bookings and your days off."),
    ),
    NavItem(
        _("Consulting hours"),
        "consulting:dashboard",
        _perm("consulting.view_consulting_figures"),
        _("The quarter's delivered hours against the target."),
    ),
    NavItem(
        _("Consultation log"),
        "consulting:log",
        _perm("consulting.view_consultationlog"),
        _("Every logged consultation of the quarter; export to CSV and XLSX."),
    ),
    NavItem(
        _("Grant application reviews"),
        "consulting:reviews",
        _perm("consulting.view_grantreview"),
        _("Applications reviewed for initiatives and their results."),
    ),
    NavItem(
        _("Roadmaps and expert councils"),
        "consulting:councils",
        _perm("consulting.view_expertcouncil"),
        _("Complex consulting of initiatives."),
    ),
    NavItem(
        _("Training hours"),
        "training:dashboard",
        _perm("training.view_session"),
        _("The quarter's training hours against the target; attendance of each day."),
    ),
    NavItem(
        _("Training feedback"),
        "training:feedback_results",
        _perm("training.view_feedback"),
        _("Ratings and comments of attendees, by session and programme."),
    ),
    NavItem(
        _("Practice passports"),
        "passports:list",
        is_staff_or_administration,
        _("Structured descriptions of practices, published and as PDF."),
    ),
    NavItem(
        _("API keys for exports"),
        "accounts:api_tokens",
        is_staff_or_administration,
        _("Keys with which the city's systems fetch your exports from the read API."),
    ),
    NavItem(
        _("Administration panel"),
        "admin:index",
        _superuser,
        _("Repairs of records by the superuser."),
    ),
]


def _visible(items, user) -> list[dict]:
    return [
        {"label": item.label, "url": reverse(item.url_name), "description": item.description}
        for item in items
        if item.visible(user)
    ]


def nav_for(request) -> list[dict]:
    """Header entries for this user; the one whose address is the longest prefix of the
    current page is marked current."""
    items = _visible(NAV_ITEMS, request.user)
    for item in items:
        item["current"] = False
    path = request.path
    matching = [
        i for i in items if path == i["url"] or (i["url"] != "/" and path.startswith(i["url"]))
    ]
    if matching:
        max(matching, key=lambda item: len(item["url"]))["current"] = True
    return items


def personal_for(user) -> list[dict]:
    return _visible(PERSONAL_ITEMS, user)


def desk_for(user) -> list[dict]:
    return _visible(DESK_ITEMS, user)
