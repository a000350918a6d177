"""Every link a page shows a person opens for that person: starting from the main pages, each
role follows every link on the pages it can see (GET only, within the portal) and none of
them answers 403, 404 or 500. A link to a page the person may not use is a dead end at best
and a leak of what exists at worst (found: the business game's «Teams» was shown to
consultants and trainers, who may check people in but not form teams)."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

START = ["/", "/initiatives/", "/events/", "/training/", "/consulting/", "/accounts/profile/"]
NOT_FOLLOWED = ("/static/", "/media/", "/admin/", "/i18n/", "/accounts/logout/")
FILES = (".pdf", ".xlsx", ".csv", ".ics", ".json", ".svg")
MOST_PAGES = 250
LINK = re.compile(r'href="(/[^"#]*)"')


def _links(html: str) -> list[str]:
    links = []
    for href in LINK.findall(html):
        href = href.replace("&amp;", "&")
        if href.startswith(NOT_FOLLOWED) or href.split("?")[0].endswith(FILES):
            continue
        links.append(href)
    return links


def _walk(client: Client) -> tuple[dict[str, tuple[int, str]], set[str]]:
    """The links that fail, as {url: (status, the page that links to it)}, and every URL
    visited."""
    seen, queue, dead = set(), [(url, "start") for url in START], {}
    while queue and len(seen) < MOST_PAGES:
        url, source = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (403, 404) or response.status_code >= 500:
            dead[url] = (response.status_code, source)
        elif response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            queue += [(link, url) for link in _links(response.content.decode()) if link not in seen]
    return dead, seen


@pytest.mark.parametrize(
    "role",
    ["anonymous", "activist", "other_activist", "staff", "administration", "consultant", "trainer"],
)
def test_no_page_links_to_a_page_its_reader_cannot_open(role, world, make_user):
    EventFactory(kind="business_game", title="Деловая игра «Бюджет»", slug="igra")
    user = world["users"].get(role)
    if role in ("consultant", "trainer"):
        user = make_user(role)
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)

    dead, visited = _walk(client)

    assert dead == {}
    assert len(visited) > 25  # the walk went through the portal, not just the start pages
    if role == "staff":  # the coordinator's work pages are reached from the desk
        for page in (
            "/desk/",
            "/desk/targets/",
            "/events/manage/",
            "/training/manage/",
            "/consulting/manage/",
            "/consulting/councils/",
        ):
            assert page in visited, page
