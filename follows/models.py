"""Following what happens to a record of the portal: who follows what, what they were told,
how they want to be told, and the digests that went."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    """A person follows an initiative, an event series, a commitment or a programme (the
    kinds the apps register in `follows.followables`)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "target_type", "target_id"], name="one_follow_per_person"
            )
        ]
        indexes = [models.Index(fields=["target_type", "target_id"], name="follow_target")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.target_type_id}:{self.target_id}"


class Delivery(models.TextChoices):
    """How a person is told of what they follow: the notifications page always; e-mail as it
    happens, once a day or once a week, or not at all."""

    IMMEDIATELY = "immediately", _("E-mail as it happens")
    DAILY = "daily", _("A daily digest")
    WEEKLY = "weekly", _("A weekly digest")
    OFF = "off", _("No e-mail, only the notifications page")


DEFAULT_DELIVERY = Delivery.DAILY


class DeliveryChoice(models.Model):
    """A person's choice of delivery; a person without a row gets the daily digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notice_delivery",
    )
    delivery = models.CharField(
        _("how to tell me"), max_length=16, choices=Delivery.choices, default=DEFAULT_DELIVERY
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("delivery of notifications")
        verbose_name_plural = _("deliveries of notifications")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.delivery}"


class Digest(models.Model):
    """One digest letter of one period to one person. The unique row is what makes a period's
    digest go once, whatever beat repeats or a killed worker leaves behind."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests"
    )
    delivery = models.CharField(max_length=16, choices=Delivery.choices)
    period_start = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    email = models.ForeignKey(
        "civiccenter.OutgoingEmail", on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "delivery", "period_start"], name="one_digest_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.delivery} · {self.period_start}"


class Notice(models.Model):
    """What a follower is told: one line in Russian, written when it happened, and where to
    read more. The notifications page and the letters show it as it was written, so neither
    reads the record it is about."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    target_id = models.PositiveBigIntegerField()
    text = models.CharField(_("what happened"), max_length=500)
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set once the notice went by e-mail: alone (`emailed_at`) or in a digest.
    emailed_at = models.DateTimeField(null=True, blank=True)
    digest = models.ForeignKey(
        Digest, on_delete=models.SET_NULL, null=True, blank=True, related_name="notices"
    )

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notice_newest_first"),
            models.Index(
                fields=["created_at"],
                name="notice_not_emailed",
                condition=models.Q(emailed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.text
