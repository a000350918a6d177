from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowsConfig(AppConfig):
    name = "follows"
    verbose_name = _("Follows and notifications")

    def ready(self) -> None:
        from civiccenter.kernel import personal_data

        from . import personal_data as exporters

        personal_data.register("follows and notifications", exporters.follows_of_person)
        personal_data.register_eraser("follows", exporters.erase)
