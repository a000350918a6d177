"""Coordinators and the administration set the quarter's targets on a portal page; the
dashboards, the home page and the quarterly report read them."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from civiccenter.kernel import audit
from civiccenter.kernel.models import QuarterlyTarget, targets_for
from civiccenter.kernel.quarters import Quarter
from portal.reporting import quarter_figures
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db


def _signed_in(client, make_user, role):
    user = make_user(role)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    client.force_login(user)
    return user


@pytest.mark.parametrize("role", ["coordinator", "administration"])
def test_coordinators_and_the_administration_set_a_quarters_targets(client, make_user, role):
    _signed_in(client, make_user, role)
    quarter = Quarter.current()
    url = reverse("targets_edit", args=[quarter.year, quarter.number])
    data = form_data(client.get(url).content.decode(), form_id="edit-form")
    assert data["consulting_hours"] == ["250"] and data["training_hours"] == ["40"]
    data.update(consulting_hours=["300"], training_hours=["48"], speeches=["12"])

    assert client.post(url, data).status_code == 302

    assert targets_for(quarter) | {} == {
        "consulting_hours": 300,
        "training_hours": 48,
        "speeches": 12,
    }
    row = QuarterlyTarget.objects.get()
    entry = audit.history(row)[0]
    assert entry.changes["consulting_hours"] == [250, 300]
    assert entry.changes["Спичи"] == [None, 12]
    speeches = next(r for r in quarter_figures(quarter)["rows"] if r.label == "Спичи")
    assert speeches.shown_target == "12"
    assert "300" in client.get(reverse("consulting:dashboard")).content.decode()


def test_a_target_form_with_letters_keeps_what_was_typed(client, make_user):
    _signed_in(client, make_user, "coordinator")
    url = reverse("targets_edit", args=[2026, 4])
    page = client.post(url, {"consulting_hours": "двести", "training_hours": "40"})
    assert page.status_code == 200
    assert "Введите целое число" in page.content.decode()
    assert not QuarterlyTarget.objects.exists()


def test_the_list_shows_the_years_quarters(client, make_user):
    _signed_in(client, make_user, "coordinator")
    page = client.get(reverse("targets")).content.decode()
    assert f"I квартал {Quarter.current().year}" in page


def test_activists_and_consultants_cannot_set_targets(client, make_user, activist):
    client.force_login(activist)
    assert client.get(reverse("targets")).status_code == 403
    _signed_in(client, make_user, "consultant")
    assert client.post(reverse("targets_edit", args=[2026, 4])).status_code == 403
    assert client.get(reverse("targets_edit", args=[2026, 5])).status_code == 403
