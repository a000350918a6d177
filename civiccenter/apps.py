from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CiviccenterConfig(AppConfig):
    name = "civiccenter"
    verbose_name = _("Portal")
