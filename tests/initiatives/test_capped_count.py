"""The catalogue stops counting at 1,000 matches: «more than 1 000», pages up to the cap."""

import pytest
from django.urls import reverse

from civiccenter.kernel.pagination import CappedPaginator
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_counting_stops_at_the_cap(monkeypatch, client):
    monkeypatch.setattr(CappedPaginator, "cap", 5)
    OrganisationFactory.create_batch(7)

    html = client.get(reverse("initiatives:catalogue")).content.decode()

    assert "Найдено более 5 записей: уточните поиск или фильтры" in html


def test_below_the_cap_the_count_is_exact(monkeypatch, client):
    monkeypatch.setattr(CappedPaginator, "cap", 5)
    OrganisationFactory.create_batch(3)
    html = client.get(reverse("initiatives:catalogue")).content.decode()
    assert "Найдено 3 записи" in html


def test_the_capped_paginator_on_a_list():
    paginator = CappedPaginator(list(range(30)), 10)
    paginator.cap = 25
    assert (paginator.count, paginator.capped, paginator.num_pages) == (25, True, 3)


def test_a_search_past_the_cap_is_ranked_once_and_pages_read_by_key(monkeypatch, client):
    """A search's matches are ranked by one query (at most cap + 1 of them); the pager counts
    those keys and the page reads only its own rows, so the queries do not depend on the
    number of matches."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(CappedPaginator, "cap", 5)
    OrganisationFactory(name="Двор на Пушкина")
    OrganisationFactory.create_batch(7, short_description="Дворовое сообщество")
    url = reverse("initiatives:catalogue")

    def searched() -> tuple[str, int]:
        client.cookies["messages"] = "x"  # a page made for this visitor, not the page cache
        with CaptureQueriesContext(connection) as captured:
            html = client.get(url, {"q": "двор"}).content.decode()
        return html, len(captured)

    searched()  # the filter options' cache filled
    html, queries = searched()
    assert "Найдено более 5 записей" in html
    assert html.index("Двор на Пушкина") < html.index("Сообщество №")  # the name ranks first
    OrganisationFactory.create_batch(10, short_description="Дворовое сообщество")
    assert searched()[1] == queries
