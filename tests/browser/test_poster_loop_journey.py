"""The poster session's review loop in Chromium, at desktop and phone sizes: an initiative
submits a stand report; the coordinator asks for changes; the author sees the status and the
comment, resubmits from the last version; the coordinator accepts it with an award, and the
gallery shows it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from events.models import Event, StandReport
from initiatives.models import Membership
from tests.factories import OrganisationFactory

from .helpers import log_in, log_out, with_authenticator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_submit_changes_requested_resubmit_accepted_with_an_award(
    checked_page, make_user, tmp_path
):
    page = checked_page.page
    start = timezone.now() + timedelta(days=10)
    event = Event.objects.create(
        kind="poster_session",
        title="Городская постер-сессия",
        slug="poster-sessiya",
        starts_at=start,
        ends_at=start + timedelta(hours=4),
        reports_deadline=start - timedelta(days=2),
    )
    author = make_user(Role.ACTIVIST, last_name="Соколова", first_name="Анна")
    organisation = OrganisationFactory(name="Зелёный двор")
    Membership.objects.create(organisation=organisation, user=author, role="leader")
    coordinator = make_user(Role.COORDINATOR)
    secret = with_authenticator(coordinator)
    poster = tmp_path / "poster.pdf"
    poster.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

    log_in(checked_page, author.email)
    checked_page.goto(f"/events/{event.slug}/")
    checked_page.assert_accessible()
    page.get_by_role("link", name="Подать стендовый доклад").click()
    checked_page.assert_accessible()
    page.get_by_label(re.compile(r"^Название:?$")).fill("Двор без машин")
    page.get_by_label(re.compile(r"^Аннотация:?$")).fill("Как мы убрали машины со двора.")
    page.get_by_label(re.compile(r"^Постер:?$")).set_input_files(str(poster))
    page.get_by_role("button", name="Подать").click()
    page.wait_for_url(re.compile(r"/reports/new/$"))
    checked_page.assert_accessible()
    assert page.get_by_text("Подан", exact=True).is_visible()
    log_out(checked_page)

    log_in(checked_page, coordinator.email, totp_secret=secret)
    checked_page.goto(f"/events/{event.slug}/reports/")
    checked_page.assert_accessible()
    page.get_by_label("Решение").select_option("changes")
    page.get_by_label("Комментарий").fill("Добавьте цифры: сколько машин и деревьев")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"/reports/$"))
    checked_page.assert_accessible()
    log_out(checked_page)

    log_in(checked_page, author.email)
    checked_page.goto(f"/events/{event.slug}/reports/new/")
    checked_page.assert_accessible()
    assert page.get_by_text("Нужна доработка").is_visible()
    assert page.get_by_text("Добавьте цифры: сколько машин и деревьев").is_visible()
    page.get_by_role("link", name="Внести изменения и подать снова").click()
    checked_page.assert_accessible()
    title = page.get_by_label(re.compile(r"^Название:?$"))
    assert title.input_value() == "Двор без машин"  # the last version, not a blank form
    page.get_by_label(re.compile(r"^Аннотация:?$")).fill("Минус 40 машин, плюс 12 деревьев.")
    page.get_by_role("button", name="Подать").click()
    page.wait_for_url(re.compile(r"/reports/new/$"))
    checked_page.assert_accessible()
    assert page.get_by_text("Подан повторно").is_visible()
    log_out(checked_page)

    log_in(checked_page, coordinator.email, totp_secret=secret)
    checked_page.goto(f"/events/{event.slug}/reports/")
    checked_page.assert_accessible()
    page.get_by_label("Решение").select_option("accepted")
    page.get_by_label("Награда (для принятого доклада)").fill("Приз зрительских симпатий")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url(re.compile(r"/reports/$"))
    checked_page.assert_accessible()
    log_out(checked_page)

    checked_page.goto(f"/events/{event.slug}/reports/")
    checked_page.assert_accessible()
    assert page.get_by_text("Приз зрительских симпатий").is_visible()
    report = StandReport.objects.get()
    assert (report.status, report.abstract) == ("accepted", "Минус 40 машин, плюс 12 деревьев.")
