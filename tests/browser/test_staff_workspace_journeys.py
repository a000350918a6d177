"""The centre's staff do their day's work in the portal, never in the Django admin — in
Chromium, at desktop and phone sizes: a coordinator makes a forum with a programme on zones of
its own and partners, copies it as the next edition and enters its outcomes after it; a trainer
creates a session and marks attendance; a consultant holds an expert council and keeps a
roadmap; the administration sets a quarter's target and the dashboard shows it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from civiccenter.kernel.models import targets_for
from civiccenter.kernel.quarters import Quarter
from consulting.models import Consultant, ExpertCouncil, Roadmap
from events.models import Event
from tests.factories import OrganisationFactory
from training.models import Attendance, Programme, Session
from training.services import enrolment

from .helpers import log_in, with_authenticator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _no_admin(checked_page) -> None:
    opened = [path for path in checked_page.visited if path.startswith("/admin/")]
    assert opened == [], f"the journey opened the Django admin: {opened}"


def _to_desk_page(checked_page, name: str) -> None:
    page = checked_page.page
    page.get_by_role("link", name="Рабочий стол").click()
    checked_page.assert_accessible()
    page.get_by_role("link", name=name, exact=True).click()
    checked_page.assert_accessible()


def test_a_coordinator_runs_a_forum_from_plan_to_outcomes(checked_page, make_user):
    page = checked_page.page
    coordinator = make_user(Role.COORDINATOR)
    secret = with_authenticator(coordinator)
    born = OrganisationFactory(name="Соседский центр «Липовая»")
    start = (timezone.now() + timedelta(days=20)).replace(hour=5, minute=0, second=0)

    log_in(checked_page, coordinator.email, totp_secret=secret)
    _to_desk_page(checked_page, "Мероприятия центра")
    page.get_by_role("link", name="Новое мероприятие").click()
    checked_page.assert_accessible()
    page.get_by_label(re.compile(r"^Вид:?$")).select_option("forum")
    page.get_by_label(re.compile(r"^Название:?$")).fill("Гражданский форум «Диалог»")
    page.locator('[name="starts_at"]').fill(_local(start))
    page.locator('[name="ends_at"]').fill(_local(start + timedelta(hours=8)))
    page.get_by_label(re.compile(r"^Город:?$")).fill("Зеленогорск")
    page.get_by_label(re.compile(r"^Мест:?$")).fill("200")
    page.locator('[name="zones-0-name"]').fill("Сцена")
    page.locator('[name="zones-1-name"]').fill("Джаз-кафе")
    page.locator('[name="zones-2-name"]').fill("Детская площадка")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"/events/manage/\d+/$"))
    checked_page.assert_accessible()
    assert page.get_by_text("Мероприятие сохранено.").is_visible()
    forum = Event.objects.get(title="Гражданский форум «Диалог»")
    assert [z.name for z in forum.zones.all()] == ["Сцена", "Джаз-кафе", "Детская площадка"]

    page.get_by_role("link", name="Программа и партнёры").click()
    checked_page.assert_accessible()
    page.locator('[name="agenda-0-title"]').fill("Открытие форума")
    page.locator('[name="agenda-0-starts_at"]').fill(_local(start))
    page.locator('[name="agenda-0-ends_at"]').fill(_local(start + timedelta(hours=1)))
    page.locator('[name="agenda-0-zone"]').select_option(label="Сцена")
    page.locator('[name="agenda-1-title"]').fill("Мастер-класс для детей")
    page.locator('[name="agenda-1-starts_at"]').fill(_local(start + timedelta(hours=2)))
    page.locator('[name="agenda-1-ends_at"]').fill(_local(start + timedelta(hours=3)))
    page.locator('[name="agenda-1-zone"]').select_option(label="Детская площадка")
    page.locator('[name="partners-0-name"]').fill("Администрация ЗАТО Зеленогорск")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"/programme/$"))
    checked_page.assert_accessible()
    assert page.get_by_text("Программа сохранена.").is_visible()

    page.get_by_role("link", name="Следующий выпуск").click()
    checked_page.assert_accessible()
    page.get_by_label(re.compile(r"^Название нового выпуска:?$")).fill("Форум «Диалог» — осень")
    autumn = timezone.localdate(start) + timedelta(days=180)
    page.locator('[name="starts_on"]').fill(autumn.isoformat())
    page.get_by_role("button", name="Создать следующий выпуск").click()
    page.wait_for_url(re.compile(r"/events/manage/\d+/$"))
    checked_page.assert_accessible()
    autumn_forum = Event.objects.get(title="Форум «Диалог» — осень")
    assert timezone.localdate(autumn_forum.starts_at) == autumn
    assert [i.zone.name for i in autumn_forum.agenda.all()] == ["Сцена", "Детская площадка"]
    assert autumn_forum.partners.get().name == "Администрация ЗАТО Зеленогорск"

    # The spring forum takes place.
    held = timezone.now() - timedelta(days=1)
    Event.objects.filter(pk=forum.pk).update(starts_at=held - timedelta(hours=8), ends_at=held)
    checked_page.goto(f"/events/manage/{forum.pk}/outcome/")
    checked_page.assert_accessible()
    page.get_by_label(re.compile(r"^Участники без регистрации:?$")).fill("140")
    page.get_by_label(re.compile(r"^Спичи:?$")).fill("5")
    search = page.get_by_label("Найти инициативу")
    search.fill("Липовая")
    search.press("Enter")
    page.get_by_role("checkbox", name="Соседский центр «Липовая»").check()
    checked_page.assert_accessible()
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"/outcome/(#.*)?$"))
    checked_page.assert_accessible()
    outcome = Event.objects.get(pk=forum.pk).outcome
    assert (outcome.other_participants, outcome.speeches) == (140, 5)
    assert list(outcome.initiatives_formed.all()) == [born]
    # A newspaper wrote about it: logged from the outcomes page, one publication at a time.
    page.get_by_role("link", name="Внести публикацию об этом мероприятии").click()
    checked_page.assert_accessible()
    page.get_by_label(re.compile(r"^СМИ:?")).fill("Пермские новости")
    page.get_by_label(re.compile(r"^Дата публикации:?")).fill(timezone.localdate().isoformat())
    page.get_by_label(re.compile(r"^Ссылка:?")).fill("https://permnews.example/forum")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"/events/manage/media/(#.*)?$"))
    checked_page.assert_accessible()
    assert forum.media_publications.get().outlet == "Пермские новости"
    _no_admin(checked_page)


def test_a_trainer_creates_a_session_and_marks_attendance(checked_page, make_user):
    page = checked_page.page
    Programme.objects.create(title="Фандрайзинг для инициатив", kind="training")
    trainer = make_user(Role.TRAINER)
    secret = with_authenticator(trainer)
    start = (timezone.now() + timedelta(hours=1)).replace(second=0, microsecond=0)

    log_in(checked_page, trainer.email, totp_secret=secret)
    _to_desk_page(checked_page, "Обучение: занятия, программы, тренеры")
    page.get_by_role("link", name="Новое занятие").click()
    checked_page.assert_accessible()
    page.get_by_label(re.compile(r"^Программа:?$")).select_option(label="Фандрайзинг для инициатив")
    page.get_by_label(re.compile(r"^Место проведения:?$")).fill("Центр ГРАНИ, зал 2")
    page.get_by_label(re.compile(r"^Мест:?$")).fill("12")
    page.locator('[name="days-0-starts_at"]').fill(_local(start))
    page.locator('[name="days-0-ends_at"]').fill(_local(start + timedelta(hours=3)))
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"/training/manage/sessions/\d+/$"))
    checked_page.assert_accessible()
    session = Session.objects.get()
    activist = make_user(Role.ACTIVIST, last_name="Соколова", first_name="Анна")
    enrolment.enrolment_create(session=session, user=activist)

    page.get_by_role("link", name="← Обучение: занятия, программы, тренеры").click()
    checked_page.assert_accessible()
    page.locator(f'a[href*="/training/sessions/{session.pk}/days/"]').first.click()
    checked_page.assert_accessible()
    page.get_by_label("Соколова Анна").check()
    page.get_by_role("button", name="Сохранить посещаемость").click()
    page.wait_for_url(re.compile(r"/attendance/$"))
    checked_page.assert_accessible()
    assert Attendance.objects.get().present is True
    _no_admin(checked_page)


def test_a_consultant_holds_an_expert_council_and_keeps_a_roadmap(checked_page, make_user):
    page = checked_page.page
    user = make_user(Role.CONSULTANT, last_name="Петров", first_name="Игорь")
    secret = with_authenticator(user)
    consultant = Consultant.objects.create(user=user)
    OrganisationFactory(name="Двор без машин")

    log_in(checked_page, user.email, totp_secret=secret)
    _to_desk_page(checked_page, "Дорожные карты и экспертные консилиумы")
    page.get_by_role("link", name="Новый экспертный консилиум").click()
    checked_page.assert_accessible()
    search = page.get_by_label("Найти инициативу")
    search.fill("двор")
    search.press("Enter")
    page.get_by_role("radio", name="Двор без машин").check()
    checked_page.assert_accessible()
    page.locator('[name="held_on"]').fill(timezone.localdate().isoformat())
    page.get_by_label(re.compile(r"^Приглашённые эксперты:?$")).fill(
        "Е. Петрова, Гражданская палата"
    )
    page.get_by_label(re.compile(r"^Заключение и решения:?$")).fill(
        "Проект реализуем; нужен партнёр среди ТОС."
    )
    page.get_by_role("button", name="Сохранить").click()
    # A redirect keeps the «Find» button's #fragment, as browsers do.
    page.wait_for_url(re.compile(r"/consulting/councils/(#.*)?$"))
    checked_page.assert_accessible()
    council = ExpertCouncil.objects.get()
    assert list(council.experts.all()) == [user]

    page.get_by_role("link", name="Новая дорожная карта").click()
    checked_page.assert_accessible()
    search = page.get_by_label("Найти инициативу")
    search.fill("двор")
    search.press("Enter")
    page.get_by_role("radio", name="Двор без машин").check()
    page.get_by_label(re.compile(r"^Название:?$")).fill("Запуск ТОС «Двор без машин»")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"/consulting/roadmaps/\d+/(#.*)?$"))
    checked_page.assert_accessible()
    roadmap = Roadmap.objects.get()
    assert roadmap.consultant == consultant
    page.get_by_label(re.compile(r"^Этап:?$")).fill("Собрание жителей")
    page.get_by_label(re.compile(r"^Ответственный:?$")).fill("Инициативная группа")
    page.locator('[name="due_on"]').fill((timezone.localdate() + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Добавить", exact=True).click()
    page.wait_for_url(re.compile(r"/consulting/roadmaps/\d+/(#.*)?$"))
    checked_page.assert_accessible()
    assert roadmap.milestones.get().title == "Собрание жителей"
    _no_admin(checked_page)


def test_the_administration_sets_a_target_and_the_dashboard_shows_it(checked_page, make_user):
    page = checked_page.page
    head = make_user(Role.ADMINISTRATION)
    secret = with_authenticator(head)
    quarter = Quarter.current()

    log_in(checked_page, head.email, totp_secret=secret)
    _to_desk_page(checked_page, "Плановые показатели кварталов")
    page.get_by_role("link", name=quarter.label).click()
    checked_page.assert_accessible()
    page.get_by_label(re.compile(r"^Часы консультаций:?$")).fill("320")
    page.get_by_label(re.compile(r"^Спичи, шт\.:?$")).fill("12")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"/desk/targets/$"))
    checked_page.assert_accessible()
    assert targets_for(quarter)["consulting_hours"] == 320
    _to_desk_page(checked_page, "Часы консультаций")
    assert page.get_by_text("320").first.is_visible()
    _no_admin(checked_page)
