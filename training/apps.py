from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training")

    def ready(self) -> None:
        from civiccenter.kernel import personal_data

        from . import personal_data as exporters

        personal_data.register_eraser("training", exporters.erase)
        personal_data.register("training", exporters.enrolments)
        from follows import followables

        followables.register("programme", "training.Programme")
        from . import receivers

        receivers.connect()
