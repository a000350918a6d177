"""Reference lists that staff edit: topics and districts."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Topic(models.Model):
    """A field of work (ecology, culture, sport…). Staff edit the list in the admin."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.name_en if get_language() == "en" and self.name_en else self.name


class District(models.Model):
    """A district of a city, for filtering the registry."""

    city = models.CharField(_("city"), max_length=100)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["city", "name"]
        constraints = [
            models.UniqueConstraint(fields=["city", "name"], name="unique_district_per_city")
        ]

    def __str__(self) -> str:
        return f"{self.city}, {self.name}"
