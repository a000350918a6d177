"""Names on public pages only with a separate consent to publication (152-FZ art. 10.1): a
consultant's and a trainer's name and profile, the participant on a certificate's check page
(found: they were published with no consent; the catalogue even showed a consultant's e-mail
when no name was set)."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from accounts.models import PublicationConsent
from accounts.roles import Role
from consulting.models import Consultant, ConsultingTopic
from training.models import Certificate, Enrolment, Programme, Session, Trainer

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultant(make_user):
    user = make_user(Role.CONSULTANT, last_name="Петров", first_name="Игорь")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    consultant = Consultant.objects.create(user=user, bio="Юрист, 10 лет с НКО")
    consultant.topics.add(ConsultingTopic.objects.create(name="Право"))
    return consultant


def test_a_consultant_is_named_publicly_only_after_consenting(client, consultant):
    catalogue = client.get(reverse("consulting:catalogue")).content.decode()
    assert "Петров" not in catalogue and consultant.user.email not in catalogue
    assert "консультант центра" in catalogue

    client.force_login(consultant.user)
    client.post(reverse("accounts:publication_consent"), {"publishes_name": "on"})
    client.logout()

    assert "Петров Игорь" in client.get(reverse("consulting:catalogue")).content.decode()
    (consent,) = PublicationConsent.objects.filter(user=consultant.user)
    assert consent.withdrawn_at is None

    client.force_login(consultant.user)
    client.post(reverse("accounts:publication_consent"), {})
    client.logout()
    assert "Петров" not in client.get(reverse("consulting:catalogue")).content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_a_trainer_without_an_account_is_named_with_a_written_consent(client):
    programme = Programme.objects.create(title="Медиа для НКО", kind="training")
    trainer = Trainer.objects.create(name="Сидорова Мария")
    programme.trainers.add(trainer)
    page = client.get(reverse("training:programmes")).content.decode()
    assert "Сидорова" not in page and "тренер центра" in page

    Trainer.objects.filter(pk=trainer.pk).update(publication_consented=True)
    assert "Сидорова Мария" in client.get(reverse("training:programmes")).content.decode()


def test_the_certificate_check_shows_initials_without_a_consent(client, make_user):
    person = make_user(Role.ACTIVIST, last_name="Соколова", first_name="Анна")
    session = Session.objects.create(
        programme=Programme.objects.create(title="СМИ", kind="training"), place="Центр", capacity=5
    )
    certificate = Certificate.objects.create(
        enrolment=Enrolment.objects.create(session=session, user=person, status="enrolled"),
        state="ready",
    )
    url = reverse("training:verify", args=[certificate.code])

    page = client.get(url).content.decode()
    assert "Соколова" not in page and "А. С." in page

    person.publishes_name = True
    person.save()
    assert "Соколова Анна" in client.get(url).content.decode()
