"""Redis stopped and PostgreSQL stopped under a running gunicorn (not restarted: stopped).

With Redis gone, signed-in people keep working and can sign in (sessions and rate limits from
PostgreSQL), a letter written meanwhile waits in the outbox and goes out once Redis is back,
and readiness says what is missing. With PostgreSQL gone, pages answer a Russian 503, and the
liveness check still answers."""

import json
import os
import subprocess
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from civiccenter.kernel.mail import resend_stale_emails
from civiccenter.kernel.models import OutgoingEmail
from tests.factories import UserFactory
from tests.processes import Browser, current_database_url, free_port, start_gunicorn, wait_for
from training.models import Programme, Session, SessionDay

PASSWORD = "correct-horse-battery"
SIGNED_IN_PAGES = [
    "/",
    "/accounts/profile/",
    "/initiatives/",
    "/initiatives/mine/",
    "/consulting/bookings/mine/",
    "/training/mine/",
    "/events/tickets/",
]


@pytest.fixture
def private_redis(tmp_path):
    """A Redis of this test's own (cache and broker of the server under test), to stop."""
    import redis

    port = free_port()
    command = ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--dir", str(tmp_path)]
    command += ["--save", "", "--appendonly", "no"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    assert wait_for(lambda: _answers(client), timeout=30)
    state = {"process": process}

    def stop() -> None:
        state["process"].terminate()
        state["process"].wait(timeout=20)

    def start() -> None:
        state["process"] = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        assert wait_for(lambda: _answers(client), timeout=30)

    from types import SimpleNamespace

    yield SimpleNamespace(url=f"redis://127.0.0.1:{port}/0", stop=stop, start=start)
    if state["process"].poll() is None:
        stop()


def _answers(client) -> bool:
    try:
        return bool(client.ping())
    except OSError:
        return False
    except Exception:  # redis' own ConnectionError before the server listens
        return False


def _server_env(**overrides) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "civiccenter.settings.test",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        **overrides,
    }


def _session(days_ahead: int = 5) -> Session:
    programme = Programme.objects.create(title="Как общаться со СМИ", kind="master_class")
    session = Session.objects.create(programme=programme, place="Центр", capacity=20)
    start = timezone.now() + timedelta(days=days_ahead)
    SessionDay.objects.create(session=session, starts_at=start, ends_at=start + timedelta(hours=2))
    return session


@pytest.mark.django_db(transaction=True)
def test_with_redis_stopped_signed_in_people_keep_working_and_no_letter_is_lost(
    private_redis, reference_data
):
    person = UserFactory(email="anna@example.org")
    newcomer = UserFactory(email="boris@example.org")
    session = _session()
    url, server = start_gunicorn(
        _server_env(DATABASE_URL=current_database_url(), REDIS_URL=private_redis.url)
    )
    try:
        browser = Browser(url)
        assert browser.log_in(person.email, PASSWORD) == 302
        assert browser.get("/accounts/profile/")[0] == 200  # the session is in Redis now

        private_redis.stop()

        answers = [browser.get(path)[0] for path in SIGNED_IN_PAGES * 4]
        assert answers == [200] * len(answers), answers
        assert Browser(url).log_in(newcomer.email, PASSWORD) == 302  # a sign-in, too
        status, _page = browser.post(f"/training/sessions/{session.pk}/enrol/", {})
        assert status == 302
        status, body = browser.get("/readyz")
        assert status == 503
        assert json.loads(body) == {
            "postgresql": "ok",
            "redis": "unavailable",
            "worker": "unavailable",
        }
        (letter,) = OutgoingEmail.objects.all()
        assert letter.state == "queued" and letter.to == [person.email]

        private_redis.start()
        # Beat's re-send, ten minutes on, finds the letter still queued and sends it.
        assert resend_stale_emails(now=timezone.now() + timedelta(minutes=11)) == [letter.pk]
        letter.refresh_from_db()
        assert letter.state == "sent"
        assert [message.to for message in mail.outbox] == [[person.email]]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_with_postgresql_stopped_pages_answer_a_russian_503(private_postgres):
    url, server = start_gunicorn(_server_env(**private_postgres.env))
    try:
        browser = Browser(url)
        assert browser.get("/initiatives/")[0] == 200

        private_postgres.stop()

        status, page = browser.get("/initiatives/?q=%D0%B4%D0%B2%D0%BE%D1%80")  # «двор»
        assert status == 503
        assert "Портал ненадолго недоступен" in page
        assert browser.get("/healthz")[0] == 200  # liveness: the process itself is fine
        status, body = browser.get("/readyz")
        assert (status, json.loads(body)["postgresql"]) == (503, "unavailable")

        private_postgres.start()
        assert wait_for(lambda: browser.get("/initiatives/")[0] == 200, timeout=30)
    finally:
        server.terminate()
        server.wait(timeout=30)
