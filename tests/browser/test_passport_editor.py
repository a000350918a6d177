"""The passport editor's rows are added and removed in the browser, and saved."""

import re

import pytest

from accounts.roles import Role
from portal.models import PracticePassport

from .helpers import log_in, with_authenticator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_rows_are_added_removed_and_saved(checked_page, make_user):
    page = checked_page.page
    coordinator = make_user(Role.COORDINATOR)
    log_in(checked_page, coordinator.email, totp_secret=with_authenticator(coordinator))
    checked_page.goto("/initiatives/passports/new/")
    checked_page.assert_accessible()

    page.get_by_label(re.compile(r"^Наименование практики:?$")).fill("Форум «Диалог»")
    costs = page.locator('fieldset[data-table="costs"]')
    for row, (item, amount, source) in enumerate(
        [
            ("Кофе-брейк", "100 000", "Спонсоры"),
            ("Ошибочная строка", "1", "—"),
            ("Баннеры", "20 000", "Грант"),
        ]
    ):
        if row >= 2:
            costs.get_by_role("button", name="Добавить строку").click()
        costs.get_by_label(f"Статья затрат, строка {row + 1}").fill(item)
        costs.get_by_label(f"Сумма, руб., строка {row + 1}").fill(amount)
        costs.get_by_label(f"Источник финансирования, строка {row + 1}").fill(source)
    costs.get_by_role("button", name="Удалить строку").nth(1).click()
    assert costs.get_by_label("Статья затрат, строка 2").input_value() == "Баннеры"

    page.get_by_role("button", name="Сохранить").last.click()
    page.wait_for_url(re.compile(r"/initiatives/passports/\d+/$"))
    checked_page.assert_accessible()
    assert page.locator("#costs-total").inner_text() == "120\xa0000"
    passport = PracticePassport.objects.get()
    assert [row["item"] for row in passport.tables["costs"]] == ["Кофе-брейк", "Баннеры"]
