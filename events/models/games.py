"""The business game (seed 003: 12 teams of 10–12 people representing social groups)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from initiatives.models import Organisation

from .core import Event


class GameParticipant(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="game_participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    social_group = models.CharField(_("social group"), max_length=100)
    field = models.CharField(_("field"), max_length=100)
    team = models.ForeignKey(
        "Team", on_delete=models.SET_NULL, null=True, blank=True, related_name="members"
    )
    placed_by_hand = models.BooleanField(
        _("placed by hand"),
        default=False,
        help_text=_("Forming the teams again keeps this person where the staff put them."),
    )

    class Meta:
        verbose_name = _("game participant")
        verbose_name_plural = _("game participants")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_place_in_the_game")
        ]

    def __str__(self) -> str:
        return str(self.user)


class Team(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="teams")
    number = models.PositiveSmallIntegerField(_("number"))
    problems = models.TextField(_("problems raised"), blank=True)
    solutions = models.TextField(_("proposed solutions"), blank=True)
    initiatives = models.ManyToManyField(
        Organisation, blank=True, related_name="game_teams", verbose_name=_("initiatives formed")
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="unique_team_number")
        ]

    def __str__(self) -> str:
        return f"{self.event} · {self.number}"


class Outcome(models.Model):
    """What an event achieved, entered by staff; registrations and commitments are counted."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="outcome")
    speeches = models.PositiveIntegerField(_("speeches"), default=0)
    master_classes = models.PositiveIntegerField(_("master-classes"), default=0)
    actions = models.PositiveIntegerField(_("actions"), default=0)
    other_participants = models.PositiveIntegerField(
        _("participants without registration"),
        default=0,
        help_text=_("Counted at the door, for open events."),
    )
    initiatives_formed = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="formed_at_events",
        verbose_name=_("initiatives formed"),
    )

    class Meta:
        verbose_name = _("event outcome")
        verbose_name_plural = _("event outcomes")

    def __str__(self) -> str:
        return str(self.event)
