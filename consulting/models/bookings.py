from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators
from django.db import models
from django.db.models import F, Func, Q
from django.utils.translation import gettext_lazy as _

from initiatives.models import Organisation

from .catalogue import Consultant, ConsultingTopic


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


class Booking(models.Model):
    """An activist's booking of a consultant's time. PostgreSQL itself refuses two live
    bookings of one consultant that overlap (an exclusion constraint)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    LIVE = (Status.REQUESTED, Status.CONFIRMED)

    consultant = models.ForeignKey(Consultant, on_delete=models.PROTECT, related_name="bookings")
    topic = models.ForeignKey(ConsultingTopic, on_delete=models.PROTECT, verbose_name=_("topic"))
    activist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="consulting_bookings"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consulting_bookings",
        verbose_name=_("initiative"),
    )
    question = models.TextField(_("question"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED
    )
    staff_note = models.CharField(_("note from the centre"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["activist", "starts_at"]),
            models.Index(fields=["status", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="booking_ends_after_start",
                violation_error_message=_("A booking must end after it starts."),
            ),
            ExclusionConstraint(
                name="no_double_booking",
                expressions=[
                    ("consultant", RangeOperators.EQUAL),
                    (TsTzRange("starts_at", "ends_at"), RangeOperators.OVERLAPS),
                ],
                condition=Q(status__in=["requested", "confirmed"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultant} · {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_live(self) -> bool:
        return self.status in self.LIVE
