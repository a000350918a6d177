import io
import os
import subprocess
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from civiccenter.kernel import jobs
from civiccenter.kernel.quarters import Quarter
from consulting.models import Consultant, ConsultingTopic
from consulting.services.hours import log_create
from events.models import Commitment, Event, MediaPublication, Outcome
from portal.models import QuarterlyReport
from portal.reporting import quarter_figures
from portal.services import reports
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

Q3 = Quarter(2026, 3)


@pytest.fixture
def quarter_data(make_user):
    """Q3 2026: 3.5 consulting hours, one event with 7 media publications and two commitments
    (one done); Q3 2025, a year earlier: 1.25 consulting hours."""
    topic = ConsultingTopic.objects.create(name="Бюджет проекта")
    consultant = Consultant.objects.create(user=make_user("consultant", last_name="Петров"))
    for day, minutes in ((date(2026, 7, 10), 90), (date(2026, 9, 1), 120), (date(2025, 8, 4), 75)):
        # each logged in its own quarter, before that quarter closed
        moment = timezone.make_aware(timezone.datetime(day.year, 9, 30, 12))
        with time_machine.travel(moment, tick=False):
            log_create(
                user=None,
                consultants=[consultant],
                organisations=[],
                held_on=day,
                duration_minutes=minutes,
                topic=topic,
                summary="—",
            )
    start = timezone.make_aware(timezone.datetime(2026, 8, 15, 11))
    event = Event.objects.create(
        kind="head_meeting",
        title="Встреча с главой",
        slug="vstrecha",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    Outcome.objects.create(event=event, other_participants=35)
    MediaPublication.objects.bulk_create(
        MediaPublication(outlet=f"СМИ {n}", published_on=date(2026, 8, 16), event=event)
        for n in range(7)
    )
    Commitment.objects.create(
        event=event,
        what="Урны",
        responsible="ЖКХ",
        due_on=date(2026, 9, 1),
        done_on=date(2026, 8, 30),
    )
    Commitment.objects.create(
        event=event, what="Скамейки", responsible="ЖКХ", due_on=date(2026, 12, 1)
    )


def _pdf_text(report: QuarterlyReport, tmp_path, *options) -> str:
    path = tmp_path / "report.pdf"
    with report.pdf.open("rb") as handle:
        path.write_bytes(handle.read())
    command = ["pdftotext", *options, str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_report_pdf_and_xlsx_carry_the_figures(
    quarter_data, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = reports.report_request(quarter=Q3)
    report.refresh_from_db()
    assert report.state == "done"

    text = _pdf_text(report, tmp_path)
    assert "Квартальный отчёт: III квартал 2026" in text
    assert "3,5 / 250 ч" in text  # consulting hours against the target
    rows = [" ".join(line.split()) for line in _pdf_text(report, tmp_path, "-layout").splitlines()]
    # indicator, unit, the target, the quarter, the previous quarter, the same quarter a year
    # earlier, the year to date
    assert "1 Часы консультаций ч 250 3,5 0 1,25 3,5" in rows
    assert "11 Публикации в СМИ шт. 7 0 0 7" in rows
    assert "12 Обещаний дано на встречах шт. 2 0 0 2" in rows
    assert "13 Выполнено обещаний шт. 1 0 0 1" in rows

    workbook = load_workbook(io.BytesIO(report.xlsx.read()))
    assert workbook.sheetnames == [
        "Показатели",
        "Консультации по темам",
        "Консультации по консультантам",
        "Консультации по инициативам",
        "Обучение",
        "Мероприятия",
    ]
    for every in workbook.worksheets:  # each sheet names the report and its period
        assert every["A1"].value.startswith("Квартальный отчёт: III квартал 2026")
        assert every.freeze_panes == "A3"
    sheet = workbook["Показатели"]
    header = next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))
    assert header == (
        "Показатель",
        "Ед. изм.",
        "План",
        "Квартал",
        "Прошлый квартал",
        "Тот же квартал прошлого года",
        "С начала года",
        "Как считается",
    )
    first = next(sheet.iter_rows(min_row=3, max_row=3, values_only=True))
    assert first[2] == 250
    assert first[5] == 1.25  # the same quarter a year earlier
    assert first[7].startswith("Часы консультаций из журнала")  # each row says how it counts
    rows = {row[0]: row[3] for row in sheet.iter_rows(min_row=3, values_only=True)}
    topics = list(workbook["Консультации по темам"].iter_rows(min_row=3, values_only=True))
    assert [(name, float(hours), count) for name, hours, count in topics] == [
        ("Бюджет проекта", 3.5, 2)
    ]
    assert Decimal(str(rows["Часы консультаций"])) == Decimal("3.5")
    assert rows["Публикации в СМИ"] == 7
    assert rows["Выполнено обещаний"] == 1


def test_a_repeated_request_replaces_the_files_and_leaves_one_of_each(
    quarter_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = reports.report_request(quarter=Q3)
    first.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        reports.report_request(quarter=Q3)
    # A retried task of the current generation changes nothing.
    reports.report_generate(report_id=first.pk, generation=first.generation + 1)

    report = QuarterlyReport.objects.get()
    folder = os.path.dirname(report.pdf.path)
    assert sorted(os.listdir(folder)) == sorted(
        [os.path.basename(report.pdf.name), os.path.basename(report.xlsx.name)]
    )
    assert QuarterlyReport.objects.count() == 1 and report.generation == 2


def test_a_quarter_in_the_future_is_refused():
    with pytest.raises(Exception, match="ещё не начался"):
        reports.report_request(quarter=Quarter.current().next())


def test_after_a_quarter_ends_its_report_is_requested_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = reports.request_after_quarter_end(today=date(2026, 10, 1))
    assert (report.year, report.quarter) == (2026, 3)
    assert reports.request_after_quarter_end(today=date(2026, 10, 2)) is None


def test_only_staff_and_the_administration_see_reports(client, activist, make_user):
    client.force_login(activist)
    assert client.get(reverse("reports:archive")).status_code == 403

    from allauth.mfa.models import Authenticator

    head = make_user("administration")
    Authenticator.objects.create(user=head, type=Authenticator.Type.TOTP, data={})
    client.force_login(head)
    response = client.post(
        reverse("reports:archive"), {"quarter": str(Quarter.current().next())}, follow=True
    )
    assert "ещё не начался" in response.content.decode()


def test_a_report_whose_task_was_lost_is_sent_again_and_made_once(quarter_data):
    from datetime import timedelta

    # The request was stored but its task never reached a worker (Redis restarted).
    report = QuarterlyReport.objects.create(
        year=2026, quarter=3, requested_at=timezone.now() - timedelta(minutes=30), generation=1
    )

    assert reports.resend_stale() == [report.pk]
    report.refresh_from_db()
    assert report.state == "done" and report.pdf
    assert reports.resend_stale() == []
    # The lost original arriving late changes nothing.
    reports.report_generate(report_id=report.pk, generation=1)
    assert QuarterlyReport.objects.get().checksum == report.checksum


def test_a_duplicate_message_while_a_worker_makes_the_report_does_nothing(quarter_data):
    from datetime import timedelta

    started = timezone.now() - timedelta(minutes=1)
    report = QuarterlyReport.objects.create(
        year=2026,
        quarter=3,
        state="running",
        requested_at=started,
        started_at=started,
        generation=1,
    )

    reports.report_generate(report_id=report.pk, generation=1)

    report.refresh_from_db()
    assert report.state == "running" and not report.pdf and report.started_at == started
    # Once the lease is over the worker is presumed dead, and a re-sent task makes it.
    QuarterlyReport.objects.filter(pk=report.pk).update(
        started_at=timezone.now() - jobs.LEASE - timedelta(seconds=1)
    )
    reports.report_generate(report_id=report.pk, generation=1)
    report.refresh_from_db()
    assert report.state == "done" and report.pdf


def test_a_report_is_released_for_its_retry():
    report = QuarterlyReport.objects.create(
        year=2026,
        quarter=3,
        state="running",
        requested_at=timezone.now(),
        started_at=timezone.now(),
        generation=1,
    )

    reports.REPORT_JOB.release(report.pk)

    report.refresh_from_db()
    assert report.state == "queued"


def test_a_past_quarters_report_holds_no_later_cohort():
    OrganisationFactory(published_at=timezone.make_aware(datetime(2026, 8, 10, 12)))  # noqa: DTZ001
    OrganisationFactory(published_at=timezone.now())  # this quarter, after the III

    survival = quarter_figures(Q3)["survival"]

    assert [cohort.label for cohort in survival] == ["III квартал 2026"]
    assert survival[0].size == 1


def test_the_consultants_breakdown_says_shared_consultations_count_for_each(
    quarter_data, django_capture_on_commit_callbacks, tmp_path
):
    with django_capture_on_commit_callbacks(execute=True):
        report = reports.report_request(quarter=Q3)
    report.refresh_from_db()
    text = " ".join(_pdf_text(report, tmp_path).split())
    assert "входит в итог один раз, а в этой таблице — у каждого из них" in text


def test_page_pdf_and_xlsx_agree_to_the_quarter_hour_on_shared_consultations(
    make_user, client, tmp_path, django_capture_on_commit_callbacks
):
    """45 + 75 + 15 minutes = 2,25 h in total; Петров gave all three (2,25 h), Сидорова shared
    the 75 minutes (1,25 h): every document prints the same 2,25 and 1,25."""
    from allauth.mfa.models import Authenticator

    topic = ConsultingTopic.objects.create(name="Бюджет проекта")
    petrov = Consultant.objects.create(user=make_user("consultant", last_name="Петров"))
    sidorova = Consultant.objects.create(user=make_user("consultant", last_name="Сидорова"))
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 9, 30, 12)), tick=False):
        for day, minutes, consultants in (
            (date(2026, 7, 10), 45, [petrov]),
            (date(2026, 8, 3), 75, [petrov, sidorova]),
            (date(2026, 9, 1), 15, [petrov]),
        ):
            log_create(
                user=None,
                consultants=consultants,
                organisations=[],
                held_on=day,
                duration_minutes=minutes,
                topic=topic,
                summary="—",
            )
    with django_capture_on_commit_callbacks(execute=True):
        report = reports.report_request(quarter=Q3)
    report.refresh_from_db()

    pdf = [" ".join(line.split()) for line in _pdf_text(report, tmp_path, "-layout").splitlines()]
    assert "1 Часы консультаций ч 250 2,25 0 0 2,25" in pdf
    assert any(line.startswith("Петров") and line.endswith("2,25 3") for line in pdf), pdf
    assert any(line.startswith("Сидорова") and line.endswith("1,25 1") for line in pdf), pdf

    workbook = load_workbook(io.BytesIO(report.xlsx.read()))
    cells = {row[0].value: row[3] for row in workbook["Показатели"].iter_rows(min_row=3)}
    assert Decimal(str(cells["Часы консультаций"].value)) == Decimal("2.25")
    assert "0.00" in cells["Часы консультаций"].number_format  # shown with its quarters
    by_consultant = {
        row[0].value.split()[0]: row[1].value
        for row in workbook["Консультации по консультантам"].iter_rows(min_row=3)
        if row[0].value and row[1].value is not None
    }
    assert Decimal(str(by_consultant["Сидорова"])) == Decimal("1.25")
    assert Decimal(str(by_consultant["Петров"])) == Decimal("2.25")

    coordinator = make_user("coordinator")
    Authenticator.objects.create(user=coordinator, type=Authenticator.Type.TOTP, data={})
    client.force_login(coordinator)
    page = client.get(reverse("consulting:dashboard"), {"quarter": str(Q3)}).content.decode()
    assert '<span class="figure" id="hours-total">2,25</span>' in page
    assert "<td>Петров" in page and "<td>2,25</td>" in page and "<td>1,25</td>" in page


def test_a_report_keeps_its_figures_and_says_what_changed_when_made_again(
    quarter_data, make_user, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = reports.report_request(quarter=Q3)
    report.refresh_from_db()
    made = {row["label"]: row["quarter"] for row in report.figures}
    assert made["Часы консультаций"] == "3,5" and report.changed == []

    with django_capture_on_commit_callbacks(execute=True):
        reports.report_request(quarter=Q3)
    report.refresh_from_db()
    assert report.generation == 2 and report.changed == []  # the same data, the same figures

    consultant = Consultant.objects.get()
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 10, 2, 12)), tick=False):
        log_create(
            user=None,
            consultants=[consultant],
            organisations=[],
            held_on=date(2026, 9, 20),
            duration_minutes=45,
            topic=ConsultingTopic.objects.get(),
            summary="—",
        )
    with django_capture_on_commit_callbacks(execute=True):
        reports.report_request(quarter=Q3)
    report.refresh_from_db()
    assert report.changed == ["Часы консультаций", "Проведено консультаций"]
    assert {row["label"]: row["quarter"] for row in report.figures}["Часы консультаций"] == "4,25"

    from allauth.mfa.models import Authenticator

    head = make_user("administration")
    Authenticator.objects.create(user=head, type=Authenticator.Type.TOTP, data={})
    client.force_login(head)
    archive = client.get(reverse("reports:archive")).content.decode()
    assert (
        "изменилось после прошлого формирования: Часы консультаций, Проведено консультаций"
        in archive
    )
