"""The staff's desk: what needs doing now for each role, in a fixed number of queries, and no
link to the Django admin for anyone but a superuser."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Commitment
from tests.factories import EventFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _signed_in(client, make_user, role, **fields):
    user = make_user(role, **fields)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    client.force_login(user)
    return user


def _desk(client) -> str:
    response = client.get(reverse("desk"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_coordinators_desk_counts_what_waits(client, make_user):
    _signed_in(client, make_user, "coordinator")
    OrganisationFactory(moderation="pending", published_at=None)
    past = EventFactory(
        starts_at=timezone.now() - timedelta(days=3), ends_at=timezone.now() - timedelta(days=2)
    )
    Commitment.objects.create(
        event=past, what="Сквер", responsible="МКУ", due_on=timezone.localdate() - timedelta(days=1)
    )

    page = _desk(client)

    assert 'Записи на модерации</a> <strong class="tag">1</strong>' in page
    assert 'Прошедшие мероприятия без итогов</a> <strong class="tag">1</strong>' in page
    assert 'Просроченные обещания</a> <strong class="tag">1</strong>' in page
    assert "Записи на консультации к подтверждению: ничего не ждёт" in page
    assert "/admin/" not in page


def test_the_administration_sees_overdue_commitments_and_no_admin_link(client, make_user):
    _signed_in(client, make_user, "administration")
    page = _desk(client)
    assert "Просроченные обещания" in page
    assert "Записи на модерации" not in page
    assert "/admin/" not in page


def test_a_superuser_keeps_the_repair_tool(client, make_user):
    _signed_in(client, make_user, "coordinator", is_superuser=True, is_staff=True)
    assert "/admin/" in _desk(client)


def test_the_desk_takes_the_same_queries_with_more_work(client, make_user):
    _signed_in(client, make_user, "coordinator")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            _desk(client)
        return len(captured)

    few = queries()
    for _ in range(5):
        OrganisationFactory(moderation="pending", published_at=None)
        EventFactory(
            starts_at=timezone.now() - timedelta(days=3),
            ends_at=timezone.now() - timedelta(days=2),
        )
    assert queries() == few
