"""One task through a real Celery worker process and the real Redis broker."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from civiccenter.celery import app
from civiccenter.tasks import deliver_email

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def worker(tmp_path):
    """A worker on a queue of its own, writing e-mails to files in tmp_path."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "civiccenter.settings.test",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path),
    }
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
            "WARNING",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
    )
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        yield queue, tmp_path
    finally:
        app.conf.task_always_eager = eager
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.worker
def test_email_task_runs_in_a_real_worker_and_returns_its_result(worker):
    queue, mail_dir = worker
    result = deliver_email.apply_async(
        kwargs={"subject": "Проверка", "body": "Письмо через Celery", "to": ["anna@example.org"]},
        queue=queue,
    )
    message_id = result.get(timeout=60)

    assert message_id.startswith("<") and message_id.endswith(">")
    assert result.status == "SUCCESS"
    files = list(mail_dir.iterdir())
    assert len(files) == 1
    assert "anna@example.org" in files[0].read_text()
