"""The activist's first visit: sign up with consent, verify the e-mail, log in, switch the
language, log out — in Chromium, with an axe check on every page."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from accounts.models import PersonalDataConsent, User

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_activist_signs_up_verifies_logs_in_switches_language_and_logs_out(checked_page):
    page = checked_page.page
    checked_page.goto("/")
    checked_page.assert_accessible()
    assert page.locator("html").get_attribute("lang") == "ru"

    page.get_by_role("link", name="Регистрация").first.click()
    checked_page.assert_accessible()
    page.get_by_label("Фамилия").fill("Соколова")
    page.get_by_label(re.compile(r"^Имя:?$")).fill("Анна")
    page.get_by_label("Адрес электронной почты").fill("anna@example.org")
    page.get_by_label(re.compile(r"^Пароль:?$")).fill("Trudno-ugadat-2026")
    page.get_by_label("Пароль (ещё раз)").fill("Trudno-ugadat-2026")
    consent = page.get_by_label("Я даю согласие на обработку моих персональных данных")
    assert not consent.is_checked(), "the consent must not be pre-ticked"

    # Without the consent nothing is created and what was typed is kept.
    page.get_by_role("button", name="Зарегистрируйтесь").click()
    checked_page.assert_accessible()
    assert page.get_by_text("Без согласия на обработку персональных данных").is_visible()
    assert page.get_by_label("Адрес электронной почты").input_value() == "anna@example.org"
    assert not User.objects.filter(email="anna@example.org").exists()

    page.get_by_label(re.compile(r"^Пароль:?$")).fill("Trudno-ugadat-2026")
    page.get_by_label("Пароль (ещё раз)").fill("Trudno-ugadat-2026")
    page.get_by_label("Я даю согласие на обработку моих персональных данных").check()
    page.get_by_role("button", name="Зарегистрируйтесь").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/"))
    checked_page.assert_accessible()

    user = User.objects.get(email="anna@example.org")
    consent_row = PersonalDataConsent.objects.get(user=user)
    assert consent_row.ip_address == "127.0.0.1"
    assert user.groups.filter(name="activist").exists()

    # The verification e-mail was delivered through the Celery task (eager in tests).
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    checked_page.goto(urlsplit(link).path)
    checked_page.assert_accessible()
    page.get_by_role("button", name="Подтвердить").click()
    # allauth signs the person in right after the confirmation.
    page.wait_for_url(re.compile(r"/accounts/profile/"))
    checked_page.assert_accessible()
    assert page.get_by_role("heading", name="Мой профиль").is_visible()

    page.get_by_role("button", name="Выйти").click()
    page.wait_for_url(re.compile(r"/$"))
    checked_page.assert_accessible()

    page.get_by_role("link", name="Вход").click()
    checked_page.assert_accessible()
    page.get_by_label("Адрес электронной почты").fill("anna@example.org")
    page.get_by_label(re.compile(r"^Пароль:?$")).fill("Trudno-ugadat-2026")
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url(re.compile(r"/accounts/profile/"))
    checked_page.assert_accessible()

    page.get_by_role("button", name="English").click()
    page.wait_for_url(re.compile(r"/accounts/profile/"))
    checked_page.assert_accessible()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="My profile").is_visible()

    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/$"))
    checked_page.assert_accessible()
    assert page.get_by_role("link", name="Log in").is_visible()
    page.get_by_role("button", name="Русский").click()
    checked_page.assert_accessible()
    assert page.locator("html").get_attribute("lang") == "ru"
