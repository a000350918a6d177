from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel.phones import validate_phone

from .managers import UserManager


def full_name(last_name: str, first_name: str, patronymic: str) -> str:
    """«Фамилия Имя Отчество», the parts a person gave: a user's name as pages print it."""
    return " ".join(part for part in (last_name, first_name, patronymic) if part)


class User(AbstractUser):
    """A person using the portal; the e-mail address is the login."""

    username = None  # type: ignore[assignment]  # the e-mail address is the login
    email = models.EmailField(_("e-mail address"), unique=True)
    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True, validators=[validate_phone])
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    # 152-FZ art. 10.1: the name is shown on public pages (a consultant's or trainer's
    # profile, a certificate's check page) only with this separate consent; the acts of
    # consent and withdrawal are in PublicationConsent.
    publishes_name = models.BooleanField(_("name may be published"), default=False)
    # The centre's newsletters go only to people who asked for them, a consent separate from
    # the one to processing; its acts are in NewsletterConsent.
    receives_newsletters = models.BooleanField(_("receives newsletters"), default=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[UserManager["User"]] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def get_full_name(self) -> str:
        return full_name(self.last_name, self.first_name, self.patronymic)


class PersonalDataConsent(models.Model):
    """A consent to the processing of personal data (152-FZ), one row per act of consent."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="consents", verbose_name=_("user")
    )
    policy_version = models.CharField(_("policy version"), max_length=32)
    given_at = models.DateTimeField(_("given at"))
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_ip_address = models.GenericIPAddressField(
        _("IP address of withdrawal"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("personal data consent")
        verbose_name_plural = _("personal data consents")
        ordering = ["-given_at"]
        indexes = [models.Index(fields=["withdrawn_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True)
                | models.Q(withdrawn_at__gte=models.F("given_at")),
                name="consent_withdrawn_after_given",
                violation_error_message=_("A consent cannot be withdrawn before it was given."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.policy_version}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class PublicationConsent(models.Model):
    """A consent to the publication of one's name (152-FZ art. 10.1: personal data allowed for
    distribution), separate from the consent to processing; one row per act."""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="publication_consents",
        verbose_name=_("user"),
    )
    given_at = models.DateTimeField(_("given at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent to publication")
        verbose_name_plural = _("consents to publication")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.user} · {self.given_at:%Y-%m-%d}"


class NewsletterConsent(models.Model):
    """A consent to receive the centre's newsletters, separate from the consent to processing;
    one row per act. `withdrawn_from_letter`: withdrawn by the link in a newsletter."""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="newsletter_consents",
        verbose_name=_("user"),
    )
    given_at = models.DateTimeField(_("given at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_from_letter = models.BooleanField(_("withdrawn from a letter"), default=False)

    class Meta:
        verbose_name = _("consent to newsletters")
        verbose_name_plural = _("consents to newsletters")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.user} · {self.given_at:%Y-%m-%d}"


class ApiToken(models.Model):
    """A key a member of staff makes for their own exports through the read API (`Authorization:
    Bearer …`): it acts with the person's permissions, only its hash is kept, and it ends at
    `expires_at` or when revoked."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("what it is for"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The key's first characters, to tell one's keys apart on the page.
    prefix = models.CharField(_("begins with"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} · {self.name}"
