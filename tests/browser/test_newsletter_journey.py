"""An activist agrees to newsletters in their profile; a coordinator writes one to the people
registered for a forum, checks it, sends a test to themself and sends it; the letter arrives
and its link withdraws the consent without signing in — at desktop and phone sizes, in
Russian, axe-checked, without the Django admin."""

import re

import pytest
from django.core import mail

from accounts.roles import Role
from events.models import Registration
from tests.factories import EventFactory

from .helpers import log_in, log_out, with_authenticator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_newsletter_from_consent_to_withdrawal(checked_page, make_user):
    page = checked_page.page
    forum = EventFactory(title="Гражданский форум «Диалог»")
    reader = make_user(Role.ACTIVIST, email="reader@example.org")
    other = make_user(Role.ACTIVIST, email="no-consent@example.org")
    for person in (reader, other):
        Registration.objects.create(event=forum, user=person, status="registered")

    log_in(checked_page, reader.email)
    checked_page.goto("/accounts/profile/")
    checked_page.assert_accessible()
    section = page.get_by_role("region", name="Рассылки центра")
    section.get_by_label("Я согласен(на) получать рассылки центра").check()
    section.get_by_role("button", name="Сохранить").click()
    checked_page.assert_accessible()
    assert page.get_by_text("Рассылки центра будут приходить на вашу почту.").is_visible()
    log_out(checked_page)

    coordinator = make_user(Role.COORDINATOR, email="coordinator@example.org")
    log_in(checked_page, coordinator.email, totp_secret=with_authenticator(coordinator))
    page.get_by_role("link", name="Рабочий стол").click()
    checked_page.assert_accessible()
    page.get_by_role("link", name="Рассылки", exact=True).click()
    checked_page.assert_accessible()
    page.get_by_role("link", name="Написать рассылку").click()
    checked_page.assert_accessible()
    page.get_by_label(re.compile(r"^Тема письма")).fill("Итоги форума «Диалог»")
    page.get_by_label(re.compile(r"^Текст письма")).fill(
        "Спасибо, что были с нами!\n\nМатериалы форума — на странице мероприятия."
    )
    page.get_by_label("Зарегистрированные на мероприятие").check()
    page.get_by_role("button", name="Сохранить и проверить").click()
    # The event was not chosen: the error says so and nothing typed is lost.
    checked_page.assert_accessible()
    assert page.get_by_text("Выберите мероприятие").first.is_visible()
    assert page.get_by_label(re.compile(r"^Тема письма")).input_value() == "Итоги форума «Диалог»"
    page.get_by_label(re.compile(r"^Мероприятие")).select_option(str(forum.pk))
    page.get_by_role("button", name="Сохранить и проверить").click()
    checked_page.assert_accessible()
    assert page.get_by_text("Спасибо, что были с нами!").is_visible()
    assert page.get_by_text("1 человек, согласившийся на рассылки").is_visible()

    mail.outbox.clear()
    page.get_by_role("button", name="Отправить проверочное письмо себе").click()
    checked_page.assert_accessible()
    assert [letter.to for letter in mail.outbox] == [[coordinator.email]]

    mail.outbox.clear()
    page.get_by_role("button", name="Отправить 1 получателю").click()
    checked_page.assert_accessible()
    assert page.get_by_text("написано 1 из 1").is_visible()
    (letter,) = mail.outbox
    assert letter.to == [reader.email]
    assert "Материалы форума — на странице мероприятия." in letter.body
    link = re.search(r"https?://\S+/newsletters/unsubscribe/\S+/", letter.body).group(0)
    assert letter.extra_headers["List-Unsubscribe"] == f"<{link}>"
    log_out(checked_page)

    checked_page.goto(link[link.index("/accounts/") :])
    checked_page.assert_accessible()
    page.get_by_role("button", name="Отказаться от рассылок").click()
    checked_page.assert_accessible()
    assert page.get_by_text("согласие на рассылки отозвано").is_visible()
    reader.refresh_from_db()
    assert not reader.receives_newsletters
    assert not [path for path in checked_page.visited if path.startswith("/admin/")]


def test_a_coordinator_makes_an_api_key_uses_it_and_revokes_it(checked_page, make_user, client):
    page = checked_page.page
    coordinator = make_user(Role.COORDINATOR, email="coordinator@example.org")
    log_in(checked_page, coordinator.email, totp_secret=with_authenticator(coordinator))
    page.get_by_role("link", name="Рабочий стол").click()
    checked_page.assert_accessible()
    page.get_by_role("link", name="Ключи API для выгрузок").click()
    checked_page.assert_accessible()
    page.get_by_role("button", name="Создать ключ").click()
    checked_page.assert_accessible()
    assert page.get_by_text("Обязательное поле").first.is_visible()
    page.get_by_label(re.compile(r"^Для чего ключ")).fill("Отчёт для администрации")
    page.get_by_role("button", name="Создать ключ").click()
    checked_page.assert_accessible()
    key = page.locator("code.secret").inner_text()
    assert key.startswith("cc_")
    headers = {"Authorization": f"Bearer {key}"}
    assert client.get("/api/staff/consultations/", headers=headers).status_code == 200

    page.get_by_role("button", name="Отозвать").click()
    checked_page.assert_accessible()
    assert page.get_by_text("Ключ отозван").is_visible()
    assert client.get("/api/staff/consultations/", headers=headers).status_code == 401
