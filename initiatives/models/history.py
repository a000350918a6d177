"""What happens to an organisation over time: the timeline on its profile and the figures of
the registry's analytics and the quarterly report."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel.quarters import validate_not_in_future

from .organisation import Organisation


class StatusChange(models.Model):
    """One step of the lifecycle idea → active → dormant → closed; the first row of every
    published organisation records its status at publication."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        _("from"), max_length=16, choices=Organisation.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=16, choices=Organisation.Status.choices)
    changed_at = models.DateTimeField(_("changed at"))
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "id"]
        indexes = [models.Index(fields=["organisation", "changed_at"])]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.from_status} → {self.to_status}"


class Relation(models.Model):
    """A link between two records: a split, a coalition membership, an NGO registration."""

    class Kind(models.TextChoices):
        SPLIT_FROM = "split_from", _("Split from")
        JOINED_COALITION = "joined_coalition", _("Joined the coalition")
        REGISTERED_AS_NGO = "registered_as_ngo", _("Registered as the NGO")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="relations"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    other = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="inverse_relations",
        verbose_name=_("other organisation"),
    )
    occurred_on = models.DateField(_("date"), validators=[validate_not_in_future])
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        ordering = ["occurred_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(organisation=F("other")),
                name="relation_not_self",
                violation_error_message=_("A record cannot be related to itself."),
            ),
            models.UniqueConstraint(
                fields=["organisation", "kind", "other"], name="unique_relation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.kind} {self.other}"


class Grant(models.Model):
    """A grant won by an organisation."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="grants")
    funder = models.CharField(_("funder"), max_length=255)
    title = models.CharField(_("project"), max_length=255, blank=True)
    amount = models.DecimalField(
        _("amount, roubles"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    year = models.PositiveSmallIntegerField(_("year"))
    awarded_on = models.DateField(
        _("awarded on"), null=True, blank=True, validators=[validate_not_in_future]
    )

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["-year", "funder"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="grant_amount_not_negative",
                violation_error_message=_("The amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1990, year__lte=2100),
                name="grant_year_plausible",
                violation_error_message=_("The year must be between 1990 and 2100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.funder}, {self.year}"


class Partnership(models.Model):
    """A partnership agreement (Zelenogorsk signed 42 of them)."""

    class PartnerType(models.TextChoices):
        MUNICIPAL = "municipal", _("Municipal institution")
        BUSINESS = "business", _("Business")
        MEDIA = "media", _("Media")
        NGO = "ngo", _("NGO")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="partnerships"
    )
    partner_name = models.CharField(_("partner"), max_length=255)
    partner_type = models.CharField(_("partner type"), max_length=16, choices=PartnerType.choices)
    signed_on = models.DateField(_("signed on"), validators=[validate_not_in_future])
    subject = models.CharField(_("subject"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("partnership agreement")
        verbose_name_plural = _("partnership agreements")
        ordering = ["signed_on", "id"]

    def __str__(self) -> str:
        return self.partner_name


class HeadcountRecord(models.Model):
    """Members and volunteers on a date: the history behind the current counts."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="headcounts"
    )
    recorded_on = models.DateField(_("date"))
    members = models.PositiveIntegerField(_("members"))
    volunteers = models.PositiveIntegerField(_("volunteers"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("headcount")
        verbose_name_plural = _("headcounts")
        ordering = ["recorded_on", "id"]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.members}/{self.volunteers} ({self.recorded_on})"
