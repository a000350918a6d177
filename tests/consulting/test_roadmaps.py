"""Roadmaps: the initiative's team and the consultants work on them, the administration
reads them without changing them."""

from datetime import date

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from accounts.roles import Role
from consulting.models import Milestone, Roadmap
from initiatives.models import Membership
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roadmap(consultant, activist):
    organisation = OrganisationFactory(name="Лесная страна")
    Membership.objects.create(organisation=organisation, user=activist, role="leader")
    roadmap = Roadmap.objects.create(
        organisation=organisation, consultant=consultant, title="Путь к НКО"
    )
    Milestone.objects.create(
        roadmap=roadmap, title="Устав", owner="Анна", due_on=date(2026, 12, 15)
    )
    return roadmap


def test_the_team_adds_a_milestone_and_changes_a_status(client, roadmap, activist):
    client.force_login(activist)
    url = reverse("consulting:roadmap", args=[roadmap.pk])

    client.post(
        url, {"title": "Регистрация", "owner": "Иван", "due_on": "2027-02-01", "status": "planned"}
    )
    milestone = roadmap.milestones.get(title="Устав")
    client.post(url, {"milestone": milestone.pk, "status": "done"})

    assert roadmap.milestones.count() == 2
    milestone.refresh_from_db()
    assert milestone.status == "done" and milestone.updated_by == activist


def test_the_administration_reads_a_roadmap_without_changing_it(client, roadmap, make_user):
    head = make_user(Role.ADMINISTRATION)
    Authenticator.objects.create(user=head, type=Authenticator.Type.TOTP, data={})
    client.force_login(head)
    url = reverse("consulting:roadmap", args=[roadmap.pk])

    html = client.get(url).content.decode()
    assert "Устав" in html and "<form" not in html.split("<main")[1].split("</main>")[0]

    milestone = roadmap.milestones.get()
    assert client.post(url, {"milestone": milestone.pk, "status": "done"}).status_code == 403
    milestone.refresh_from_db()
    assert milestone.status != "done"
