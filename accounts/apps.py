from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from civiccenter.kernel import personal_data

        from . import personal_data as exporters

        personal_data.register_eraser("audit trail", exporters.erase_trail)
        personal_data.register("account", exporters.account)
        personal_data.register("consents", exporters.consents)
