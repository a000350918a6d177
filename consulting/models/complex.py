"""Complex consulting: roadmaps of an initiative and expert councils."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from initiatives.models import Organisation

from .catalogue import Consultant


class Roadmap(models.Model):
    """A roadmap for implementing an initiative, kept by the initiative and its consultant."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="roadmaps",
        verbose_name=_("initiative"),
    )
    consultant = models.ForeignKey(
        Consultant, on_delete=models.PROTECT, related_name="roadmaps", verbose_name=_("consultant")
    )
    title = models.CharField(_("title"), max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("roadmap")
        verbose_name_plural = _("roadmaps")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        BLOCKED = "blocked", _("Blocked")

    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=255)
    owner = models.CharField(_("responsible"), max_length=255)
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title


class ExpertCouncil(models.Model):
    """An expert council on one initiative: several experts and their written conclusion."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="expert_councils",
        verbose_name=_("initiative"),
    )
    held_on = models.DateField(_("date"))
    experts = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("experts")
    )
    external_experts = models.CharField(_("invited experts"), max_length=500, blank=True)
    conclusion = models.TextField(_("conclusion"))

    class Meta:
        verbose_name = _("expert council")
        verbose_name_plural = _("expert councils")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.organisation}, {self.held_on}"
