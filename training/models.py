from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.Model):
    """A training programme: a two-day session, a training or a master-class."""

    class Kind(models.TextChoices):
        TWO_DAY_SESSION = "two_day_session", _("Two-day session")
        TRAINING = "training", _("Training")
        MASTER_CLASS = "master_class", _("Master-class")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title
