"""An activist registers an initiative through the steps, a coordinator approves it, and it
is found by a Russian full-text search in the catalogue — in Chromium, axe-checked."""

import re

import pytest

from accounts.roles import Role
from initiatives.models import Organisation

from .conftest import PHONE
from .helpers import log_in, log_out, with_authenticator

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_activist_registers_staff_approve_and_search_finds_it(checked_page, make_user, viewport):
    page = checked_page.page
    activist = make_user(Role.ACTIVIST)
    coordinator = make_user(Role.COORDINATOR)
    secret = with_authenticator(coordinator)

    log_in(checked_page, activist.email)
    page.get_by_role("link", name="Инициативы", exact=True).click()
    checked_page.assert_accessible()
    page.get_by_role("link", name="Зарегистрировать инициативу").click()
    checked_page.assert_accessible()

    # Step 1: about
    page.get_by_label(re.compile(r"^Вид:?$")).select_option(label="Инициативная группа")
    page.get_by_label(re.compile(r"^Название:?$")).fill("Экологическое движение «Чистая Кама»")
    page.get_by_label("Краткое описание").fill("Убираем берега Камы вместе с жителями")
    page.get_by_role("button", name="Сохранить и продолжить").click()
    page.wait_for_url(re.compile(r"/edit/topics/"))
    checked_page.assert_accessible()

    # Step 2: topics and district; saved as a draft first, then continued
    page.get_by_label("Экология").check()
    page.get_by_label(re.compile(r"^Город:?$")).fill("Пермь")
    page.get_by_role("button", name="Сохранить черновик").click()
    page.wait_for_url(re.compile(r"/edit/topics/"))
    checked_page.assert_accessible()
    assert page.get_by_label("Экология").is_checked()
    page.get_by_role("button", name="Сохранить и продолжить").click()
    page.wait_for_url(re.compile(r"/edit/contacts/"))
    checked_page.assert_accessible()

    # Step 3: contacts and links
    page.get_by_label("Страницы в социальных сетях").fill("https://vk.com/chistaya_kama")
    page.get_by_role("button", name="Сохранить и продолжить").click()
    page.wait_for_url(re.compile(r"/edit/team/"))
    checked_page.assert_accessible()

    # Step 4: team, and off to the moderators
    page.get_by_label("Участники").fill("25")
    page.get_by_role("button", name="Отправить на модерацию").click()
    page.wait_for_url(re.compile(r"/initiatives/[^/]+/$"))
    checked_page.assert_accessible()
    assert page.get_by_text("На модерации").first.is_visible()
    assert Organisation.objects.get().moderation == "pending"
    log_out(checked_page)

    # The coordinator signs in with the second factor and approves.
    log_in(checked_page, coordinator.email, totp_secret=secret)
    page.get_by_role("link", name="Рабочий стол").click()
    checked_page.assert_accessible()
    page.get_by_role("link", name="Модерация").click()
    checked_page.assert_accessible()
    page.get_by_role("button", name="Одобрить «Экологическое движение «Чистая Кама»»").click()
    page.wait_for_url(re.compile(r"/initiatives/moderation/"))
    checked_page.assert_accessible()
    assert page.get_by_text("На модерации ничего нет.").is_visible()
    log_out(checked_page)

    # Anyone finds it by another form of the word.
    checked_page.goto("/initiatives/")
    checked_page.assert_accessible()
    filters = page.locator("details.filters")
    if viewport is PHONE:  # folded so that the results come first
        assert filters.get_attribute("open") is None
        page.get_by_text("Поиск и фильтры", exact=True).click()
    else:
        assert filters.get_attribute("open") is not None
    page.get_by_label(re.compile(r"^Поиск:?$")).fill("экология")
    page.get_by_role("button", name="Показать").click()
    page.wait_for_url(re.compile(r"q=%D1%8D%D0%BA"))
    checked_page.assert_accessible()
    result = page.get_by_role("link", name="Экологическое движение «Чистая Кама»")
    assert result.is_visible()
    result.click()
    checked_page.assert_accessible()
    assert page.get_by_role("heading", name="Экологическое движение «Чистая Кама»").is_visible()
    # Its social page shows as the network's icon and name, served by the portal itself.
    vk = page.get_by_role("link", name="VK")
    assert vk.get_attribute("href") == "https://vk.com/chistaya_kama"
