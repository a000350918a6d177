"""The centre's newsletters: a letter a coordinator writes to a segment of the people who
agreed to receive newsletters, and a row per person it went to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from initiatives.models import Organisation


class Newsletter(models.Model):
    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Everyone who agreed to newsletters")
        INITIATIVES = "initiatives", _("Teams of initiatives (by topic, district, kind)")
        EVENT = "event", _("People registered for an event")
        PROGRAMME = "programme", _("Trainees of a programme")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")

    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("text"), help_text=_("Plain text; an empty line starts a new paragraph.")
    )
    audience = models.CharField(
        _("to whom"), max_length=16, choices=Audience.choices, default=Audience.EVERYONE
    )
    topic = models.ForeignKey(
        "initiatives.Topic",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic"),
    )
    district = models.ForeignKey(
        "initiatives.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Organisation.Kind.choices, blank=True)
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("event"),
    )
    programme = models.ForeignKey(
        "training.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programme"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    test_sent_at = models.DateTimeField(_("test sent at"), null=True, blank=True)
    send_started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # The consenting people of the segment when the sending started.
    planned = models.PositiveIntegerField(_("planned recipients"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.subject


class NewsletterDelivery(models.Model):
    """The newsletter went to this person: unique, so a repeated or parallel batch never
    writes to anyone twice."""

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    email = models.ForeignKey(
        "civiccenter.OutgoingEmail", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(fields=["newsletter", "user"], name="one_newsletter_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.newsletter} · {self.user_id}"
