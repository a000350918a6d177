"""People registering with tickets, and initiatives taking a stand."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from initiatives.models import Organisation

from .core import Event


def _ticket_code() -> str:
    # 10 characters of an alphabet without look-alikes (0/O, 1/I): easy to type at the door.
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "".join(secrets.choice(alphabet) for _ in range(10))


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="event_registrations"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("initiative"),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    ticket_code = models.CharField(_("ticket"), max_length=16, unique=True, default=_ticket_code)
    created_at = models.DateTimeField(auto_now_add=True)
    checked_in_at = models.DateTimeField(_("arrived at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(status__in=["registered", "waitlisted"]),
                name="one_live_registration_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.event}"


class Stand(models.Model):
    """An initiative exhibiting at an event (separately from the people who come)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="stands")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="stands")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("what the stand shows"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stand")
        verbose_name_plural = _("stands")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation"], name="one_stand_per_initiative"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.event}"
