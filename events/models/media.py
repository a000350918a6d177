"""Publications about the centre's work in the media, logged by staff one by one: the
quarterly report counts them and the administration can check each."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel.quarters import validate_not_in_future
from initiatives.models import Organisation

from .core import Event


class MediaPublication(models.Model):
    """One article, broadcast or post in an outlet, about an event, an initiative or the
    centre's work in general."""

    outlet = models.CharField(_("media outlet"), max_length=255)
    published_on = models.DateField(_("published on"), validators=[validate_not_in_future])
    url = models.URLField(_("link"), max_length=500, blank=True)
    headline = models.CharField(_("headline"), max_length=255, blank=True)
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="media_publications",
        verbose_name=_("event"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="media_publications",
        verbose_name=_("initiative"),
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logged by"),
    )
    logged_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("media publication")
        verbose_name_plural = _("media publications")
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["published_on"], name="media_published_on")]

    def __str__(self) -> str:
        return f"{self.outlet}, {self.published_on:%d.%m.%Y}"
