from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Trainer(models.Model):
    """A trainer: a member of staff or an invited professional, with a short profile."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trainer",
        verbose_name=_("portal account"),
    )
    name = models.CharField(_("name"), max_length=255)
    profile = models.TextField(_("short profile"), blank=True)
    # For an invited trainer with no account: the consent to publication (152-FZ art. 10.1)
    # they gave the centre in writing. A trainer with an account gives it in their profile.
    publication_consented = models.BooleanField(
        _("consented in writing to the publication of their name"), default=False
    )

    class Meta:
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def name_published(self) -> bool:
        """Public pages name the trainer only with their consent to publication."""
        if self.user_id is not None:
            return bool(self.user and self.user.publishes_name)
        return self.publication_consented


class Programme(models.Model):
    """A training programme: a two-day session, a training or a master-class."""

    class Kind(models.TextChoices):
        TWO_DAY_SESSION = "two_day_session", _("Two-day session")
        TRAINING = "training", _("Training")
        MASTER_CLASS = "master_class", _("Master-class")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        MIXED = "mixed", _("Mixed")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)
    format = models.CharField(
        _("format"), max_length=16, choices=Format.choices, default=Format.IN_PERSON
    )
    audience = models.CharField(_("audience"), max_length=255, blank=True)
    trainers = models.ManyToManyField(
        Trainer, blank=True, related_name="programmes", verbose_name=_("trainers")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title
