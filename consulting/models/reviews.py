from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from initiatives.models import Grant, Organisation


class GrantReview(models.Model):
    """A grant application reviewed by the centre for an initiative, and how it ended
    (Zelenogorsk: 38 applications reviewed, 23 won)."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Awaiting the result")
        WON = "won", _("Won")
        LOST = "lost", _("Not supported")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="grant_reviews",
        verbose_name=_("initiative"),
    )
    contest = models.CharField(_("contest or funder"), max_length=255)
    project_title = models.CharField(_("project"), max_length=255, blank=True)
    requested_amount = models.DecimalField(
        _("requested, roubles"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    reviewed_on = models.DateField(_("reviewed on"))
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, default=Outcome.PENDING
    )
    granted_amount = models.DecimalField(
        _("granted, roubles"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    outcome_on = models.DateField(_("result date"), null=True, blank=True)
    grant = models.OneToOneField(
        Grant, on_delete=models.SET_NULL, null=True, blank=True, related_name="review"
    )

    class Meta:
        verbose_name = _("grant application review")
        verbose_name_plural = _("grant application reviews")
        ordering = ["-reviewed_on", "-id"]
        indexes = [models.Index(fields=["reviewed_on"]), models.Index(fields=["outcome_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome="won")
                | Q(granted_amount__isnull=False, outcome_on__isnull=False),
                name="won_review_has_amount_and_date",
                violation_error_message=_("Enter the amount granted and the date of the result."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.contest}"
