"""Tasks through a real Celery worker process and the real Redis broker."""

import signal
import subprocess
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.utils import timezone

from civiccenter.celery import app
from tests.processes import current_database_url, free_port, wait_for


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_an_email_goes_from_the_outbox_through_a_real_worker_once(start_worker, tmp_path):
    from django.core.mail import EmailMessage
    from django.db import transaction

    from civiccenter.kernel.mail import email_deliver, send_after_commit

    mailbox, log = tmp_path / "mail", tmp_path / "worker.log"
    start_worker(
        log=log,
        loglevel="INFO",
        DATABASE_URL=current_database_url(),
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mailbox),
    )

    with transaction.atomic():
        email = send_after_commit(
            EmailMessage("Проверка", "Письмо через Celery", to=["anna@example.org"])
        )

    def sent() -> bool:
        email.refresh_from_db()
        return email.state in ("sent", "failed")

    # Polled in PostgreSQL, not awaited through Redis; the worker's log explains a failure.
    assert wait_for(sent, timeout=90, step=0.2), log.read_text(errors="replace")
    assert email.state == "sent", email.error
    assert email.message_id.startswith("<") and email.message_id.endswith(">")
    files = list(mailbox.iterdir())
    assert len(files) == 1, [f.name for f in files]
    assert "anna@example.org" in files[0].read_text()
    # A duplicate message for a letter already sent sends nothing.
    email_deliver(email_id=email.pk)
    assert len(list(mailbox.iterdir())) == 1


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_quarterly_report_is_generated_by_a_real_worker(start_worker, make_user, tmp_path):
    from civiccenter.kernel.quarters import Quarter
    from consulting import rollups
    from consulting.models import Consultant, ConsultationLog, ConsultingTopic
    from events.models import Event, MediaPublication
    from portal.models import QuarterlyReport
    from portal.services import reports

    topic = ConsultingTopic.objects.create(name="Юридические консультации")
    consultant = Consultant.objects.create(user=make_user("consultant"))
    ConsultationLog.objects.create(
        held_on=date(2026, 8, 3), duration_minutes=150, topic=topic, summary="Устав НКО"
    ).consultants.set([consultant])
    rollups.rebuild()  # written directly: the log's sums from it, as after a bulk load
    start = timezone.make_aware(timezone.datetime(2026, 9, 5, 12))
    event = Event.objects.create(
        kind="forum",
        title="Диалог",
        slug="dialog",
        starts_at=start,
        ends_at=start + timedelta(hours=5),
    )
    MediaPublication.objects.bulk_create(
        MediaPublication(outlet=f"СМИ {n}", published_on=date(2026, 9, 5), event=event)
        for n in range(23)
    )

    start_worker(DATABASE_URL=current_database_url(), MEDIA_ROOT=str(settings.MEDIA_ROOT))
    report = reports.report_request(quarter=Quarter(2026, 3))

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.state in ("done", "failed"):
            break
        time.sleep(0.5)
    assert report.state == "done", report.error

    pdf = tmp_path / "report.pdf"
    with report.pdf.open("rb") as handle:
        pdf.write_bytes(handle.read())
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    rows = [" ".join(line.split()) for line in text.splitlines()]
    assert "1 Часы консультаций ч 250 2,5 0 0 2,5" in rows  # the target, then the figures
    assert "11 Публикации в СМИ шт. 23 0 0 23" in rows
    assert QuarterlyReport.objects.count() == 1


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_passport_pdf_is_made_by_a_real_worker(start_worker, make_user, tmp_path, reference_data):
    from portal.models import PracticePassport
    from portal.services import passports

    author = make_user("coordinator")
    passport = passports.passport_save(
        author=author,
        fields={"title": "Форум «Диалог»", "territory": "ЗАТО Зеленогорск", "reached": 65000},
        tables={
            "costs": [
                {
                    "item": "Проведение Форума",
                    "amount": "300 000",
                    "source": "Муниципальная программа",
                }
            ]
        },
    )
    start_worker(DATABASE_URL=current_database_url(), MEDIA_ROOT=str(settings.MEDIA_ROOT))
    passports.passport_pdf_request(passport=passport)

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        passport.refresh_from_db()
        if passport.pdf_state in ("ready", "failed"):
            break
        time.sleep(0.5)
    assert passport.pdf_state == "ready", passport.pdf_error

    pdf = tmp_path / "passport.pdf"
    with passport.pdf.open("rb") as handle:
        pdf.write_bytes(handle.read())
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Форум «Диалог»" in text and "ЗАТО Зеленогорск" in text
    assert "Проведение Форума" in text and "Всего 300 000" in text
    assert PracticePassport.objects.get().pdf_version == 1


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_report_whose_worker_is_killed_is_finished_once_by_the_next(start_worker):
    from civiccenter.kernel.quarters import Quarter
    from portal.models import QuarterlyReport
    from portal.services import reports

    worker_env = {"DATABASE_URL": current_database_url(), "MEDIA_ROOT": str(settings.MEDIA_ROOT)}
    first = start_worker(**worker_env)
    queue = app.conf.task_default_queue
    report = reports.report_request(quarter=Quarter(2026, 3))

    def state() -> str:
        report.refresh_from_db()
        return report.state

    assert wait_for(lambda: state() == "running"), report.state
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    # Killed in the middle: the row says running and no file was written.
    assert state() == "running" and not report.pdf

    start_worker(queue, **worker_env)
    # Half an hour later Celery beat finds the report stale and sends it again; the message of
    # the killed worker is still unacknowledged in Redis and would come back only after the
    # broker's visibility timeout, when the idempotent task finds the report done.
    assert reports.resend_stale(now=timezone.now() + timedelta(minutes=31)) == [report.pk]
    assert wait_for(lambda: state() in ("done", "failed")), report.state

    assert report.state == "done", report.error
    assert QuarterlyReport.objects.count() == 1
    folder = Path(settings.MEDIA_ROOT) / "reports"
    assert sorted(path.suffix for path in folder.iterdir()) == [".pdf", ".xlsx"]


def _use_broker(url: str) -> None:
    """Points this process's Celery app at another broker. Celery has no public way to drop
    its pooled connections (`app.close()` also unregisters the app), so the two caches it
    resets after a fork are reset here."""
    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def private_broker(tmp_path):
    """A Redis of this test's own, used as the Celery broker, that the test may restart."""
    import redis

    port = free_port()
    command = ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--dir", str(tmp_path)]
    command += ["--save", "", "--appendonly", "no"]
    client = redis.Redis(port=port)

    def start() -> subprocess.Popen:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        assert wait_for(lambda: _answers(client), timeout=20)
        return process

    def _answers(client) -> bool:
        try:
            return client.ping()
        except redis.ConnectionError:
            return False

    server = {"process": start()}

    def restart() -> None:
        server["process"].terminate()
        server["process"].wait(timeout=20)
        server["process"] = start()

    saved_url = app.conf.broker_url
    _use_broker(f"redis://127.0.0.1:{port}/0")
    yield SimpleNamespace(url=app.conf.broker_url, client=client, restart=restart)
    _use_broker(saved_url)
    server["process"].terminate()
    server["process"].wait(timeout=20)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_report_queued_when_redis_restarts_is_not_lost(start_worker, private_broker):
    from civiccenter.kernel.quarters import Quarter
    from portal.models import QuarterlyReport
    from portal.services import reports

    queue = f"test-{uuid.uuid4().hex[:8]}"
    app.conf.task_always_eager, app.conf.task_default_queue = False, queue  # no worker yet
    report = reports.report_request(quarter=Quarter(2026, 2))
    assert private_broker.client.llen(queue) == 1

    private_broker.restart()  # without persistence, as a crashed Redis comes back
    assert private_broker.client.llen(queue) == 0
    report.refresh_from_db()
    assert report.state == "queued"

    start_worker(
        queue,
        CELERY_BROKER_URL=private_broker.url,
        DATABASE_URL=current_database_url(),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
    )
    # Beat's re-send, ten minutes on, reads the job from PostgreSQL and queues it again; the
    # web process's broker connection reconnects by itself.
    assert reports.resend_stale(now=timezone.now() + timedelta(minutes=11)) == [report.pk]

    def finished() -> bool:
        report.refresh_from_db()
        return report.state in ("done", "failed")

    assert wait_for(finished), report.state
    assert report.state == "done", report.error
    assert QuarterlyReport.objects.count() == 1
