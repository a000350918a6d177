"""Coordinators give people their roles in the portal; the administration sees no accounts."""

import pytest
from allauth.mfa.models import Authenticator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from civiccenter.kernel import audit

pytestmark = pytest.mark.django_db


def _staff(client, make_user, role):
    user = make_user(role)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    client.force_login(user)
    return user


def test_a_coordinator_makes_a_new_consultant(client, make_user):
    coordinator = _staff(client, make_user, "coordinator")
    newcomer = make_user("activist", last_name="Орлова", first_name="Анна")

    found = client.get(reverse("people"), {"q": "Орлова"}).content.decode()
    assert "Орлова Анна" in found
    client.post(reverse("people_roles", args=[newcomer.pk]), {"roles": ["activist", "consultant"]})

    assert set(newcomer.groups.values_list("name", flat=True)) == {"activist", "consultant"}
    entry = audit.history(newcomer)[0]
    assert (entry.action, entry.actor) == ("roles", coordinator)


def test_the_administration_sees_no_accounts(client, make_user):
    _staff(client, make_user, "administration")
    assert client.get(reverse("people")).status_code == 403
    assert not make_user("administration").has_perm("accounts.view_user")


def test_the_people_list_takes_the_same_queries_for_more_people(client, make_user):
    _staff(client, make_user, "coordinator")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("people")).status_code == 200
        return len(captured)

    few = queries()
    for _ in range(20):
        make_user("activist")
    assert queries() == few


def test_the_administration_sees_figures_and_no_rows_that_name_people(client, make_user):
    head = _staff(client, make_user, "administration")
    for permission in (
        "consulting.view_booking",
        "consulting.view_consultationlog",
        "events.view_registration",
        "training.view_enrolment",
        "initiatives.view_membership",
        "initiatives.view_changerecord",
    ):
        assert not head.has_perm(permission), permission
    assert client.get(reverse("consulting:dashboard")).status_code == 200
    assert client.get(reverse("consulting:log")).status_code == 403
    assert client.get(reverse("consulting:log_export", args=["csv"])).status_code == 403
    results = client.get(reverse("training:feedback_results"))
    assert results.status_code == 200 and results.context["comments"] is None
