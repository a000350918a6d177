from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from civiccenter.kernel import personal_data

        from . import personal_data as exporters

        personal_data.register_eraser("events", exporters.erase)
        personal_data.register("event registrations", exporters.registrations)
        personal_data.register("questions to the head of the city", exporters.questions)
        personal_data.register("votes, supports and games", exporters.participation)
        from follows import followables

        followables.register("series", "events.EventSeries")
        followables.register("commitment", "events.Commitment")
        from . import receivers

        receivers.connect()
