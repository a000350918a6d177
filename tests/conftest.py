import importlib
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator

from accounts.roles import Role
from accounts.services import user_set_roles
from civiccenter.celery import app

from .factories import UserFactory
from .processes import ROOT

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
def _clear_cache(request):
    """The cache is a real Redis shared by the tests: start each test with it empty, so that
    allauth's rate limits of one test do not leak into the next. Its PostgreSQL fallback is
    rolled back with each test's transaction; a test that commits empties it too."""
    from django.core.cache import caches

    caches["redis"].clear()
    marker = request.node.get_closest_marker("django_db")
    commits = "transactional_db" in request.fixturenames or "live_server" in request.fixturenames
    if commits or (marker is not None and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
        caches["database"].clear()
    yield


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded and generated files of a test, and its erasure journal, go to a folder of
    its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ERASURE_JOURNAL = str(tmp_path / "erasure-journal.jsonl")


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


@pytest.fixture
def coordinator(make_user):
    """A coordinator of the centre, with the authenticator staff must have."""
    user = make_user(Role.COORDINATOR, last_name="Кузнецов", first_name="Дмитрий")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def reference_data(transactional_db):
    """A transactional test empties the database when it ends (Django's flush recreates
    content types and permissions, not the rows of data migrations). Put back the roles and
    topics by running the data migrations' own functions."""
    from django.apps import apps

    importlib.import_module("accounts.migrations.0002_roles").assign_roles(apps)
    registry = importlib.import_module("initiatives.migrations.0002_topics_and_role_permissions")
    registry.seed_topics(apps)
    registry.assign_roles(apps)
    importlib.import_module("consulting.migrations.0003_role_permissions").assign_roles(apps)
    importlib.import_module("training.migrations.0003_role_permissions").assign_roles(apps)
    importlib.import_module("events.migrations.0003_role_permissions").assign_roles(apps)
    importlib.import_module(
        "events.migrations.0012_media_publications_logged_one_by_one"
    ).assign_roles(apps)
    importlib.import_module("civiccenter.kernel.migrations.0003_report_permissions").assign_roles(
        apps
    )
    importlib.import_module("portal.migrations.0002_role_permissions").assign_roles(apps)
    importlib.import_module(
        "portal.migrations.0004_administration_sees_figures_not_people"
    ).assign_roles(apps)
    importlib.import_module("portal.migrations.0007_newsletter_permissions").assign_roles(apps)


@pytest.fixture
def start_worker():
    """Starts a Celery worker process on a queue of its own (or on `queue`, to share it or to
    follow a killed worker); the test's tasks are sent to that queue. `log`: a file for the
    worker's output. Returns the worker's process."""
    processes = []
    saved = app.conf.task_always_eager, app.conf.task_default_queue

    def start(
        queue: str | None = None, *, log: Path | None = None, loglevel="WARNING", **env_overrides
    ) -> subprocess.Popen:
        queue = queue or f"test-{uuid.uuid4().hex[:8]}"
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "civiccenter.settings.test", **env_overrides}
        output = log.open("ab") if log else None
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "civiccenter",
                "worker",
                "--pool",
                "solo",
                "--queues",
                queue,
                "--loglevel",
                loglevel,
                "--hostname",
                f"{queue}-{len(processes) + 1}@%h",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT if output else None,
        )
        processes.append(process)
        app.conf.task_always_eager = False
        app.conf.task_default_queue = queue
        return process

    yield start
    app.conf.task_always_eager, app.conf.task_default_queue = saved
    for process in processes:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)
