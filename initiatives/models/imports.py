from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel.uploads import GeneratedName


class ImportJob(models.Model):
    """An uploaded CSV or XLSX list: parsed and previewed first, then committed whole."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        PARSING = "parsing", _("Checking the file")
        PREVIEW = "preview", _("Ready for review")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    file = models.FileField(
        _("file"), upload_to=GeneratedName("imports/%Y/%m", "file", (".csv", ".xlsx"))
    )
    original_name = models.CharField(_("file name"), max_length=255)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default="queued")
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    preview = models.JSONField(default=list, blank=True)
    unknown_columns = models.JSONField(
        _("columns not imported"),
        default=list,
        blank=True,
        help_text=_("Headers of the file that name no field of the registry."),
    )
    skip_duplicates = models.BooleanField(_("skip likely duplicates"), default=True)
    created_count = models.PositiveIntegerField(default=0)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When its last step (the check, or the import) was queued, and when a worker took it.
    queued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, round(100 * self.processed_rows / self.total_rows))

    @property
    def error_rows(self) -> int:
        return sum(1 for row in self.preview if row.get("errors"))

    @property
    def duplicate_rows(self) -> int:
        return sum(1 for row in self.preview if row.get("duplicates"))
