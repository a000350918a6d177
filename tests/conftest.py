import os

import pytest

from accounts.roles import Role
from accounts.services import user_set_roles

from .factories import UserFactory

# Chromium from Debian; Playwright's own browser downloads are not possible here.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _clear_cache():
    """The cache is a real Redis shared by the tests: start each test with it empty, so that
    allauth's rate limits of one test do not leak into the next."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded and generated files of a test go to a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def make_user(db):
    def make(*roles: str, **fields):
        user = UserFactory(**fields)
        if roles:
            user_set_roles(user=user, roles=list(roles))
        return user

    return make


@pytest.fixture
def activist(make_user):
    return make_user(Role.ACTIVIST)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
