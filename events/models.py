from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    """A public event of the centre: a forum, a poster session, Coffee with the Mayor…"""

    class Kind(models.TextChoices):
        FORUM = "forum", _("Forum")
        CIVIC_WEEKEND = "civic_weekend", _("Civic weekend")
        POSTER_SESSION = "poster_session", _("Poster session")
        SPEECH_SESSION = "speech_session", _("Speech session")
        MASTER_CLASS = "master_class", _("Master-class")
        ROUND_TABLE = "round_table", _("Round table")
        BUSINESS_GAME = "business_game", _("Business game")
        COFFEE_WITH_MAYOR = "coffee_with_mayor", _("Coffee with the Mayor")
        CIVIC_VERNISSAGE = "civic_vernissage", _("Civic vernissage")
        ACTION = "action", _("Action")
        HEAD_MEETING = "head_meeting", _("Meeting of the head of the city with NGOs")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    summary = models.TextField(_("summary"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title
