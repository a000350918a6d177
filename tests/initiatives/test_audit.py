"""Changes to the registry made through its services are in the audit trail, and the
record's page shows them to its team and the moderators in Russian."""

import pytest
from django.urls import reverse

from civiccenter.kernel import audit
from initiatives.models import Membership
from initiatives.services import lifecycle, organisations
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_edits_and_status_changes_are_in_the_trail_and_on_the_page(client, make_user):
    organisation = OrganisationFactory(name="Музыканты Пензы", members_count=138)
    leader = make_user("activist")
    Membership.objects.create(organisation=organisation, user=leader, role="leader")
    lifecycle.status_set(organisation=organisation, status="active", user=leader)

    organisations.organisation_update(
        organisation=organisation, user=leader, fields={"members_count": 150}
    )
    lifecycle.status_set(organisation=organisation, status="dormant", user=leader, reason="лето")

    status, edited = audit.history(organisation)
    assert (status.action, status.actor, status.changes) == (
        "status",
        leader,
        {"status": ["Действует", "Не проявляет активности"]},
    )
    assert (edited.action, edited.changes) == ("edited", {"members_count": [138, 150]})

    client.force_login(leader)
    page = client.get(reverse("initiatives:profile", args=[organisation.slug])).content.decode()
    assert "смена статуса" in page and "участники: 138 → 150" in page
