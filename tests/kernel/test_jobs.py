"""Background jobs keep their state in PostgreSQL (civiccenter/kernel/jobs.py): of workers given one
job, one does it; a duplicate message does no work; a lost message is re-sent by beat; a
retry finds its job released. The same holds for reports, passport PDFs, certificates and
imports (certificates: tests/training/test_certificate_jobs.py)."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from civiccenter.kernel import jobs
from initiatives.models import ImportJob, Organisation
from initiatives.services import importing
from portal.models import PracticePassport, QuarterlyReport
from portal.services import passports, reports
from tests.concurrency import at_once

pytestmark = pytest.mark.django_db

REPORT_JOB = reports.REPORT_JOB


def _report(**fields) -> QuarterlyReport:
    defaults = {"year": 2026, "quarter": 3, "requested_at": timezone.now(), "generation": 1}
    return QuarterlyReport.objects.create(**{**defaults, **fields})


class NotTaken(Exception):
    pass


@pytest.mark.django_db(transaction=True)
def test_of_eight_workers_handed_one_job_at_once_one_takes_it():
    report = _report()

    def take(_):
        if not REPORT_JOB.take(report.pk):
            raise NotTaken

    outcomes = at_once(take, range(8), refused=NotTaken)

    assert sorted(outcomes) == ["ok"] + ["refused"] * 7
    report.refresh_from_db()
    assert report.state == "running" and report.started_at is not None


def test_a_running_job_is_taken_again_only_when_its_lease_is_over():
    report = _report()
    assert REPORT_JOB.take(report.pk)
    assert not REPORT_JOB.take(report.pk)
    later = timezone.now() + jobs.LEASE + timedelta(seconds=1)
    assert REPORT_JOB.take(report.pk, now=later)


def test_a_message_for_another_generation_does_not_take_the_job():
    report = _report(generation=2)
    assert not REPORT_JOB.take(report.pk, generation=1)
    assert REPORT_JOB.take(report.pk, generation=2)


def test_finished_and_failed_jobs_are_not_taken():
    assert not REPORT_JOB.take(_report(state="done").pk)
    assert not REPORT_JOB.take(_report(quarter=2, state="failed").pk)


def test_a_released_job_is_queued_for_its_retry():
    report = _report()
    REPORT_JOB.take(report.pk)
    REPORT_JOB.release(report.pk)
    report.refresh_from_db()
    assert report.state == "queued"
    assert REPORT_JOB.take(report.pk)


def test_only_jobs_queued_or_running_too_long_are_requeued():
    now = timezone.now()
    lost = _report(quarter=1, requested_at=now - timedelta(minutes=11))
    fresh = _report(quarter=2, requested_at=now - timedelta(minutes=9))
    dead = _report(quarter=3, state="running", started_at=now - jobs.LEASE - timedelta(minutes=1))
    busy = _report(quarter=4, state="running", started_at=now - timedelta(minutes=5))

    stale = REPORT_JOB.requeue_stale(now=now)

    assert sorted(row.pk for row in stale) == sorted([lost.pk, dead.pk])
    states = dict(QuarterlyReport.objects.values_list("pk", "state"))
    assert states == {lost.pk: "queued", fresh.pk: "queued", dead.pk: "queued", busy.pk: "running"}
    assert QuarterlyReport.objects.get(pk=dead.pk).requested_at == now


# --- Passport PDFs ----------------------------------------------------------------------


def _passport(author, title="Форум «Диалог»") -> PracticePassport:
    return passports.passport_save(author=author, fields={"title": title}, tables={})


def test_a_passport_pdf_whose_message_was_lost_is_resent_and_made(make_user):
    passport = _passport(make_user("coordinator"))
    PracticePassport.objects.filter(pk=passport.pk).update(
        pdf_state="pending", pdf_requested_at=timezone.now() - timedelta(minutes=11)
    )

    assert passports.passport_pdf_resend_stale() == [passport.pk]  # tasks run eagerly here

    passport.refresh_from_db()
    assert passport.pdf_state == "ready" and passport.pdf_version == 1 and passport.pdf
    assert passports.passport_pdf_resend_stale() == []


def test_a_duplicate_passport_task_while_the_pdf_is_made_does_nothing(make_user):
    passport = _passport(make_user("coordinator"))
    PracticePassport.objects.filter(pk=passport.pk).update(
        pdf_state="running", pdf_started_at=timezone.now()
    )

    passports.passport_pdf_generate(passport_id=passport.pk, version=1)

    passport.refresh_from_db()
    assert passport.pdf_state == "running" and not passport.pdf


def test_a_passport_edited_while_its_pdf_is_made_waits_for_the_new_pdf(make_user, monkeypatch):
    author = make_user("coordinator")
    passport = _passport(author)
    PracticePassport.objects.filter(pk=passport.pk).update(
        pdf_state="pending", pdf_requested_at=timezone.now()
    )
    render = passports.render_pdf

    def render_while_edited(html):
        # The author saves a new version and asks for its PDF while version 1 is rendered.
        with transaction.atomic():
            edited = passports.passport_save(
                author=author, fields={"title": "Форум «Диалог» 2026"}, tables={}, passport=passport
            )
            passports.passport_pdf_request(passport=edited)
        return render(html)

    monkeypatch.setattr(passports, "render_pdf", render_while_edited)
    passports.passport_pdf_generate(passport_id=passport.pk, version=1)

    passport.refresh_from_db()
    assert passport.version == 2 and passport.pdf_version == 1
    assert passport.pdf_state == "pending"  # the task for version 2 is still to come
    monkeypatch.setattr(passports, "render_pdf", render)
    passports.passport_pdf_generate(passport_id=passport.pk, version=2)
    passport.refresh_from_db()
    assert passport.pdf_state == "ready" and passport.pdf_version == 2


# --- Imports ----------------------------------------------------------------------------

CSV = "название,вид,участники,город\nЗелёный двор,городское сообщество,40,Пенза\n".encode()


def test_an_import_whose_messages_were_lost_is_checked_and_imported_once(make_user):
    job = importing.import_job_create(
        upload=SimpleUploadedFile("list.csv", CSV), user=make_user("coordinator"), max_bytes=10**6
    )
    long_ago = timezone.now() - timedelta(minutes=11)
    ImportJob.objects.filter(pk=job.pk).update(queued_at=long_ago)

    assert importing.import_resend_stale() == [job.pk]  # the check
    job.refresh_from_db()
    assert job.state == "preview", job.error

    ImportJob.objects.filter(pk=job.pk).update(state="importing", queued_at=long_ago)
    assert importing.import_resend_stale() == [job.pk]  # the import
    job.refresh_from_db()
    assert job.state == "done" and job.created_count == 1
    assert importing.import_resend_stale() == []
    assert Organisation.objects.filter(name="Зелёный двор").count() == 1


# --- One policy for every task (BackgroundJob) ---------------------------------------------


def test_retries_wait_longer_each_time_up_to_half_an_hour():
    assert [jobs.retry_pause(n) for n in range(8)] == [30, 60, 120, 240, 480, 960, 1800, 1800]


def test_every_task_of_the_portal_runs_under_the_one_policy():
    from civiccenter.celery import app

    app.loader.import_default_modules()  # what a worker does at start: autodiscovery
    ours = {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}
    assert len(ours) > 15
    assert {
        name for name, task in ours.items() if not isinstance(task, jobs.BackgroundJob)
    } == set()


def test_a_job_that_breaks_is_marked_failed_with_a_reason_in_russian(monkeypatch):
    """A programming error is not retried: the row says what happened and the error reaches
    the worker's log."""
    report = _report()

    def broken(quarter):
        raise ValueError("нет данных")

    monkeypatch.setattr(reports, "quarter_figures", broken)
    with pytest.raises(ValueError):
        reports.generate_quarterly_report.delay(report.pk, report.generation)

    report.refresh_from_db()
    assert report.state == "failed"
    assert report.finished_at is not None
    assert report.error == (
        "Не удалось из-за непредвиденной ошибки (ValueError: нет данных). "
        "Сообщите администратору портала."
    )


def test_a_job_whose_database_stays_away_says_so(monkeypatch):
    from django.db import OperationalError

    report = _report()

    def unreachable(quarter):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(reports, "quarter_figures", unreachable)
    with pytest.raises(OperationalError):
        reports.generate_quarterly_report.delay(report.pk, report.generation)

    report.refresh_from_db()
    assert report.state == "failed"
    assert report.error.startswith("База данных или очередь задач оставались недоступны")


def test_every_scheduled_task_exists(settings):
    """A beat entry naming a task nobody registered would fail silently every day."""
    from civiccenter.celery import app

    app.loader.import_default_modules()
    missing = [
        entry["task"]
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] not in app.tasks
    ]
    assert missing == []
