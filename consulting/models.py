from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsultingTopic(models.Model):
    """A line of the centre's consulting catalogue (seed 000: diagnostics, budget, PR and GR…)."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_complex = models.BooleanField(
        _("complex consulting"),
        default=False,
        help_text=_("Roadmaps, project assessment, expert councils."),
    )
    individual = models.BooleanField(_("individual"), default=True)
    group = models.BooleanField(_("group"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("consulting topic")
        verbose_name_plural = _("consulting topics")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name
