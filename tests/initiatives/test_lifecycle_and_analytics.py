from datetime import date, datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from initiatives import analytics
from initiatives.models import Organisation, StatusChange
from initiatives.services import lifecycle
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _at(year, month, day):
    return datetime(year, month, day, 12, tzinfo=timezone.get_current_timezone())


def _publish(name, when, status="active"):
    organisation = OrganisationFactory(name=name, published_at=when, status=status)
    StatusChange.objects.create(organisation=organisation, to_status=status, changed_at=when)
    return organisation


def test_relations_are_checked():
    group = OrganisationFactory(kind="initiative_group")
    community = OrganisationFactory(kind="community")
    coalition = OrganisationFactory(kind="coalition", name="Зелёная коалиция")

    with pytest.raises(ValidationError, match="коалицией"):
        lifecycle.relation_add(
            organisation=group,
            kind="joined_coalition",
            other=community,
            occurred_on=date(2026, 1, 1),
        )
    with pytest.raises(ValidationError, match="НКО"):
        lifecycle.relation_add(
            organisation=group,
            kind="registered_as_ngo",
            other=community,
            occurred_on=date(2026, 1, 1),
        )
    lifecycle.relation_add(
        organisation=group, kind="joined_coalition", other=coalition, occurred_on=date(2026, 2, 1)
    )
    with pytest.raises(ValidationError):
        lifecycle.relation_add(
            organisation=group, kind="split_from", other=group, occurred_on=date(2026, 1, 1)
        )


def test_profile_shows_the_timeline_both_ways(client):
    parent = OrganisationFactory(name="Арт Суббота")
    child = OrganisationFactory(name="Hand-made Пенза")
    ngo = OrganisationFactory(name="АНО «Арт Суббота»", kind="ngo")
    lifecycle.relation_add(
        organisation=child, kind="split_from", other=parent, occurred_on=date(2024, 3, 1)
    )
    lifecycle.relation_add(
        organisation=parent, kind="registered_as_ngo", other=ngo, occurred_on=date(2025, 6, 1)
    )
    lifecycle.grant_add(
        organisation=parent,
        funder="Фонд президентских грантов",
        amount=Decimal("480000"),
        year=2025,
    )
    lifecycle.partnership_add(
        organisation=parent,
        partner_name="ТРК «Зеленогорск»",
        partner_type="media",
        signed_on=date(2025, 9, 1),
    )

    html = client.get(reverse("initiatives:profile", args=[parent.slug])).content.decode()

    assert "Отделилась:" in html and "Hand-made Пенза" in html
    assert "Зарегистрировалась как НКО" in html and "АНО «Арт Суббота»" in html
    assert "Фонд президентских грантов" in html and "480\xa0000" in html
    assert "ТРК «Зеленогорск»" in html
    assert html.index("ТРК «Зеленогорск»") < html.index(
        "Фонд президентских грантов"
    )  # newest first


def test_history_page_is_for_editors_and_moderators(client, activist, coordinator):
    organisation = OrganisationFactory()
    client.force_login(activist)
    assert client.get(reverse("initiatives:history", args=[organisation.slug])).status_code == 403

    client.force_login(coordinator)
    response = client.post(
        reverse("initiatives:history", args=[organisation.slug]),
        {
            "kind_of_entry": "grant",
            "grant-funder": "Фонд",
            "grant-amount": "не число",
            "grant-year": "2025",
        },
    )
    assert "Введите число." in response.content.decode()
    client.post(
        reverse("initiatives:history", args=[organisation.slug]),
        {"kind_of_entry": "status", "status-status": "closed", "status-reason": "Лидер уехал"},
    )
    organisation.refresh_from_db()
    assert organisation.status == "closed"
    assert organisation.status_changes.last().reason == "Лидер уехал"


def test_status_and_kind_counts():
    OrganisationFactory(kind="ngo", status="active")
    OrganisationFactory(kind="ngo", status="dormant")
    OrganisationFactory(kind="community", status="active")
    OrganisationFactory(kind="community", status="active", moderation="draft", published_at=None)

    counts = analytics.status_kind_counts()

    assert counts["ngo"] == {"idea": 0, "active": 1, "dormant": 1, "closed": 0}
    assert counts["community"]["active"] == 1


def test_cohort_survival_follows_the_dated_history():
    # Three records published in Q1 2025; one falls asleep in Q2, one closes in Q4.
    a = _publish("А", _at(2025, 1, 15))
    b = _publish("Б", _at(2025, 2, 10))
    _publish("В", _at(2025, 3, 20))
    with time_machine.travel(_at(2025, 5, 5), tick=False):
        lifecycle.status_set(organisation=a, status="dormant")
    with time_machine.travel(_at(2025, 11, 1), tick=False):
        lifecycle.status_set(organisation=b, status="closed")
    # And one in Q3 2025, still alive.
    _publish("Г", _at(2025, 8, 1))

    rows = analytics.cohort_survival(now=_at(2026, 5, 1))

    assert [(row.quarter, row.size) for row in rows] == [
        (date(2025, 1, 1), 3),
        (date(2025, 7, 1), 1),
    ]
    q1 = rows[0].surviving
    assert q1[1] == pytest.approx(2 / 3, abs=1e-4)  # end of Q2 2025: A is dormant
    assert q1[2] == pytest.approx(2 / 3, abs=1e-4)  # end of Q3 2025
    assert q1[4] == pytest.approx(1 / 3, abs=1e-4)  # end of Q1 2026: B closed too
    q3 = rows[1].surviving
    assert q3[1] == 1.0 and q3[2] == 1.0 and q3[4] is None  # not reached yet


def test_registry_indicators_for_a_quarter():
    early = _publish("Старая", _at(2024, 6, 1))
    _publish("Новая", _at(2026, 2, 1))
    group = _publish("Группа", _at(2026, 1, 20))
    ngo = _publish("НКО", _at(2026, 3, 1))
    ngo.kind = Organisation.Kind.NGO
    ngo.save()
    lifecycle.relation_add(
        organisation=group, kind="registered_as_ngo", other=ngo, occurred_on=date(2026, 3, 1)
    )
    lifecycle.grant_add(
        organisation=group,
        funder="Фонд",
        amount=Decimal("100000"),
        year=2026,
        awarded_on=date(2026, 2, 2),
    )
    lifecycle.grant_add(organisation=early, funder="Край", amount=Decimal("50000"), year=2025)
    lifecycle.partnership_add(
        organisation=group,
        partner_name="Школа №1",
        partner_type="municipal",
        signed_on=date(2026, 3, 30),
    )
    with time_machine.travel(_at(2026, 3, 10), tick=False):
        lifecycle.status_set(organisation=early, status="dormant")

    figures = analytics.registry_indicators(date(2026, 1, 1), date(2026, 3, 31))

    assert figures["new"] == 3
    assert figures["registered_as_ngo"] == 1
    assert figures["grants_won"] == 1 and figures["grants_amount"] == Decimal("100000")
    assert figures["partnerships"] == 1
    assert figures["status_at_end"] == {"idea": 0, "active": 3, "dormant": 1, "closed": 0}
    assert analytics.registry_indicators(date(2025, 1, 1), date(2025, 12, 31))["grants_won"] == 1


def test_analytics_page_draws_the_chart_for_staff_only(client, activist, coordinator):
    _publish("А", _at(2025, 1, 15))
    client.force_login(activist)
    assert client.get(reverse("initiatives:analytics")).status_code == 403

    client.force_login(coordinator)
    html = client.get(reverse("initiatives:analytics")).content.decode()
    assert "<svg" in html and "<rect" in html
    assert "Выживаемость когорт" in html


def test_the_other_record_of_a_split_is_found_by_name_and_never_the_record_itself(
    client, coordinator
):
    organisation = OrganisationFactory(name="Арт Суббота")
    other = OrganisationFactory(name="Арт-мастерская «Суббота»")
    OrganisationFactory.create_batch(20)
    client.force_login(coordinator)
    url = reverse("initiatives:history", args=[organisation.slug])
    relation = {
        "kind_of_entry": "relation",
        "relation-kind": "split_from",
        "relation-occurred_on": "2025-03-01",
    }

    page = client.get(url).content.decode()
    assert "Арт-мастерская" not in page  # no list of every record

    found = client.post(url, {**relation, "relation-other_search": "Суббота", "find": "other"})
    html = found.content.decode()
    assert f'value="{other.pk}"' in html and f'value="{organisation.pk}"' not in html
    assert "Найдена 1 инициатива" in html

    own = client.post(url, {**relation, "relation-other": organisation.pk}).content.decode()
    assert "Выберите корректный вариант" in own

    client.post(url, {**relation, "relation-other": other.pk})
    assert organisation.relations.get().other == other
