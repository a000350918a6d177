"""Staff members' keys to the read API's exports: made on a page and shown once, kept as a
hash, acting with the owner's permissions, recorded as the owner's exports, refused once
revoked or expired or when the owner's account is closed."""

import re
from datetime import date, timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone

from accounts.models import ApiToken
from accounts.roles import Role
from civiccenter.kernel.models import PersonalDataAccess
from consulting.models import Consultant, ConsultationLog, ConsultingTopic

pytestmark = pytest.mark.django_db

URL = "/api/staff/consultations/"


def _make_key(client, user, name="Отчёт для администрации") -> str:
    client.force_login(user)
    response = client.post(reverse("accounts:api_tokens"), {"name": name})
    assert response.status_code == 200
    (key,) = re.findall(r"cc_[A-Za-z0-9_-]{40,}", response.content.decode())
    client.logout()
    return key


def _get(client, key: str | None, **query):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.get(URL, query, headers=headers)


def test_a_coordinators_key_fetches_the_quarters_consultation_log(client, coordinator):
    topic = ConsultingTopic.objects.create(name="Бюджет проекта")
    log = ConsultationLog.objects.create(
        held_on=date(2026, 11, 12), duration_minutes=75, topic=topic, people_count=3
    )
    log.consultants.add(Consultant.objects.create(user=coordinator))
    ConsultationLog.objects.create(held_on=date(2026, 9, 30), duration_minutes=60, topic=topic)

    key = _make_key(client, coordinator)
    token = ApiToken.objects.get()
    assert key not in str(token.__dict__)  # only the key's hash is kept
    assert key.startswith(token.prefix)

    response = _get(client, key, quarter="2026-Q4")
    assert response.status_code == 200
    body = response.json()
    assert body["quarter"] == "2026-Q4" and body["count"] == 1
    (row,) = body["items"]
    assert row["date"] == "2026-11-12"
    assert row["hours"] == 1.25  # hours keep their quarters
    assert row["topic"] == "Бюджет проекта" and row["people"] == 3
    assert "Кузнецов" in row["consultants"]
    # The export is recorded as the key owner's, and the key's use is on its page.
    access = PersonalDataAccess.objects.get()
    assert access.actor == coordinator and access.rows == 1
    token.refresh_from_db()
    assert token.last_used_at is not None
    client.force_login(coordinator)
    page = client.get(reverse("accounts:api_tokens")).content.decode()
    assert token.prefix in page and key not in page


def test_no_key_a_wrong_one_a_revoked_or_expired_one_are_refused(client, coordinator):
    assert _get(client, None).status_code == 401
    assert _get(client, "cc_" + "x" * 43).status_code == 401
    key = _make_key(client, coordinator)
    assert _get(client, key).status_code == 200

    token = ApiToken.objects.get()
    client.force_login(coordinator)
    client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    client.logout()
    assert _get(client, key).status_code == 401

    second = _make_key(client, coordinator, name="Второй")
    ApiToken.objects.filter(name="Второй").update(expires_at=timezone.now() - timedelta(days=1))
    assert _get(client, second).status_code == 401

    third = _make_key(client, coordinator, name="Третий")
    coordinator.is_active = False
    coordinator.save()
    assert _get(client, third).status_code == 401


def _with_authenticator(user):
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


def test_a_key_has_its_owners_permissions_and_no_more(client, make_user, activist):
    trainer = _with_authenticator(make_user(Role.TRAINER))
    key = _make_key(client, trainer)
    assert _get(client, key).status_code == 403
    # Only the centre's people and the administration make keys; nobody revokes another's.
    client.force_login(activist)
    assert client.get(reverse("accounts:api_tokens")).status_code == 403
    token = ApiToken.objects.get()
    other = _with_authenticator(make_user(Role.COORDINATOR))
    client.force_login(other)
    client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_key_without_a_name_is_not_made(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("accounts:api_tokens"), {"name": ""})
    assert response.status_code == 400
    assert "Обязательное поле" in response.content.decode()
    assert not ApiToken.objects.exists()
