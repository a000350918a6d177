"""A person reads the consent, agrees to have their name published, reads what the portal
holds about them; the administration asks for a report of any period — at desktop and phone
sizes, in Russian, axe-checked."""

import re

import pytest

from accounts.roles import Role

from .helpers import log_in, log_out, with_authenticator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_consents_and_ones_own_data(checked_page, make_user):
    page = checked_page.page
    checked_page.goto("/privacy/consent/")
    checked_page.assert_accessible()
    assert page.get_by_role("heading", name="5. Кто обрабатывает данные по поручению оператора")

    person = make_user(Role.ACTIVIST, last_name="Соколова", first_name="Анна")
    log_in(checked_page, person.email)
    publication = page.locator("form[action$='/consent/publication/']")
    publication.get_by_label(re.compile("публикацию моих фамилии и имени")).check()
    publication.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"/accounts/profile/$"))
    checked_page.assert_accessible()
    assert page.get_by_text("Теперь ваше имя может показываться").is_visible()
    person.refresh_from_db()
    assert person.publishes_name

    page.get_by_role("link", name="Посмотреть мои данные").click()
    page.wait_for_url(re.compile(r"/profile/my-data/$"))
    checked_page.assert_accessible()
    assert page.get_by_role("heading", name="Учётная запись").is_visible()
    assert page.get_by_text("Соколова", exact=True).is_visible()
    log_out(checked_page)


def test_the_administration_reports_a_period(checked_page, make_user):
    page = checked_page.page
    head = make_user(Role.ADMINISTRATION)
    log_in(checked_page, head.email, totp_secret=with_authenticator(head))
    checked_page.goto("/reports/")
    checked_page.assert_accessible()
    page.get_by_role("link", name="Отчёт за год или любой период").click()
    page.wait_for_url(re.compile(r"/reports/period/$"))
    checked_page.assert_accessible()
    page.get_by_label(re.compile(r"^С:?$")).fill("2026-01-01")
    page.get_by_label(re.compile(r"^По:?$")).fill("2026-06-30")
    page.get_by_role("button", name="Показать").click()
    page.wait_for_url(re.compile(r"start=2026-01-01"))
    checked_page.assert_accessible()
    assert page.get_by_role("heading", name="1 января 2026 г. — 30 июня 2026 г.").is_visible()
    assert page.get_by_role("link", name="XLSX").is_visible()
