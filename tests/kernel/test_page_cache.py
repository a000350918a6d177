"""Anonymous visitors get the home page, the catalogue, the calendar and an event's page from
the cache until what the page is made of changes; nobody gets a page made for somebody else."""

import re
from datetime import timedelta

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.models import Registration
from tests.factories import EventFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

HIT = "X-Page-Cache"


def test_the_catalogue_is_kept_until_the_registry_changes(
    client, django_capture_on_commit_callbacks
):
    OrganisationFactory(name="Лесная страна")
    url = reverse("initiatives:catalogue")
    assert HIT not in client.get(url)
    assert client.get(url)[HIT] == "hit"
    # another address (a search) is another page
    assert HIT not in client.get(url, {"q": "лес"})

    with django_capture_on_commit_callbacks(execute=True):
        OrganisationFactory(name="Городские сады")

    fresh = client.get(url)
    assert HIT not in fresh and "Городские сады" in fresh.content.decode()


def test_an_event_page_shows_a_new_registration_at_once(
    client, make_user, django_capture_on_commit_callbacks
):
    start = timezone.now() + timedelta(days=5)
    event = EventFactory(capacity=10, starts_at=start, ends_at=start + timedelta(hours=2))
    url = reverse("events:event", args=[event.slug])
    client.get(url)
    assert client.get(url)[HIT] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        Registration.objects.create(event=event, user=make_user(), status="registered")

    assert HIT not in client.get(url)


def test_a_signed_in_person_never_gets_the_cached_page(client, activist):
    url = reverse("home")
    Client().get(url)  # an anonymous visitor fills the cache
    client.force_login(activist)
    response = client.get(url)
    assert HIT not in response
    assert "Выйти" in response.content.decode()  # the signed-in header, not the cached one


def test_each_visitor_gets_their_own_csrf_token_in_the_cached_page():
    url = reverse("home")
    Client(enforce_csrf_checks=True).get(url)
    second = Client(enforce_csrf_checks=True)
    page = second.get(url)
    assert page[HIT] == "hit"
    html = page.content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert "csrf_token_of_the_visitor" not in html

    switched = second.post(
        reverse("set_language"), {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )

    assert switched.status_code == 302  # not 403: the token is the second visitor's own


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client):
    url = reverse("home")
    client.get(url)
    assert client.get(url)[HIT] == "hit"
    message = Message(constants.SUCCESS, "Вы вышли из портала.")
    client.cookies["messages"] = CookieStorage(HttpRequest())._encode([message])

    page = client.get(url)

    assert HIT not in page
    assert "Вы вышли из портала." in page.content.decode()


def test_a_page_from_the_cache_keeps_the_security_headers_and_a_csrf_cookie(client):
    """The cached page is served ahead of authentication and messages, not ahead of the
    security, CSP, CSRF and frame-options middleware."""
    url = reverse("initiatives:catalogue")
    made = client.get(url)
    visitor = Client(enforce_csrf_checks=True)
    served = visitor.get(url)
    assert served[HIT] == "hit"
    for header in ("X-Frame-Options", "Content-Security-Policy", "Content-Language", "Vary"):
        assert served[header] == made[header]
    assert "csrftoken" in served.cookies
    html = served.content.decode()
    assert "__csrf_token_of_the_visitor__" not in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    switched = visitor.post(
        reverse("set_language"), {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert switched.status_code == 302  # the visitor's own token, accepted
