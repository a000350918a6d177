import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from initiatives.models import Organisation

from .programmes import Programme, Trainer


class Session(models.Model):
    """One run of a programme: one or several days, a place and a number of places."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("programme")
    )
    place = models.CharField(_("place"), max_length=255)
    capacity = models.PositiveIntegerField(_("places"))
    trainers = models.ManyToManyField(
        Trainer, blank=True, related_name="sessions", verbose_name=_("trainers")
    )
    note = models.TextField(_("note"), blank=True)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="session_has_places",
                violation_error_message=_("A session has at least one place."),
            )
        ]

    def __str__(self) -> str:
        return self.programme.title


class SessionDay(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="days")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        verbose_name = _("session day")
        verbose_name_plural = _("session days")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="session_day_ends_after_start",
                violation_error_message=_("A session day must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} · {self.starts_at:%Y-%m-%d}"

    @property
    def hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600


def _token() -> str:
    return secrets.token_urlsafe(16)


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enrolments",
        verbose_name=_("initiative"),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    feedback_requested_at = models.DateTimeField(null=True, blank=True)
    feedback_token = models.CharField(max_length=64, unique=True, default=_token, editable=False)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(status__in=["enrolled", "waitlisted"]),
                name="one_live_enrolment_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.session}"


class Attendance(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    day = models.ForeignKey(SessionDay, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"))
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "day"], name="one_mark_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} · {self.day_id}: {self.present}"


class Feedback(models.Model):
    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(_("rating"))
    comments = models.TextField(_("comments"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5),
                name="rating_1_to_5",
                violation_error_message=_("A rating is from 1 to 5."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment}: {self.rating}"


def _code() -> str:
    return secrets.token_hex(6).upper()


class Certificate(models.Model):
    """A certificate of participation: a PDF made by Celery, checked by its public code."""

    class State(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        RUNNING = "running", _("Being made")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.PROTECT, related_name="certificate"
    )
    code = models.CharField(_("verification code"), max_length=16, unique=True, default=_code)
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.PENDING
    )
    file = models.FileField(_("file"), upload_to="certificates/%Y/", blank=True)
    checksum = models.CharField(max_length=64, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2, default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    requested_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return self.code
