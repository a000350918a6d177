from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """An initiative group, city community, NGO or coalition in the centre's registry."""

    class Kind(models.TextChoices):
        INITIATIVE_GROUP = "initiative_group", _("Initiative group")
        COMMUNITY = "community", _("City community")
        NGO = "ngo", _("Socially oriented NGO")
        COALITION = "coalition", _("Coalition")

    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        ACTIVE = "active", _("Active")
        DORMANT = "dormant", _("Dormant")
        CLOSED = "closed", _("Closed")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    short_description = models.CharField(_("short description"), max_length=500, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    district = models.CharField(_("district"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    members_count = models.PositiveIntegerField(_("members"), default=0)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return self.name


class OrganisationLink(models.Model):
    """A website or a social-network page of an organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="links", verbose_name=_("organisation")
    )
    url = models.URLField(
        _("address"), max_length=500, validators=[URLValidator(schemes=["http", "https"])]
    )

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "url"], name="unique_organisation_link")
        ]

    def __str__(self) -> str:
        return self.url
