"""Staff views and exports of people's personal data are recorded: who, when, which page
with which filters, how many rows (found: the registry and hours exports, and every staff
page of people, were recorded nowhere)."""

import pytest
from django.urls import reverse

from civiccenter.kernel.models import PersonalDataAccess
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_an_export_is_recorded_with_its_filters_and_rows(client, coordinator):
    OrganisationFactory.create_batch(3, kind="ngo")
    OrganisationFactory(kind="community")
    client.force_login(coordinator)

    response = client.get(reverse("initiatives:export", args=["xlsx"]), {"kind": "ngo"})

    assert response.status_code == 200
    (access,) = PersonalDataAccess.objects.all()
    assert (access.actor, access.kind, access.page, access.rows) == (
        coordinator,
        "exported",
        "initiatives:export",
        3,
    )
    assert access.address.endswith("?kind=ngo")


def test_the_hours_export_is_recorded(client, coordinator):
    client.force_login(coordinator)
    client.get(reverse("consulting:log_export", args=["csv"]))
    assert PersonalDataAccess.objects.filter(
        actor=coordinator, kind="exported", page="consulting:log_export"
    ).exists()


def test_a_staff_page_of_people_is_recorded_and_a_refused_one_is_not(client, coordinator, activist):
    client.force_login(coordinator)
    assert client.get(reverse("people"), {"q": "Иван"}).status_code == 200
    assert client.get(reverse("consulting:staff_bookings")).status_code == 200
    pages = list(PersonalDataAccess.objects.values_list("page", "kind", "address"))
    assert pages == [
        ("consulting:staff_bookings", "viewed", reverse("consulting:staff_bookings")),
        ("people", "viewed", reverse("people") + "?q=%D0%98%D0%B2%D0%B0%D0%BD"),
    ]

    client.force_login(activist)
    assert client.get(reverse("people")).status_code == 403
    client.get(reverse("accounts:profile"))  # one's own data is not an access to record
    assert PersonalDataAccess.objects.count() == 2
