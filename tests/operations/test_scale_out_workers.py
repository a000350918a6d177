"""Two Celery worker processes share one queue, one PostgreSQL and one Redis, as workers on
two machines would. Every job may be delivered more than once (a re-send of a lost job, a
message redelivered after a worker died): each report is still made exactly once."""

import re

import pytest
from django.conf import settings

from civiccenter.celery import app
from civiccenter.kernel.quarters import Quarter
from portal.models import QuarterlyReport
from portal.services import reports
from portal.services.reports import generate_quarterly_report
from tests.processes import current_database_url, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

QUARTERS = [Quarter(2025, 4), Quarter(2026, 1), Quarter(2026, 2), Quarter(2026, 3)]
COPIES = 3  # each job is sent three times in all


def _lines(logs, pattern: str) -> list[str]:
    return [
        line
        for log in logs
        if log.exists()
        for line in log.read_text(errors="replace").splitlines()
        if re.search(pattern, line)
    ]


def test_two_workers_on_one_queue_make_each_report_once(start_worker, tmp_path):
    worker_env = {"DATABASE_URL": current_database_url(), "MEDIA_ROOT": str(settings.MEDIA_ROOT)}
    logs = [tmp_path / "worker-1.log", tmp_path / "worker-2.log"]
    start_worker(log=logs[0], loglevel="INFO", **worker_env)
    start_worker(app.conf.task_default_queue, log=logs[1], loglevel="INFO", **worker_env)
    assert wait_for(lambda: len(_lines(logs, r"ready\.")) == 2, timeout=60), "workers not ready"

    requested = []
    for quarter in QUARTERS:
        report = reports.report_request(quarter=quarter)
        for _ in range(COPIES - 1):
            generate_quarterly_report.delay(report.pk, report.generation)
        requested.append(report)

    jobs = len(QUARTERS) * COPIES
    assert wait_for(lambda: len(_lines(logs, r"succeeded in")) == jobs, timeout=120), _lines(
        logs, r"succeeded in|ERROR"
    )

    assert set(QuarterlyReport.objects.values_list("state", flat=True)) == {"done"}
    made = _lines(logs, r"quarterly report \S+, generation \d+: made")
    assert sorted(re.search(r"quarterly report (\S+),", line)[1] for line in made) == [
        str(quarter) for quarter in QUARTERS
    ]
    # Both workers took jobs off the shared queue.
    assert all(_lines([log], r"succeeded in") for log in logs)
    files = sorted(path.name for path in (settings.MEDIA_ROOT / "reports").iterdir())
    assert files == sorted(
        f"quarterly-{quarter}-1.{suffix}" for quarter in QUARTERS for suffix in ("pdf", "xlsx")
    )
