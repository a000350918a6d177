"""The Python and PostgreSQL spellings of the duplicate keys agree."""

import pytest

from initiatives.models import Organisation, OrganisationLink
from initiatives.names import normalise_name, normalise_url
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

NAMES = [
    "КБР Творческий кластер",
    "КБР.Творческий кластер",
    "«Зелёная Пенза»",
    "Движение «ЮНА» - Пенза",
    "  Я люблю кВН! (Пензенское отделение) ",
    "Jazz May 2013",
]
URLS = [
    "https://www.vk.com/Club40605013/",
    "http://vk.com/club40605013",
    "https://m.vk.com/club40605013?from=search#top",
    "https://www.facebook.com/groups/intelpark/",
]


def test_name_keys_match_in_python_and_sql():
    for index, name in enumerate(NAMES):
        OrganisationFactory(name=name, slug=f"name-{index}")
    in_sql = dict(Organisation.objects.values_list("name", "name_key"))
    assert {name: normalise_name(name) for name in NAMES} == in_sql
    assert normalise_name("КБР Творческий кластер") == normalise_name("КБР.Творческий кластер")
    assert normalise_name("«Зелёная Пенза»") == "зеленая пенза"


def test_url_keys_match_in_python_and_sql():
    organisation = OrganisationFactory()
    for url in URLS:
        OrganisationLink.objects.create(organisation=organisation, url=url)
    in_sql = dict(OrganisationLink.objects.values_list("url", "url_key"))
    assert {url: normalise_url(url) for url in URLS} == in_sql
    assert len({normalise_url(url) for url in URLS[:3]}) == 1
