from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .quarters import Quarter


class QuarterlyTarget(models.Model):
    """The centre's promises for one quarter; without a row the defaults from settings apply
    (seed 000: 40 hours of training and 250 hours of consultations)."""

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    consulting_hours = models.PositiveIntegerField(_("consulting hours"))
    training_hours = models.PositiveIntegerField(_("training hours"))
    indicators = models.JSONField(
        _("targets of the other indicators"),
        default=dict,
        blank=True,
        help_text=_("{indicator key: target} for the quarterly report's other rows."),
    )

    class Meta:
        verbose_name = _("quarterly target")
        verbose_name_plural = _("quarterly targets")
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(fields=["year", "quarter"], name="one_target_per_quarter"),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4),
                name="target_quarter_1_to_4",
                violation_error_message=_("A quarter is numbered from 1 to 4."),
            ),
        ]

    def __str__(self) -> str:
        return str(Quarter(self.year, self.quarter))


def targets_for(quarter: Quarter) -> dict[str, int]:
    """The quarter's targets by indicator key: hours of consulting and training always (the
    defaults from settings without a row), the other indicators where a target is set."""
    row = QuarterlyTarget.objects.filter(year=quarter.year, quarter=quarter.number).first()
    return {
        **(row.indicators if row else {}),
        "consulting_hours": row.consulting_hours
        if row
        else settings.QUARTERLY_TARGET_CONSULTING_HOURS,
        "training_hours": row.training_hours if row else settings.QUARTERLY_TARGET_TRAINING_HOURS,
    }


class AuditEntry(models.Model):
    """One change to one record, made through a service of any app: who, when, what, and
    the fields before and after (civiccenter/kernel/audit.py writes and reads them)."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    object_label = models.CharField(_("record"), max_length=255, blank=True)
    action = models.CharField(_("action"), max_length=64)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "-created_at"], name="audit_entry_of_record"
            ),
            models.Index(fields=["actor", "-created_at"], name="audit_entry_by_actor"),
        ]

    def __str__(self) -> str:
        return f"{self.object_label}: {self.action}"


class PersonalDataAccess(models.Model):
    """A view of people's personal data on a staff page, or an export that holds it: who,
    when, which page with which filters, how many rows (civiccenter/kernel/access_log.py)."""

    class Kind(models.TextChoices):
        VIEWED = "viewed", _("viewed")
        EXPORTED = "exported", _("exported")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("who"),
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    kind = models.CharField(_("what was done"), max_length=16, choices=Kind.choices)
    page = models.CharField(_("page"), max_length=100)
    address = models.CharField(_("address"), max_length=1000)
    rows = models.PositiveIntegerField(_("rows"), null=True, blank=True)

    class Meta:
        verbose_name = _("access to personal data")
        verbose_name_plural = _("accesses to personal data")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["actor", "-at"], name="data_access_by_actor")]

    def __str__(self) -> str:
        return f"{self.actor}: {self.get_kind_display()} {self.page}"


class OutgoingEmail(models.Model):
    """An e-mail waiting to go out, written in the same transaction as the change it tells
    of: a lost Celery message or a broker that is down loses no letter (beat re-sends the
    rows still queued), and a letter is marked sent once."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    subject = models.CharField(_("subject"), max_length=500)
    body = models.TextField(_("text"))
    html_body = models.TextField(blank=True)
    to = models.JSONField(_("recipients"), default=list)
    from_email = models.CharField(max_length=254, blank=True)
    attachments = models.JSONField(default=list, blank=True)
    # The letter's own headers: List-Unsubscribe and List-Unsubscribe-Post of bulk letters.
    headers = models.JSONField(default=dict, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.QUEUED)
    error = models.TextField(blank=True)
    queued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["state", "queued_at"], name="outgoing_email_state")]

    def __str__(self) -> str:
        return self.subject
