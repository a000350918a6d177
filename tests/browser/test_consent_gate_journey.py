"""A person whose account the centre made signs in and is asked for consent first — on a
desktop and on a phone."""

import re

import pytest

from accounts.models import PersonalDataConsent

from .helpers import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_first_sign_in_asks_for_consent_then_opens_the_profile(checked_page, make_user):
    person = make_user("activist", consented=False, email="olga@example.org")
    page = checked_page.page
    checked_page.goto("/accounts/login/")
    checked_page.assert_accessible()
    page.get_by_label("Адрес электронной почты").fill(person.email)
    page.get_by_label(re.compile(r"^Пароль:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()

    page.wait_for_url(re.compile(r"/accounts/profile/consent/"))
    checked_page.assert_accessible()
    assert page.get_by_text("согласие ещё не записано").is_visible()
    page.get_by_role("button", name="Дать согласие").click()
    checked_page.assert_accessible()
    assert page.get_by_text("Отметьте флажок, чтобы дать согласие").is_visible()
    assert not PersonalDataConsent.objects.filter(user=person).exists()

    page.get_by_label("Я даю согласие на обработку моих персональных данных").check()
    page.get_by_role("button", name="Дать согласие").click()
    page.wait_for_url(re.compile(r"/accounts/profile/$"))
    checked_page.assert_accessible()
    assert page.get_by_text("Спасибо: ваше согласие записано.").is_visible()
    assert PersonalDataConsent.objects.filter(user=person).count() == 1
