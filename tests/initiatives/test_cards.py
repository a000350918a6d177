"""The catalogue's result cards come from the cache until the registry changes: a searched
page whose cards are all cached reads no record from PostgreSQL, and an edit shows at once."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatives.models import District, Topic
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

URL = reverse("initiatives:catalogue")


def _searched(client, **params) -> tuple[str, list[str]]:
    client.cookies["messages"] = "x"  # a page made for this visitor, not the page cache
    with CaptureQueriesContext(connection) as captured:
        html = client.get(URL, {"q": "двор", **params}).content.decode()
    return html, [query["sql"] for query in captured]


def _results(html: str) -> str:
    return html[html.index('id="results-title"') : html.index("</ul>", html.index("results"))]


def _reads_records(queries: list[str]) -> bool:
    """A query of the records' columns (the page's rows), not only the ranking of their keys."""
    return any('"initiatives_organisation"."short_description"' in sql for sql in queries)


def test_cached_cards_are_not_read_again(client):
    culture = Topic.objects.get(name="Культура")
    for number in range(3):
        OrganisationFactory(name=f"Двор {number}").topics.add(culture)

    first, first_queries = _searched(client)
    again, queries = _searched(client)

    assert _reads_records(first_queries) and not _reads_records(queries)
    assert len(queries) < len(first_queries)
    assert _results(again) == _results(first)
    assert again.count('class="result"') == 3 and "Культура" in again


def test_only_the_cards_not_cached_are_read(client):
    OrganisationFactory(name="Двор на Пушкина")
    _searched(client, status="active")  # one card cached
    OrganisationFactory(name="Двор на Лермонтова", status="idea")
    # a new record bumps the registry's version after its commit; here the test's
    # transaction never commits, so both pages share a version and one card is new
    html, queries = _searched(client)
    assert "Двор на Пушкина" in html and "Двор на Лермонтова" in html
    reads = [sql for sql in queries if '"initiatives_organisation"."short_description"' in sql]
    assert len(reads) == 1


def test_an_edit_shows_on_the_card_at_once(client, django_capture_on_commit_callbacks):
    record = OrganisationFactory(name="Двор на Пушкина", short_description="Субботники")
    assert "Субботники" in _searched(client)[0]

    with django_capture_on_commit_callbacks(execute=True):
        record.short_description = "Дворовые праздники"
        record.save()

    html = _searched(client)[0]
    assert "Дворовые праздники" in html and "Субботники" not in html


def test_a_card_is_kept_per_language(client):
    OrganisationFactory(name="Двор на Пушкина", kind="community", status="active")
    assert '<p class="muted">Городское сообщество' in _searched(client)[0]
    client.cookies["django_language"] = "en"
    english = _searched(client)[0]
    assert '<p class="muted">City community' in english
    assert '<p class="muted">Городское сообщество' not in english


def _card_of(html: str, name: str) -> str:
    start = html.rindex('<li class="result">', 0, html.index(name))
    return html[start : html.index("</li>", start) + len("</li>")]


def test_a_searched_card_is_the_card_a_sorted_page_lists(client):
    """A searched page writes its cards from a lean read of their facts, a sorted page from
    the rows it listed: the same card either way, escaped and with its address quoted."""
    district = District.objects.create(city="Пенза", name="Ленинский")
    record = OrganisationFactory(
        name='Двор «Ёлки» <b>&</b> "друзья"',
        slug="двор-ёлки",
        logo="logos/2026/11/club.png",
        short_description="Субботники <i>и</i> праздники",
        district=district,
        members_count=1234,
    )
    culture, ecology = Topic.objects.get(name="Культура"), Topic.objects.get(name="Экология")
    record.topics.add(culture, ecology)
    expected_tags = "".join(
        f'<span class="tag">{topic.name}</span>'
        for topic in sorted([culture, ecology], key=lambda topic: (topic.position, topic.name))
    )

    searched = _card_of(_searched(client)[0], "Двор «Ёлки»")
    cache.clear()
    client.cookies["messages"] = "x"
    listed = _card_of(client.get(URL, {"sort": "name"}).content.decode(), "Двор «Ёлки»")

    assert searched == listed
    assert "Двор «Ёлки» &lt;b&gt;&amp;&lt;/b&gt; &quot;друзья&quot;</a>" in searched
    assert f'href="{reverse("initiatives:profile", args=[record.slug])}"' in searched
    assert 'href="/initiatives/%D0%B4%D0%B2%D0%BE%D1%80-%D1%91%D0%BB%D0%BA%D0%B8/"' in searched
    assert 'src="/media/logos/2026/11/club.png"' in searched
    assert "Пенза, Ленинский · 1\xa0234 участника" in searched
    assert "<p>Субботники &lt;i&gt;и&lt;/i&gt; праздники</p>" in searched
    assert f'<p class="tags">{expected_tags}</p>' in searched


def test_an_english_card_names_its_topics_in_english(client):
    topic = Topic.objects.get(name="Культура")
    assert topic.name_en, "the seeded topics have English names"
    OrganisationFactory(name="Двор на Пушкина").topics.add(topic)
    client.cookies["django_language"] = "en"
    card = _card_of(_searched(client)[0], "Двор на Пушкина")
    assert f'<span class="tag">{topic.name_en}</span>' in card
