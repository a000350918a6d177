"""A business game with a late joiner, in Chromium at desktop and phone sizes: the coordinator
forms the teams and notes a team's problems; a person who joins afterwards picks a social
group from the coordinator's list, is registered for the event and placed into a team at once;
forming again keeps what the team wrote."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from events.models import Event, GameParticipant, Registration, Team
from events.services import participants

from .helpers import log_in, log_out, with_authenticator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_late_joiner_is_placed_without_reforming_the_teams(checked_page, make_user):
    page = checked_page.page
    start = timezone.now() + timedelta(days=5)
    game = Event.objects.create(
        kind="business_game",
        title="Деловая игра «Бюджет города»",
        slug="igra-byudzhet",
        starts_at=start,
        ends_at=start + timedelta(hours=4),
        game_social_groups="Молодёжь\nПенсионеры\nПредприниматели",
        game_fields="Экология\nКультура",
    )
    for group in ("Молодёжь", "Пенсионеры", "Молодёжь", "Предприниматели"):
        participants.game_join(event=game, user=make_user(), social_group=group, field="Экология")
    coordinator = make_user(Role.COORDINATOR)
    secret = with_authenticator(coordinator)

    log_in(checked_page, coordinator.email, totp_secret=secret)
    checked_page.goto(f"/events/{game.slug}/teams/")
    checked_page.assert_accessible()
    page.get_by_label("Команды", exact=True).fill("2")
    page.get_by_label("Не меньше").fill("2")
    page.get_by_label("Не больше").fill("3")
    page.get_by_role("button", name="Сформировать команды").click()
    page.wait_for_url(re.compile(r"/teams/$"))
    checked_page.assert_accessible()
    assert Team.objects.filter(event=game).count() == 2
    page.get_by_role("link", name="Проблемы, решения и инициативы команды").first.click()
    checked_page.assert_accessible()
    page.get_by_label(re.compile(r"^Поднятые проблемы:?$")).fill("Нет освещения во дворах")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"/teams/$"))
    checked_page.assert_accessible()
    log_out(checked_page)

    late = make_user(Role.ACTIVIST, last_name="Соколова", first_name="Анна")
    log_in(checked_page, late.email)
    checked_page.goto(f"/events/{game.slug}/")
    checked_page.assert_accessible()
    page.get_by_label("Какую социальную группу вы представляете").select_option("Пенсионеры")
    page.get_by_label("Ваша сфера").select_option("Культура")
    page.get_by_role("button", name="Участвовать в игре").click()
    page.wait_for_url(re.compile(rf"/events/{game.slug}/$"))
    checked_page.assert_accessible()
    player = GameParticipant.objects.get(user=late)
    assert player.team is not None
    assert page.get_by_text(f"Ваша команда: {player.team.number}").is_visible()
    assert Registration.objects.get(event=game, user=late).status == "registered"
    log_out(checked_page)

    log_in(checked_page, coordinator.email, totp_secret=secret)
    checked_page.goto(f"/events/{game.slug}/teams/")
    checked_page.assert_accessible()
    page.get_by_role("button", name="Сформировать команды").click()
    page.wait_for_url(re.compile(r"/teams/$"))
    checked_page.assert_accessible()
    assert Team.objects.get(event=game, number=1).problems == "Нет освещения во дворах"
    assert not GameParticipant.objects.filter(event=game, team=None).exists()
