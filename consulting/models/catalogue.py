"""The consulting catalogue, the consultants and when they can be booked."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class ConsultingTopic(models.Model):
    """A line of the centre's consulting catalogue (seed 000: diagnostics, budget, PR and GR…)."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_complex = models.BooleanField(
        _("complex consulting"),
        default=False,
        help_text=_("Roadmaps, project assessment, expert councils."),
    )
    individual = models.BooleanField(_("individual"), default=True)
    group = models.BooleanField(_("group"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("offered"), default=True)

    class Meta:
        verbose_name = _("consulting topic")
        verbose_name_plural = _("consulting topics")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Consultant(models.Model):
    """A member of staff who gives consultations, with the topics they cover."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultant"
    )
    bio = models.TextField(_("about the consultant"), blank=True)
    topics = models.ManyToManyField(
        ConsultingTopic, related_name="consultants", verbose_name=_("topics")
    )
    is_active = models.BooleanField(_("takes bookings"), default=True)

    class Meta:
        verbose_name = _("consultant")
        verbose_name_plural = _("consultants")
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self) -> str:
        return str(self.user)


class WeeklyAvailability(models.Model):
    """A recurring window, in the centre's local time, cut into bookable slots."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    consultant = models.ForeignKey(
        Consultant, on_delete=models.CASCADE, related_name="availability"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("to"))
    slot_minutes = models.PositiveSmallIntegerField(_("slot length, minutes"), default=60)

    class Meta:
        verbose_name = _("weekly availability")
        verbose_name_plural = _("weekly availability")
        ordering = ["weekday", "starts"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=F("starts")),
                name="availability_ends_after_start",
                violation_error_message=_("The window must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(slot_minutes__gte=15, slot_minutes__lte=240),
                name="availability_slot_15_to_240",
                violation_error_message=_("A slot lasts from 15 minutes to 4 hours."),
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.consultant}: {self.get_weekday_display()} {self.starts:%H:%M}–{self.ends:%H:%M}"
        )


class AvailabilityException(models.Model):
    """Days a consultant does not work: holidays, sick days, trips."""

    class Reason(models.TextChoices):
        HOLIDAY = "holiday", _("Holiday")
        SICK = "sick", _("Sick leave")
        OTHER = "other", _("Other")

    consultant = models.ForeignKey(Consultant, on_delete=models.CASCADE, related_name="exceptions")
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    reason = models.CharField(
        _("reason"), max_length=16, choices=Reason.choices, default=Reason.HOLIDAY
    )

    class Meta:
        verbose_name = _("day off")
        verbose_name_plural = _("days off")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="exception_ends_after_start",
                violation_error_message=_("The last day comes before the first."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultant}: {self.starts_on}–{self.ends_on}"
