import pytest
from django.urls import reverse

from civiccenter.kernel.templatetags.portal import as_version
from tests.factories import EventFactory, OrganisationFactory, OrganisationLinkFactory

pytestmark = pytest.mark.django_db


def _fill(size: int):
    for organisation in OrganisationFactory.create_batch(size):
        OrganisationLinkFactory(organisation=organisation)
    EventFactory.create_batch(size)


def test_home_page_is_russian_and_shows_the_registry(client):
    OrganisationFactory(name="Лесная страна Пенза", members_count=306)
    EventFactory(title="Гражданский форум «Диалог»")

    html = client.get(reverse("home")).content.decode()

    assert '<html lang="ru">' in html
    assert "Чем занимается центр" in html
    assert "Лесная страна Пенза" in html and "306 участников" in html
    assert "Гражданский форум «Диалог»" in html
    assert "40 часов" in html and "250 часов" in html


def test_browser_language_does_not_override_russian(client):
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()

    assert '<html lang="ru">' in html


@pytest.mark.parametrize("size", [1, 50])
def test_home_page_runs_a_constant_number_of_queries(
    client, activist, django_assert_num_queries, size
):
    _fill(size)
    # the quarter's targets, registry aggregate, events, communities, their links (prefetch),
    # topics, programmes
    with django_assert_num_queries(7):
        assert client.get(reverse("home")).status_code == 200
    # An anonymous visitor's next view is the page kept in the cache: no query at all.
    with django_assert_num_queries(0):
        assert client.get(reverse("home"))["X-Page-Cache"] == "hit"
    # A signed-in person gets a page made for them; the registry's figures are computed once
    # per change of the registry, not per view (the session and the user are the other two).
    client.force_login(activist)
    client.get(reverse("home"))
    with django_assert_num_queries(8):
        response = client.get(reverse("home"))
    assert "X-Page-Cache" not in response


def test_the_registry_figures_follow_a_change_of_the_registry(
    client, django_capture_on_commit_callbacks
):
    OrganisationFactory(members_count=10)
    assert '<span class="figure">10</span>' in client.get(reverse("home")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        OrganisationFactory(members_count=5)

    assert '<span class="figure">15</span>' in client.get(reverse("home")).content.decode()


def test_privacy_policy_exists_in_both_languages(client, settings):
    html = client.get(reverse("privacy")).content.decode()
    assert "Политика обработки персональных данных" in html
    # The version is a date, printed as people read one («25 ноября 2026»).
    assert f"Редакция {as_version(settings.PERSONAL_DATA_POLICY_VERSION)}" in html

    client.post(reverse("set_language"), {"language": "en", "next": "/privacy/"})
    assert "Personal data processing policy" in client.get(reverse("privacy")).content.decode()


def test_unknown_pages_answer_in_russian(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()
