from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from consulting import totals
from consulting.models import GrantReview
from initiatives.models import Grant
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_won_application_enters_the_registry_history(client, consultant):
    organisation = OrganisationFactory(name="Лесная страна")
    client.force_login(consultant.user)
    client.post(
        reverse("consulting:reviews"),
        {
            "organisation": organisation.pk,
            "contest": "Фонд президентских грантов",
            "requested_amount": "500000",
            "reviewed_on": "2026-10-10",
        },
    )
    review = GrantReview.objects.get()

    response = client.post(
        reverse("consulting:outcome", args=[review.pk]),
        {"outcome": "won", "outcome_on": "2026-12-01", "granted_amount": ""},
    )
    assert "Укажите полученную сумму и дату результата." in response.content.decode()

    client.post(
        reverse("consulting:outcome", args=[review.pk]),
        {"outcome": "won", "outcome_on": "2026-12-01", "granted_amount": "480000"},
    )

    grant = Grant.objects.get(organisation=organisation)
    assert (grant.amount, grant.awarded_on, grant.funder) == (
        Decimal("480000"),
        date(2026, 12, 1),
        "Фонд президентских грантов",
    )
    figures = totals.grant_review_totals(date(2026, 10, 1), date(2026, 12, 31))
    assert (figures["reviewed"], figures["won"], figures["granted"]) == (1, 1, Decimal("480000"))

    # Changing the outcome to «not supported» removes the grant again.
    client.post(
        reverse("consulting:outcome", args=[review.pk]),
        {"outcome": "lost", "outcome_on": "2026-12-02"},
    )
    assert not Grant.objects.exists()
