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
