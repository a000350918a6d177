"""Practice passports (Паспорт практики): a structured document about one practice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticePassport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Awaiting approval")
        RETURNED = "returned", _("Returned for changes")
        PUBLISHED = "published", _("Published")

    class PdfState(models.TextChoices):
        NONE = "none", _("Not made")
        PENDING = "pending", _("Being prepared")
        RUNNING = "running", _("Being made")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    title = models.CharField(_("name of the practice"), max_length=500)
    territory = models.CharField(_("territory"), max_length=255, blank=True)
    donor_practice = models.TextField(_("donor practice"), blank=True)
    preconditions = models.TextField(_("preconditions"), blank=True)
    period = models.CharField(_("period"), max_length=255, blank=True)
    indicators_before = models.TextField(_("socio-economic indicators before"), blank=True)
    goals = models.TextField(_("goal and tasks"), blank=True)
    taking_part = models.PositiveIntegerField(_("citizens taking part"), null=True, blank=True)
    reached = models.PositiveIntegerField(_("citizens reached"), null=True, blank=True)
    business_model = models.TextField(_("business model"), blank=True)
    description = models.TextField(_("short description"), blank=True)
    indicators_after = models.TextField(_("socio-economic indicators after"), blank=True)
    team_leader = models.TextField(_("team leader"), blank=True)
    tables = models.JSONField(_("tables"), default=dict, blank=True)
    organisation = models.ForeignKey(
        "initiatives.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="passports",
        verbose_name=_("initiative"),
        help_text=_("The initiative whose practice this is; its team may edit the passport."),
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="passports",
        verbose_name=_("event"),
    )
    series = models.ForeignKey(
        "events.EventSeries",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="passports",
        verbose_name=_("event series"),
    )
    programme = models.ForeignKey(
        "training.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="passports",
        verbose_name=_("training programme"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    returned_reason = models.TextField(_("reason for return"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    pdf = models.FileField(_("PDF"), upload_to="passports/", blank=True)
    pdf_state = models.CharField(max_length=16, choices=PdfState.choices, default=PdfState.NONE)
    pdf_version = models.PositiveIntegerField(default=0)
    pdf_error = models.TextField(blank=True)
    pdf_requested_at = models.DateTimeField(null=True, blank=True)
    pdf_started_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "initiatives_practicepassport"
        verbose_name = _("practice passport")
        verbose_name_plural = _("practice passports")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.title


class PassportVersion(models.Model):
    """Every saved state of a passport."""

    passport = models.ForeignKey(
        PracticePassport, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "initiatives_passportversion"
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["passport", "number"], name="unique_passport_version")
        ]

    def __str__(self) -> str:
        return f"{self.passport_id} v{self.number}"
