"""Every URL refuses a POST without a CSRF token (Django's middleware answers 403 before any
view runs), for a signed-in member of staff who could otherwise change things."""

import pytest
from django.test import Client
from django.urls import reverse

from .routes import kwargs_for, named_routes

pytestmark = pytest.mark.django_db


def test_no_url_accepts_a_post_without_a_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["users"]["staff"])
    accepted = {}
    for name in named_routes():
        url = reverse(name, kwargs=kwargs_for(name, world))
        status = client.post(url, {"anything": "1"}).status_code
        # The read API's operations are exempt from CSRF (django-ninja) and take no POST.
        refused = (403, 405) if name.startswith("api:") else (403,)
        if name in ("follows:unsubscribe", "accounts:newsletter_unsubscribe"):
            # One-click unsubscribe (RFC 8058): a mail client POSTs without a page, so no
            # CSRF token; the signed token of the address is the proof.
            assert status == 200
            continue
        if status not in refused:
            accepted[name] = status
    assert accepted == {}
