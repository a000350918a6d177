from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The top of the portal: what reads every app — the home page, the navigation and the
    staff desk, the quarterly reports, the practice passports and the demo data."""

    name = "portal"
    verbose_name = _("Reports and passports")
