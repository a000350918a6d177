"""Events in Chromium, axe-checked: registering for a forum and checking the ticket in at the
door (a second check-in is refused), and Coffee with the Mayor from a question to a
commitment marked done on the public page."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.roles import Role
from events.models import Commitment, Event

from .helpers import log_in, log_out, with_authenticator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _event(kind, title, slug, **fields):
    start = timezone.now() + timedelta(days=5)
    return Event.objects.create(
        kind=kind,
        title=title,
        slug=slug,
        starts_at=start,
        ends_at=start + timedelta(hours=6),
        city="Зеленогорск",
        venue="Дворец культуры",
        **fields,
    )


def test_forum_registration_ticket_and_check_in(checked_page, make_user):
    page = checked_page.page
    event = _event(Event.Kind.FORUM, "Гражданский форум «Диалог»", "forum-dialog", capacity=200)
    activist = make_user(Role.ACTIVIST, last_name="Соколова", first_name="Анна")
    coordinator = make_user(Role.COORDINATOR)
    secret = with_authenticator(coordinator)

    log_in(checked_page, activist.email)
    page.get_by_role("link", name="Мероприятия", exact=True).click()
    checked_page.assert_accessible()
    page.get_by_role("link", name="Гражданский форум «Диалог»").click()
    checked_page.assert_accessible()
    page.get_by_role("button", name="Зарегистрироваться").click()
    page.wait_for_url(re.compile(r"/events/tickets/"))
    checked_page.assert_accessible()

    ticket = mail.outbox[-1]
    assert "Гражданский форум «Диалог»" in ticket.subject
    code = re.search(r"Код вашего билета: ([A-Z0-9]{10})", ticket.body).group(1)
    assert ticket.attachments[0][2] == "image/svg+xml"
    page.get_by_role("link", name=code).click()
    checked_page.assert_accessible()
    assert page.get_by_role("img", name=f"QR-код билета {code}").is_visible()
    log_out(checked_page)

    log_in(checked_page, coordinator.email, totp_secret=secret)
    checked_page.goto(f"/events/{event.slug}/check-in/")
    checked_page.assert_accessible()
    page.get_by_label("Код билета").fill(code.lower())
    page.get_by_role("button", name="Отметить").click()
    page.wait_for_url(re.compile(r"/check-in/$"))
    checked_page.assert_accessible()
    assert page.get_by_text(f"Добро пожаловать, Соколова Анна! Билет {code} отмечен.").is_visible()
    assert page.locator("#count-arrived").inner_text() == "1"

    page.get_by_label("Код билета").fill(code)
    page.get_by_role("button", name="Отметить").click()
    page.wait_for_url(re.compile(r"/check-in/$"))
    checked_page.assert_accessible()
    assert page.get_by_text(re.compile(f"Билет {code} уже отмечен")).is_visible()
    assert page.locator("#count-arrived").inner_text() == "1"


def test_coffee_with_the_mayor_from_question_to_commitment_done(checked_page, make_user):
    page = checked_page.page
    event = _event(Event.Kind.COFFEE_WITH_MAYOR, "Кофе с мэром", "kofe-s-merom")
    author = make_user(Role.ACTIVIST)
    supporter = make_user(Role.ACTIVIST)
    coordinator = make_user(Role.COORDINATOR)
    secret = with_authenticator(coordinator)
    question_text = "Когда в парке Гагарина починят освещение?"

    log_in(checked_page, author.email)
    checked_page.goto(f"/events/{event.slug}/questions/")
    checked_page.assert_accessible()
    page.get_by_label(re.compile(r"^Вопрос или предложение:?$")).fill(question_text)
    page.get_by_role("button", name="Отправить вопрос").click()
    page.wait_for_url(re.compile(r"/questions/$"))
    checked_page.assert_accessible()
    assert page.get_by_text("Вопрос отправлен.").is_visible()
    log_out(checked_page)

    log_in(checked_page, coordinator.email, totp_secret=secret)
    checked_page.goto(f"/events/{event.slug}/questions/")
    checked_page.assert_accessible()
    page.get_by_role("button", name="Включить в повестку").click()
    page.wait_for_url(re.compile(r"/questions/$"))
    checked_page.assert_accessible()
    log_out(checked_page)

    log_in(checked_page, supporter.email)
    checked_page.goto(f"/events/{event.slug}/questions/")
    checked_page.assert_accessible()
    page.get_by_role("button", name="Поддержать").click()
    page.wait_for_url(re.compile(r"/questions/$"))
    checked_page.assert_accessible()
    assert page.get_by_text("1 поддержка").is_visible()
    log_out(checked_page)

    # The meeting begins; the coordinator records the answers at it.
    now = timezone.now()
    Event.objects.filter(pk=event.pk).update(
        starts_at=now - timedelta(minutes=30), ends_at=now + timedelta(hours=1)
    )
    log_in(checked_page, coordinator.email, totp_secret=secret)
    checked_page.goto(f"/events/{event.slug}/questions/")
    checked_page.assert_accessible()
    page.get_by_label(re.compile(r"^Ответ:?$")).fill("Отремонтируем до мая")
    page.get_by_label(re.compile(r"^Обещание: что будет сделано:?$")).fill(
        "Освещение в парке Гагарина"
    )
    page.get_by_label(re.compile(r"^Ответственный:?$")).fill("Управление благоустройства")
    page.get_by_label(re.compile(r"^Срок:?$")).fill("2027-05-01")
    page.get_by_role("button", name="Записать ответ").click()
    page.wait_for_url(re.compile(r"/questions/$"))
    checked_page.assert_accessible()
    page.get_by_role("link", name="Обещания по итогам встреч").first.click()
    checked_page.assert_accessible()
    assert page.get_by_text("Обещано на встречах: 1; выполнено: 0.").is_visible()
    page.get_by_label(re.compile(r"^Что сделано:?$")).fill("Поставили 40 фонарей")
    page.get_by_role("button", name="Отметить выполненным").click()
    page.wait_for_url(re.compile(r"/events/commitments/$"))
    checked_page.assert_accessible()
    assert page.get_by_text("Обещано на встречах: 1; выполнено: 1.").is_visible()
    assert Commitment.objects.get().done_on == timezone.localdate()
    log_out(checked_page)

    # Anyone sees the result on the public page.
    checked_page.goto("/events/commitments/")
    checked_page.assert_accessible()
    assert page.get_by_text("Поставили 40 фонарей").is_visible()
