from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KernelConfig(AppConfig):
    """The shared kernel under every app: mail, background jobs, quarters and targets,
    uploads, PDFs, tables, the audit trail. It imports none of the portal's apps.

    Its label stays `civiccenter`, the project's first app, so that its tables and migrations
    keep their names."""

    name = "civiccenter.kernel"
    label = "civiccenter"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from . import access_log, mail_erasure, personal_data

        personal_data.register_eraser("letters", mail_erasure.erase_letters)
        personal_data.register_eraser("access log", access_log.erase)
