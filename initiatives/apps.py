from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Registry of initiatives")

    def ready(self) -> None:
        from civiccenter.kernel import personal_data, retention

        from . import personal_data as exporters
        from . import retention as terms

        retention.register_purge("import_files", terms.import_files_purge)
        retention.register_purge("invitations", terms.invitations_purge)

        personal_data.register_eraser("initiatives", exporters.erase)
        personal_data.register("initiatives", exporters.memberships)
        from follows import followables

        from .models import Organisation

        followables.register(
            "initiative",
            "initiatives.Organisation",
            visible=lambda rows: rows.filter(moderation=Organisation.Moderation.PUBLISHED),
        )
        from . import receivers

        receivers.connect()
