import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from civiccenter.kernel.quarters import Quarter
from training import totals
from training.models import Certificate, Feedback
from training.services import attendance, enrolment, reminders
from training.tasks import generate_certificate

pytestmark = pytest.mark.django_db


def test_training_hours_and_participant_hours(make_session, make_user, trainer_user):
    session = make_session(days=2, hours=4, starts_in=timedelta(days=1))
    people = [
        enrolment.enrolment_create(session=session, user=make_user("activist")) for _ in range(3)
    ]
    first, second = session.days.all()
    attendance.attendance_mark(day=first, marks={p.pk: True for p in people}, user=trainer_user)
    attendance.attendance_mark(
        day=second, marks={people[0].pk: True, people[1].pk: False}, user=trainer_user
    )
    make_session(hours=2, starts_in=timedelta(days=1)).days.update(
        ends_at=timezone.now() + timedelta(days=400)
    )

    with time_machine.travel(timezone.now() + timedelta(days=5), tick=False):
        quarter = Quarter.of(timezone.localdate(first.starts_at))
        figures = totals.training_totals(quarter.start, quarter.end + timedelta(days=40))

    assert figures["hours"] == Decimal("8.00")  # two days of four hours; the unfinished one not
    assert figures["participant_hours"] == Decimal("16.00")  # 3 × 4 + 1 × 4
    assert figures["people"] == 3 and figures["sessions"] == 1


def _attended(make_session, make_user, trainer_user):
    session = make_session(hours=3, starts_in=timedelta(days=1))
    person = make_user("activist", last_name="Соколова", first_name="Анна")
    item = enrolment.enrolment_create(session=session, user=person)
    attendance.attendance_mark(day=session.days.get(), marks={item.pk: True}, user=trainer_user)
    return person, item


def test_certificate_pdf_has_the_figures_and_is_made_once(
    client, make_session, make_user, trainer_user, django_capture_on_commit_callbacks, tmp_path
):
    person, item = _attended(make_session, make_user, trainer_user)
    client.force_login(person)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("training:certificate_request", args=[item.pk]))
    certificate = Certificate.objects.get()
    assert certificate.state == "ready" and certificate.hours == Decimal("3.00")

    response = client.get(reverse("training:certificate_download", args=[certificate.code]))
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="certificate-' in response["Content-Disposition"]
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(b"".join(response.streaming_content))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Соколова Анна" in text and "Как общаться со СМИ" in text
    assert "Часов посещено: 3" in text and certificate.code in text
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert "PTSans" in fonts.replace(" ", "") or "PT-Sans" in fonts or "PT Sans" in fonts

    # A repeated task keeps one file.
    first_name = certificate.file.name
    generate_certificate.delay(certificate.pk)
    Certificate.objects.filter(pk=certificate.pk).update(state="pending")
    generate_certificate.delay(certificate.pk)
    certificate.refresh_from_db()
    storage_dir = certificate.file.storage.path(first_name).rsplit("/", 1)[0]
    import os

    assert len(os.listdir(storage_dir)) == 1

    public = client.get(reverse("training:verify", args=[certificate.code.lower()]))
    assert "подлинный" in public.content.decode()


def test_no_certificate_without_attendance(client, make_session, make_user):
    session = make_session()
    person = make_user("activist")
    item = enrolment.enrolment_create(session=session, user=person)
    client.force_login(person)

    response = client.post(reverse("training:certificate_request", args=[item.pk]), follow=True)

    assert "Сертификат выдаётся тем, кто посетил занятие." in response.content.decode()
    assert not Certificate.objects.exists()


def test_reminder_the_day_before_and_the_survey_after(
    make_session, make_user, trainer_user, django_capture_on_commit_callbacks, client
):
    session = make_session(starts_in=timedelta(hours=20), hours=2)
    item = enrolment.enrolment_create(session=session, user=make_user("activist"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_day_before() == [item.pk]
        assert reminders.send_day_before() == []
    assert "Завтра" in mail.outbox[0].subject

    attendance.attendance_mark(day=session.days.get(), marks={item.pk: True}, user=trainer_user)
    with (
        time_machine.travel(timezone.now() + timedelta(days=1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert reminders.request_feedback() == [item.pk]
        assert reminders.request_feedback() == []
    link = mail.outbox[-1].body.split("/training/feedback/")[1].split("/")[0]

    response = client.post(
        reverse("training:feedback", args=[link]), {"rating": "", "comments": "Полезно"}
    )
    assert "Выберите оценку от 1 до 5." in response.content.decode()
    client.post(reverse("training:feedback", args=[link]), {"rating": "5", "comments": "Полезно"})
    assert Feedback.objects.get().rating == 5

    client.force_login(trainer_user)
    html = client.get(reverse("training:feedback_results")).content.decode()
    assert "Полезно" in html and "5,0" in html


def test_calendar_file_and_feed(client, make_session):
    session = make_session(days=2)

    one = client.get(reverse("training:session_ics", args=[session.pk])).content.decode()
    feed = client.get(reverse("training:feed")).content.decode()

    assert one.count("BEGIN:VEVENT") == 2 and "Как общаться со СМИ" in one
    assert feed.count("BEGIN:VEVENT") == 2


def test_dashboard_shows_hours_against_the_target(client, make_session, make_user, trainer_user):
    person, item = _attended(make_session, make_user, trainer_user)
    client.force_login(trainer_user)
    day = item.session.days.get()

    with time_machine.travel(day.ends_at + timedelta(hours=1), tick=False):
        quarter = Quarter.of(timezone.localdate(day.starts_at))
        html = client.get(reverse("training:dashboard") + f"?quarter={quarter}").content.decode()

    assert 'id="training-hours">3<' in html
    assert "часов из 40 по плану" in html
