"""Practice passports are published after a coordinator approves them, like registry records,
and activists write them only for initiatives they belong to."""

import pytest
from django.core import mail
from django.urls import reverse

from initiatives.models import Membership
from portal.models import PracticePassport
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(activist):
    organisation = OrganisationFactory(name="Зелёный двор")
    Membership.objects.create(organisation=organisation, user=activist, role="leader")
    return organisation


def _create(client, **fields):
    return client.post(reverse("passports:create"), {"title": "Двор без машин", **fields})


def test_an_activist_writes_a_passport_only_for_an_initiative_of_theirs(client, activist, team):
    stranger = OrganisationFactory(name="Чужое сообщество")
    client.force_login(activist)

    without = _create(client)
    foreign = _create(client, organisation=stranger.pk)
    own = _create(client, organisation=team.pk)

    assert "Выберите инициативу, практику которой описывает паспорт." in without.content.decode()
    assert foreign.status_code == 200  # not among the choices of the form
    assert own.status_code == 302
    assert list(PracticePassport.objects.values_list("organisation", "status")) == [
        (team.pk, "draft")
    ]


def test_an_activist_cannot_publish_and_a_coordinator_approves(
    client, activist, team, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(activist)
    _create(client, organisation=team.pk)
    passport = PracticePassport.objects.get()
    action = lambda name: reverse("passports:action", args=[passport.pk, name])  # noqa: E731

    assert client.post(action("publish")).status_code == 403
    assert client.post(action("approve")).status_code == 403
    client.post(action("submit"))
    passport.refresh_from_db()
    assert passport.status == "pending"
    client.logout()
    assert client.get(reverse("passports:detail", args=[passport.pk])).status_code == 404

    client.force_login(coordinator)
    page = client.get(reverse("passports:detail", args=[passport.pk])).content.decode()
    assert "Одобрить и опубликовать" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action("approve"))

    passport.refresh_from_db()
    assert (passport.status, passport.approved_by) == ("published", coordinator)
    assert mail.outbox[-1].to == [activist.email]
    assert "опубликован" in mail.outbox[-1].subject
    client.logout()
    assert client.get(reverse("passports:detail", args=[passport.pk])).status_code == 200


def test_a_returned_passport_tells_its_author_why_and_can_be_sent_again(
    client, activist, team, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(activist)
    _create(client, organisation=team.pk)
    passport = PracticePassport.objects.get()
    client.post(reverse("passports:action", args=[passport.pk, "submit"]))
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("passports:action", args=[passport.pk, "return"]),
            {"reason": "Добавьте таблицу расходов."},
        )

    passport.refresh_from_db()
    assert passport.status == "returned"
    assert "Добавьте таблицу расходов." in mail.outbox[-1].body
    client.force_login(activist)
    page = client.get(reverse("passports:detail", args=[passport.pk])).content.decode()
    assert "Добавьте таблицу расходов." in page and "Отправить на утверждение" in page
    client.post(reverse("passports:action", args=[passport.pk, "submit"]))
    passport.refresh_from_db()
    assert passport.status == "pending"


def test_a_published_passport_changed_by_its_team_waits_for_approval_again(
    client, activist, team, coordinator
):
    from portal.services import passports

    passport = passports.passport_save(
        author=activist, fields={"title": "Двор без машин", "organisation": team}, tables={}
    )
    passports.passport_publish(passport=passport, user=coordinator)
    client.force_login(activist)

    client.post(
        reverse("passports:edit", args=[passport.pk]),
        {"title": "Двор без машин", "organisation": team.pk, "territory": "Пермь"},
    )

    passport.refresh_from_db()
    assert (passport.status, passport.territory) == ("pending", "Пермь")
