"""Consulting pages that used to need the Django admin: a consultant holds an expert council
and keeps a roadmap; a coordinator keeps the topics catalogue and the consultants with their
specialisations. Each write in the audit trail; lists in constant queries."""

from datetime import date

import pytest
from allauth.mfa.models import Authenticator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from civiccenter.kernel import audit
from consulting.models import Consultant, ConsultingTopic, ExpertCouncil, Roadmap
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_user):
    user = make_user(Role.COORDINATOR)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


def test_a_consultant_holds_an_expert_council(client, consultant):
    client.force_login(consultant.user)
    organisation = OrganisationFactory(name="Двор без машин")
    url = reverse("consulting:council_create")

    found = client.post(url, {"organisation_search": "Двор", "find": "organisation"})
    assert "Двор без машин" in found.content.decode()
    response = client.post(
        url,
        {
            "organisation": str(organisation.pk),
            "held_on": "2026-11-20",
            "experts": [str(consultant.user.pk)],
            "external_experts": "Е. Петрова, Гражданская палата",
            "conclusion": "Проект реализуем; нужен партнёр среди ТОС.",
        },
    )

    council = ExpertCouncil.objects.get()
    assert response.url == reverse("consulting:councils")
    assert (council.organisation, council.held_on) == (organisation, date(2026, 11, 20))
    assert list(council.experts.all()) == [consultant.user]
    assert audit.history(council)[0].action == "created"


def test_a_council_without_an_initiative_keeps_what_was_typed(client, consultant):
    client.force_login(consultant.user)
    page = client.post(
        reverse("consulting:council_create"),
        {"held_on": "2026-11-20", "conclusion": "Нужен партнёр"},
    ).content.decode()
    assert "Обязательное поле." in page and "Нужен партнёр" in page
    assert not ExpertCouncil.objects.exists()


def test_a_consultant_starts_a_roadmap_and_adds_a_milestone(client, consultant):
    client.force_login(consultant.user)
    organisation = OrganisationFactory()
    response = client.post(
        reverse("consulting:roadmap_create"),
        {
            "organisation": str(organisation.pk),
            "consultant": str(consultant.pk),
            "title": "Запуск ТОС",
        },
    )
    roadmap = Roadmap.objects.get()
    assert response.url == reverse("consulting:roadmap", args=[roadmap.pk])
    client.post(
        response.url,
        {
            "title": "Собрание жителей",
            "owner": "Инициативная группа",
            "due_on": "2027-02-01",
            "status": "planned",
        },
    )
    assert roadmap.milestones.get().title == "Собрание жителей"


def test_the_coordinator_keeps_topics_and_consultants(client, coordinator, make_user):
    client.force_login(coordinator)
    client.post(
        reverse("consulting:topic_create"),
        {"name": "Фандрайзинг", "position": "3", "individual": "on", "is_active": "on"},
    )
    topic = ConsultingTopic.objects.get(name="Фандрайзинг")
    expert = make_user(Role.CONSULTANT, last_name="Орлова", first_name="Анна")
    client.post(
        reverse("consulting:consultant_create"),
        {"user": str(expert.pk), "bio": "НКО", "topics": [str(topic.pk)], "is_active": "on"},
    )
    consultant = Consultant.objects.get(user=expert)
    assert list(consultant.topics.all()) == [topic]
    assert audit.history(consultant)[0].changes["topics"] == [None, ["Фандрайзинг"]]


def test_a_consultant_may_not_change_the_catalogue(client, consultant, topic):
    client.force_login(consultant.user)
    assert client.get(reverse("consulting:manage")).status_code == 403
    assert client.post(reverse("consulting:topic_edit", args=[topic.pk])).status_code == 403


def test_the_catalogue_page_takes_the_same_queries_for_more_consultants(
    client, coordinator, make_user, topic
):
    client.force_login(coordinator)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("consulting:manage")).status_code == 200
        return len(captured)

    Consultant.objects.create(user=make_user(Role.CONSULTANT)).topics.add(topic)
    few = queries()
    for _ in range(5):
        Consultant.objects.create(user=make_user(Role.CONSULTANT)).topics.add(topic)
    assert queries() == few
