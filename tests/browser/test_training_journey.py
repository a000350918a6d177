"""An activist enrols in a full session and lands on the waitlist, is promoted when someone
cancels, the trainer marks attendance, and the certificate PDF downloads — in Chromium."""

import re
import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from training.models import Enrolment, Programme, Session, SessionDay
from training.services import enrolment

from .helpers import log_in, log_out, with_authenticator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_waitlist_promotion_attendance_and_certificate(checked_page, make_user, tmp_path):
    page = checked_page.page
    programme = Programme.objects.create(title="Как общаться со СМИ", kind="master_class")
    session = Session.objects.create(programme=programme, place="Центр ГРАНИ", capacity=1)
    start = (timezone.now() + timedelta(hours=2)).replace(microsecond=0)
    day = SessionDay.objects.create(
        session=session, starts_at=start, ends_at=start + timedelta(hours=3)
    )
    first = make_user(Role.ACTIVIST)
    taken = enrolment.enrolment_create(session=session, user=first)
    activist = make_user(Role.ACTIVIST, last_name="Соколова", first_name="Анна")
    trainer = make_user(Role.TRAINER)
    secret = with_authenticator(trainer)

    log_in(checked_page, activist.email)
    page.get_by_role("link", name="Обучение", exact=True).click()
    checked_page.assert_accessible()
    page.get_by_role("link", name="Как общаться со СМИ").click()
    checked_page.assert_accessible()
    assert page.get_by_text("Мест нет: открыт лист ожидания").is_visible()
    page.get_by_role("button", name="Встать в лист ожидания").click()
    page.wait_for_url(re.compile(r"/training/mine/"))
    checked_page.assert_accessible()
    assert page.get_by_role("cell", name="В листе ожидания").is_visible()

    # The person holding the place cancels; the place goes to the waitlist.
    enrolment.enrolment_cancel(enrolment=taken, user=first)
    page.reload()
    checked_page.assert_accessible()
    assert page.get_by_role("cell", name="Записан(а)").is_visible()
    log_out(checked_page)

    log_in(checked_page, trainer.email, totp_secret=secret)
    checked_page.goto(f"/training/sessions/{session.pk}/days/{day.pk}/attendance/")
    checked_page.assert_accessible()
    page.get_by_label("Соколова Анна").check()
    page.get_by_role("button", name="Сохранить посещаемость").click()
    page.wait_for_url(re.compile(r"/attendance/$"))
    checked_page.assert_accessible()
    assert page.get_by_label("Соколова Анна").is_checked()
    log_out(checked_page)

    # The day is over; the certificate is offered from now on.
    now = timezone.now()
    SessionDay.objects.filter(pk=day.pk).update(
        starts_at=now - timedelta(hours=4), ends_at=now - timedelta(hours=1)
    )
    log_in(checked_page, activist.email)
    page.get_by_role("link", name="Моё обучение").click()
    checked_page.assert_accessible()
    page.get_by_role("button", name="Получить сертификат").click()
    page.wait_for_url(re.compile(r"/training/mine/"))
    checked_page.assert_accessible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Скачать сертификат (PDF)").click()
    path = tmp_path / "certificate.pdf"
    download_info.value.save_as(path)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert (
        "Сертификат участника" in text and "Соколова Анна" in text and "Как общаться со СМИ" in text
    )
    assert Enrolment.objects.get(user=activist).certificate.state == "ready"
