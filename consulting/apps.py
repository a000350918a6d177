from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultingConfig(AppConfig):
    name = "consulting"
    verbose_name = _("Consulting")

    def ready(self) -> None:
        from civiccenter.kernel import personal_data

        from . import personal_data as exporters

        personal_data.register_eraser("consulting", exporters.erase)
        personal_data.register("consultation bookings", exporters.bookings)
        from . import receivers

        receivers.connect()
