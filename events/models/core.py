"""Events, their series and sub-events, programme and partners."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class EventSeries(models.Model):
    """Events that recur: the forum «Диалог» twice a year, an action repeated each season."""

    title = models.CharField(_("title"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


# The zones of the centres' cities (found: a Penza visitor read 11:00 for an event at 09:00
# local time, shown in the centre's Perm time with no zone named).
TIME_ZONES = [
    ("Asia/Yekaterinburg", _("Perm, Yekaterinburg (UTC+5)")),
    ("Europe/Moscow", _("Moscow, Penza, Zarechny (UTC+3)")),
    ("Europe/Samara", _("Samara, Izhevsk (UTC+4)")),
    ("Asia/Omsk", _("Omsk (UTC+6)")),
    ("Asia/Krasnoyarsk", _("Krasnoyarsk, Zelenogorsk (UTC+7)")),
]


def _centre_zone() -> str:
    return settings.TIME_ZONE


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
    time_zone = models.CharField(
        _("time zone of the place"),
        max_length=64,
        choices=TIME_ZONES,
        default=_centre_zone,
        help_text=_("Times of the event are typed and shown in this zone."),
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    series = models.ForeignKey(
        EventSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("series"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sub_events",
        verbose_name=_("part of"),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration stays open until the event ends."),
    )
    reports_deadline = models.DateTimeField(_("deadline for stand reports"), null=True, blank=True)
    voting_closes_at = models.DateTimeField(
        _("public voting closes"),
        null=True,
        blank=True,
        help_text=_("For a poster session. Empty: voting closes when the event ends."),
    )
    jury = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="juries",
        verbose_name=_("jury"),
        help_text=_("For a poster session: the people who score the stand reports."),
    )
    results_published = models.BooleanField(
        _("jury results published"),
        default=False,
        help_text=_("Until then the jury's scores are seen by the jury and the staff only."),
    )
    game_team_min = models.PositiveSmallIntegerField(
        _("team size, at least"), default=10, help_text=_("For a business game.")
    )
    game_team_max = models.PositiveSmallIntegerField(
        _("team size, at most"), default=12, help_text=_("For a business game.")
    )
    game_social_groups = models.TextField(
        _("social groups of the game"),
        blank=True,
        help_text=_("One per line. Players choose from this list; teams mix the groups."),
    )
    game_fields = models.TextField(
        _("fields of activity of the game"),
        blank=True,
        help_text=_("One per line. Players choose from this list; teams mix the fields."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["kind", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("An event must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def social_group_choices(self) -> list[str]:
        return _lines(self.game_social_groups)

    @property
    def field_choices(self) -> list[str]:
        return _lines(self.game_fields)


def _lines(text: str) -> list[str]:
    """The non-empty lines of a list kept as text, trimmed, each once."""
    seen: dict[str, str] = {}
    for line in text.splitlines():
        value = " ".join(line.split())
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    return list(seen.values())


class SiteZone(models.Model):
    """A zone of one event's site plan, named by its staff (seed 002: the stage, the art
    workshop, the children's area, the jazz café, the book shop, the navigation desk…)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="zones")
    name = models.CharField(_("zone"), max_length=100)
    note = models.CharField(_("where it is"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(_("position on the plan"), default=0)

    class Meta:
        verbose_name = _("zone of the site plan")
        verbose_name_plural = _("site plan")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "name"],
                name="one_zone_name_per_event",
                violation_error_message=_("The site plan already has a zone of that name."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class AgendaItem(models.Model):
    """A point of the programme, in a zone of the event's own site plan or a room."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    title = models.CharField(_("title"), max_length=255)
    zone = models.ForeignKey(
        SiteZone,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("zone"),
    )
    audience = models.CharField(_("audience"), max_length=255, blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)
    format = models.CharField(_("format"), max_length=100, blank=True)
    speakers = models.CharField(_("speakers"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="agenda_ends_after_start",
                violation_error_message=_("An agenda item must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title


class Partner(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(_("role"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
