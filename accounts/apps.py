from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from civiccenter.kernel import erasure_journal, personal_data

        from . import personal_data as exporters
        from .services import anonymise_again

        erasure_journal.register_replay("account", anonymise_again)
        personal_data.register_eraser("audit trail", exporters.erase_trail)
        personal_data.register("account", exporters.account)
        personal_data.register("consents", exporters.consents)
        personal_data.register("api keys", exporters.api_keys)
        personal_data.register_eraser("api keys", exporters.erase_api_keys)
