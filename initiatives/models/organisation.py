"""The registry's record: an initiative group, city community, NGO or coalition."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel.phones import validate_phone
from civiccenter.kernel.quarters import validate_not_in_future
from civiccenter.kernel.safe_links import validate_public_url
from civiccenter.kernel.uploads import GeneratedName

from ..links import host_of
from ..names import name_key_expression, url_key_expression
from ..validators import validate_inn, validate_logo, validate_ogrn
from .reference import District, Topic


class Organisation(models.Model):
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

    class Moderation(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Awaiting moderation")
        RETURNED = "returned", _("Returned for changes")
        PUBLISHED = "published", _("Published")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    short_description = models.CharField(_("short description"), max_length=500, blank=True)
    description = models.TextField(_("full description"), blank=True)
    topics = models.ManyToManyField(Topic, blank=True, verbose_name=_("topics"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    district = models.ForeignKey(
        District, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("district")
    )
    founded_on = models.DateField(
        _("founded on"), null=True, blank=True, validators=[validate_not_in_future]
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    moderation = models.CharField(
        _("moderation"), max_length=16, choices=Moderation.choices, default=Moderation.DRAFT
    )
    returned_reason = models.TextField(_("reason for return"), blank=True)

    # Public contacts are shown to everyone; private ones only to the members and staff.
    public_email = models.EmailField(_("public e-mail"), blank=True)
    public_phone = models.CharField(
        _("public phone"), max_length=32, blank=True, validators=[validate_phone]
    )
    website = models.URLField(_("website"), blank=True, validators=[validate_public_url])
    contact_person = models.CharField(_("contact person"), max_length=255, blank=True)
    private_email = models.EmailField(_("private e-mail"), blank=True)
    private_phone = models.CharField(
        _("private phone"), max_length=32, blank=True, validators=[validate_phone]
    )
    logo = models.ImageField(
        _("logo"),
        upload_to=GeneratedName("logos/%Y/%m", "logo", (".png", ".jpg", ".webp")),
        blank=True,
        validators=[validate_logo],
    )

    members_count = models.PositiveIntegerField(_("members"), default=0)
    volunteers_count = models.PositiveIntegerField(_("volunteers"), default=0)

    inn = models.CharField(_("INN"), max_length=12, blank=True, validators=[validate_inn])
    ogrn = models.CharField(_("OGRN"), max_length=15, blank=True, validators=[validate_ogrn])
    registered_on = models.DateField(
        _("NGO registration date"), null=True, blank=True, validators=[validate_not_in_future]
    )

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    dormancy_warned_at = models.DateTimeField(_("dormancy warning sent"), null=True, blank=True)

    # The name as duplicates are compared (see names.py), kept by PostgreSQL itself.
    name_key = models.GeneratedField(
        expression=name_key_expression(),
        output_field=models.CharField(max_length=255),
        db_persist=True,
    )
    # Russian full-text search, kept by PostgreSQL itself.
    search_vector = models.GeneratedField(
        expression=SearchVector("name", weight="A", config="russian")
        + SearchVector("short_description", weight="B", config="russian")
        + SearchVector("description", weight="C", config="russian"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # The ids of `topics`, kept by `topic_ids.connect` when the topics change: the catalogue's
    # topic filter and its search are then answered by two GIN indexes together, instead of
    # reading every record the word matches to join it with its topics (found at 100,000
    # records: a common word read 8,000 heap blocks for each searched view with a topic).
    topic_ids = ArrayField(models.IntegerField(), default=list, blank=True, editable=False)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        permissions = [
            ("moderate_organisation", _("Can moderate the registry")),
            ("import_organisation", _("Can import lists into the registry")),
            ("export_organisation", _("Can export the registry")),
            ("view_registry_analytics", _("Can see the registry's analytics")),
        ]
        indexes = [
            models.Index(fields=["moderation", "status", "kind"]),
            models.Index(fields=["moderation", "-published_at"]),
            models.Index(fields=["moderation", "-members_count"]),
            # The plain catalogue's ORDER BY name LIMIT 20 reads 20 rows of this index instead
            # of sorting every published record.
            models.Index(fields=["moderation", "name"], name="organisation_published_name"),
            GinIndex(fields=["search_vector"], name="organisation_search_gin"),
            GinIndex(fields=["topic_ids"], name="organisation_topic_ids_gin"),
            models.Index(fields=["name_key"], name="organisation_name_key"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(moderation="published", published_at__isnull=False)
                | ~Q(moderation="published"),
                name="published_organisation_has_date",
                violation_error_message=_("A published record needs its publication date."),
            ),
            models.CheckConstraint(
                condition=Q(moderation="returned") | Q(returned_reason=""),
                name="only_returned_organisation_has_reason",
                violation_error_message=_("Only a returned record has a reason for return."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_published(self) -> bool:
        return self.moderation == self.Moderation.PUBLISHED

    @property
    def is_editable_draft(self) -> bool:
        return self.moderation in (self.Moderation.DRAFT, self.Moderation.RETURNED)


class OrganisationLink(models.Model):
    """A social-network page or another site of an organisation."""

    class Network(models.TextChoices):
        VK = "vk", "VK"
        TELEGRAM = "telegram", "Telegram"
        OK = "ok", _("Odnoklassniki")
        YOUTUBE = "youtube", "YouTube"
        RUTUBE = "rutube", "RuTube"
        FACEBOOK = "facebook", "Facebook"
        OTHER = "other", _("Other")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="links", verbose_name=_("organisation")
    )
    url = models.URLField(_("address"), max_length=500, validators=[validate_public_url])
    url_key = models.GeneratedField(
        expression=url_key_expression(),
        output_field=models.CharField(max_length=500),
        db_persist=True,
    )
    network = models.CharField(
        _("network"), max_length=16, choices=Network.choices, default=Network.OTHER
    )

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["network", "url"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "url"], name="unique_organisation_link")
        ]
        indexes = [models.Index(fields=["url_key"], name="organisation_link_key")]

    def __str__(self) -> str:
        return self.url

    @property
    def host(self) -> str:
        return host_of(self.url)
