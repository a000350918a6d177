"""Choosing initiatives in the consultation log and the grant reviews among thousands of
records (initiatives/picker.py): the page lists only the chosen ones, «Find» offers matches
without saving or losing what was typed."""

import pytest
from django.urls import reverse

from consulting.models import ConsultationLog, GrantReview
from tests.consulting.conftest import log_form_data
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(db):
    """Forty records, three of them about courtyards."""
    yards = [
        OrganisationFactory(name=name)
        for name in ("Зелёный двор", "Наш двор на Пушкина", "Дворовый футбол")
    ]
    others = OrganisationFactory.create_batch(37)
    return yards, others


def test_the_log_form_lists_no_records_until_one_is_chosen(client, clock, consultant, registry):
    client.force_login(consultant.user)

    html = client.get(reverse("consulting:log_create")).content.decode()

    yards, others = registry
    assert not any(record.name in html for record in yards + others)
    assert "Найти инициативу" in html and "Пока ничего не выбрано." in html


def test_find_offers_matches_and_keeps_the_form_without_saving(
    client, clock, consultant, topic, registry
):
    client.force_login(consultant.user)
    yards, others = registry

    response = client.post(
        reverse("consulting:log_create"),
        log_form_data(consultant, topic, organisations_search="двор", find="organisations"),
    )

    assert response.status_code == 200 and ConsultationLog.objects.count() == 0
    html = response.content.decode()
    # Within the picker: other selects of the form have values of their own, and any of
    # them may equal a record's key.
    picker = html.split('id="picker-organisations"')[1].split("</fieldset>")[0]
    assert all(f'value="{record.pk}"' in picker for record in yards)
    assert not any(f'value="{record.pk}"' in picker for record in others)
    assert "Найдено 3 инициативы" in html
    assert "Разобрали смету проекта" in html and 'value="1.5"' in html
    assert "errorlist" not in html  # an unfinished form is not scolded for a search
    assert "autofocus" in html

    saved = client.post(
        reverse("consulting:log_create"),
        log_form_data(consultant, topic, organisations=[yards[0].pk, yards[2].pk]),
    )

    assert saved.status_code == 302
    log = ConsultationLog.objects.get()
    assert set(log.organisations.all()) == {yards[0], yards[2]}


def test_chosen_records_stay_ticked_while_more_are_found(
    client, clock, consultant, topic, registry
):
    client.force_login(consultant.user)
    yards, others = registry

    html = client.post(
        reverse("consulting:log_create"),
        log_form_data(
            consultant,
            topic,
            organisations=[others[0].pk],
            organisations_search="Зелёный",
            find="organisations",
        ),
    ).content.decode()

    assert f'value="{others[0].pk}"' in html and f'value="{yards[0].pk}"' in html
    ticked = html.split(f'value="{others[0].pk}"')[1].split(">")[0]
    assert "checked" in ticked
    assert "checked" not in html.split(f'value="{yards[0].pk}"')[1].split(">")[0]


def test_nothing_found_is_said(client, clock, consultant, topic, registry):
    client.force_login(consultant.user)
    html = client.post(
        reverse("consulting:log_create"),
        log_form_data(consultant, topic, organisations_search="космодром", find="organisations"),
    ).content.decode()
    assert "Ничего не найдено по запросу «космодром»." in html


def test_editing_a_log_shows_its_records_ticked(client, clock, consultant, topic, registry):
    yards, _others = registry
    client.force_login(consultant.user)
    client.post(
        reverse("consulting:log_create"),
        log_form_data(consultant, topic, organisations=[yards[1].pk]),
    )
    log = ConsultationLog.objects.get()

    html = client.get(reverse("consulting:log_edit", args=[log.pk])).content.decode()

    assert (
        yards[1].name in html and "checked" in html.split(f'value="{yards[1].pk}"')[1].split(">")[0]
    )
    assert yards[0].name not in html


def test_the_grant_review_form_picks_one_record(client, registry, consultant):
    yards, _others = registry
    client.force_login(consultant.user)
    data = {
        "contest": "Фонд президентских грантов",
        "project_title": "Дворы",
        "requested_amount": "500000",
        "reviewed_on": "2026-11-20",
    }

    found = client.post(
        reverse("consulting:reviews"),
        {**data, "organisation_search": "Пушкина", "find": "organisation"},
    ).content.decode()
    assert 'type="radio"' in found and f'value="{yards[1].pk}"' in found
    assert GrantReview.objects.count() == 0

    saved = client.post(reverse("consulting:reviews"), {**data, "organisation": yards[1].pk})
    assert saved.status_code == 302
    assert GrantReview.objects.get().organisation == yards[1]
