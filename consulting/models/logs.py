"""Delivered hours: the centre's accountability data."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Mod
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from initiatives.models import Organisation

from .bookings import Booking
from .catalogue import Consultant, ConsultingTopic


class ConsultationLog(models.Model):
    """What actually happened: a booked, walk-in, phone or group consultation."""

    class Channel(models.TextChoices):
        BOOKED = "booked", _("Booked in the portal")
        WALK_IN = "walk_in", _("Walk-in")
        PHONE = "phone", _("Phone")
        ONLINE = "online", _("Online")
        GROUP = "group", _("Group session")

    held_on = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration, minutes"))
    topic = models.ForeignKey(ConsultingTopic, on_delete=models.PROTECT, verbose_name=_("topic"))
    consultants = models.ManyToManyField(
        Consultant, related_name="logs", verbose_name=_("consultants")
    )
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="consultation_logs", verbose_name=_("initiatives")
    )
    people_count = models.PositiveSmallIntegerField(_("number of people"), default=1)
    channel = models.CharField(
        _("form"), max_length=16, choices=Channel.choices, default=Channel.WALK_IN
    )
    booking = models.OneToOneField(
        Booking,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="log",
        verbose_name=_("booking"),
    )
    summary = models.TextField(_("summary"))
    private_notes = models.TextField(_("private notes"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("consultation log entry")
        verbose_name_plural = _("consultation log")
        ordering = ["-held_on", "-id"]
        # The quarter's totals without the log's rows (who came, about what): what the city
        # administration sees.
        permissions = [("view_consulting_figures", _("Can view the consulting figures"))]
        indexes = [
            models.Index(fields=["held_on"], name="consultation_log_held_on"),
            # The staff list's order, newest first: its first page read off the index instead
            # of sorting a quarter's 50,000 entries.
            models.Index(fields=["-held_on", "-id"], name="consultation_log_newest_first"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0, duration_minutes__lte=720),
                name="log_duration_up_to_12_hours",
                violation_error_message=_("A consultation cannot last more than 12 hours."),
            ),
            models.CheckConstraint(
                condition=Exact(Mod("duration_minutes", 15), 0),
                name="log_duration_in_15_minute_steps",
                violation_error_message=_("Log the duration in steps of 15 minutes."),
            ),
            models.CheckConstraint(
                condition=Q(people_count__gte=1),
                name="log_at_least_one_person",
                violation_error_message=_("At least one person took part."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.held_on} · {self.topic} · {self.hours} h"

    @property
    def hours(self):
        return self.duration_minutes / 60


class QuarterState(models.Model):
    """The administration's explicit decision about a quarter: closed, or reopened."""

    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    closed = models.BooleanField(_("closed"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("quarter state")
        verbose_name_plural = _("quarter states")
        constraints = [
            models.UniqueConstraint(fields=["year", "quarter"], name="one_state_per_quarter")
        ]

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}: {'closed' if self.closed else 'open'}"
