from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from accounts.models import PersonalDataConsent, User
from events.models import Event
from initiatives.models import Organisation, OrganisationLink


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Анна"
    last_name = "Соколова"
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
            self.save()

    @factory.post_generation
    def consented(self, create, extracted, **kwargs):
        """People have consented to the policy in force unless consented=False is passed."""
        if create and extracted is not False:
            PersonalDataConsent.objects.create(
                user=self,
                policy_version=settings.PERSONAL_DATA_POLICY_VERSION,
                given_at=timezone.now(),
            )


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A published record; pass moderation=... and published_at=None for a draft."""

    class Meta:
        model = Organisation

    kind = Organisation.Kind.COMMUNITY
    name = factory.Sequence(lambda n: f"Сообщество №{n}")
    slug = factory.Sequence(lambda n: f"soobshchestvo-{n}")
    short_description = "Городское сообщество"
    city = "Пенза"
    members_count = 100
    moderation = Organisation.Moderation.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class OrganisationLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationLink

    organisation = factory.SubFactory(OrganisationFactory)
    url = factory.Sequence(lambda n: f"https://vk.com/community{n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    kind = Event.Kind.FORUM
    title = factory.Sequence(lambda n: f"Форум «Диалог» №{n}")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=6))
    city = "Зеленогорск"
