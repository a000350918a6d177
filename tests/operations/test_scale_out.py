"""Two web servers on loopback share one PostgreSQL, one Redis and one media storage, as two
machines behind a load balancer would: a visitor who signs in on one is signed in on the
other, and a file uploaded through one is served by the other."""

import io
import os

import pytest
from django.conf import settings
from django.urls import reverse
from PIL import Image

from accounts.roles import Role
from initiatives.models import Membership
from initiatives.models import Role as TeamRole
from tests.factories import OrganisationFactory
from tests.processes import current_database_url, start_gunicorn

PASSWORD = "correct-horse-battery"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_servers(reference_data):
    """Two gunicorn processes with the same settings, database, Redis and MEDIA_ROOT."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "civiccenter.settings.test",
        "DATABASE_URL": current_database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    servers, processes = [], []
    try:
        for _ in range(2):
            url, process = start_gunicorn(env)
            servers.append(url)
            processes.append(process)
        yield servers
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "#1d6b35").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_session_and_an_upload_move_between_servers(two_servers, browser, make_user):
    first, second = two_servers
    activist = make_user(Role.ACTIVIST, email="anna@example.org")
    organisation = OrganisationFactory(moderation="draft", published_at=None, created_by=activist)
    Membership.objects.create(organisation=organisation, user=activist, role=TeamRole.LEADER)
    # Cookies belong to the host, not the port: one browser context is one visitor whose
    # requests a load balancer sends to either server.
    context = browser.new_context(locale="ru-RU")
    page = context.new_page()
    try:
        page.goto(f"{first}/accounts/login/")
        page.get_by_label("Адрес электронной почты").fill("anna@example.org")
        page.get_by_label("Пароль").first.fill(PASSWORD)
        page.get_by_role("button", name="Войти").click()
        page.wait_for_url(f"{first}/accounts/profile/")

        page.goto(f"{second}/accounts/profile/")
        assert page.url == f"{second}/accounts/profile/"
        assert "anna@example.org" in page.content()

        edit = reverse("initiatives:edit", args=[organisation.slug, "about"])
        page.goto(f"{first}{edit}")
        token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
        logo = _png()
        response = context.request.post(
            f"{first}{edit}",
            multipart={
                "csrfmiddlewaretoken": token,
                "kind": "initiative_group",
                "name": "Зелёный двор",
                "short_description": "Благоустраиваем дворы Ленинского района",
                "description": "Клумбы, скамейки, субботники.",
                "status": "active",
                "founded_on": "2025-04-01",
                "action": "next",
                "logo": {"name": "logo.png", "mimeType": "image/png", "buffer": logo},
            },
            headers={"Referer": f"{first}{edit}"},
            max_redirects=0,
        )
        assert response.status == 302, (response.status, response.headers)
        organisation.refresh_from_db()
        assert organisation.logo.name.startswith("logos/")

        served = context.request.get(f"{second}/media/{organisation.logo.name}")
        assert served.status == 200
        assert served.body() == logo
    finally:
        context.close()
