import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _names(client, **params):
    response = client.get(reverse("initiatives:catalogue"), params)
    return [organisation.name for organisation in response.context["organisations"]]


def test_russian_search_finds_other_forms_of_the_word(client):
    OrganisationFactory(name="Экологическое движение «Зелёная Пенза»")
    OrganisationFactory(name="Клуб любителей джаза")

    assert _names(client, q="экология") == ["Экологическое движение «Зелёная Пенза»"]
    assert _names(client, q="экологические движения") == ["Экологическое движение «Зелёная Пенза»"]
    assert _names(client, q="Пензы") == ["Экологическое движение «Зелёная Пенза»"]


def test_search_looks_into_descriptions_and_ranks_names_first(client):
    OrganisationFactory(name="Клуб «Старт»", short_description="Помогаем бездомным животным")
    OrganisationFactory(name="Животные Пензы", short_description="Волонтёры")

    assert _names(client, q="животные") == ["Животные Пензы", "Клуб «Старт»"]


def test_search_ignores_punctuation_and_finds_nothing_for_nonsense(client):
    OrganisationFactory(name="Танцы на обочине")

    assert _names(client, q="танцы & | ! :*") == ["Танцы на обочине"]
    assert _names(client, q="кваказябра") == []


def test_matches_ranked_alike_are_listed_by_name(client):
    for name in ["Яблоневый сад", "Вишнёвый сад", "Грушевый сад"]:
        OrganisationFactory(name=name, short_description="Соседский огород")

    assert _names(client, q="огород") == ["Вишнёвый сад", "Грушевый сад", "Яблоневый сад"]
