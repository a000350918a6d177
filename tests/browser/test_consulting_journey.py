"""An activist books a slot, the consultant confirms it and logs 1.5 hours against it, and
the quarter dashboard shows the new total — in Chromium, axe-checked. The clock of the whole
process (the live server included) is set to a known Monday."""

import re
from datetime import time as clock_time
from datetime import timedelta

import pytest
import time_machine

from accounts.roles import Role
from consulting.models import Consultant, ConsultationLog, ConsultingTopic, WeeklyAvailability
from tests.consulting.conftest import MONDAY_9AM
from tests.factories import OrganisationFactory

from .helpers import log_in, log_out, with_authenticator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_activist_books_consultant_logs_hours_dashboard_shows_total(checked_page, make_user):
    page = checked_page.page
    topic = ConsultingTopic.objects.create(name="Бюджет проекта")
    activist = make_user(Role.ACTIVIST)
    user = make_user(Role.CONSULTANT, last_name="Петров", first_name="Игорь")
    secret = with_authenticator(user)
    consultant = Consultant.objects.create(user=user)
    consultant.topics.add(topic)
    OrganisationFactory(name="Зелёный двор")
    OrganisationFactory.create_batch(5)
    WeeklyAvailability.objects.create(
        consultant=consultant, weekday=0, starts=clock_time(10), ends=clock_time(13)
    )

    with time_machine.travel(MONDAY_9AM, tick=True) as traveller:
        log_in(checked_page, activist.email)
        page.get_by_role("link", name="Консультации", exact=True).click()
        checked_page.assert_accessible()
        page.get_by_role("link", name="Записаться: Бюджет проекта").click()
        checked_page.assert_accessible()
        # Two hours ahead at the least: at nine o'clock the first free slot is at twelve.
        # The page opens on the day of the first free time; its slots are labelled by time.
        page.get_by_label("12:00–13:00", exact=True).check()
        page.get_by_label(re.compile(r"^Ваш вопрос:?$")).fill("Как составить смету проекта?")
        page.get_by_role("button", name="Записаться").click()
        page.wait_for_url(re.compile(r"/consulting/bookings/mine/"))
        checked_page.assert_accessible()
        assert page.get_by_role("cell", name="Запрошена").is_visible()
        log_out(checked_page)

        log_in(checked_page, user.email, totp_secret=secret)
        page.get_by_role("link", name="Рабочий стол").click()
        checked_page.assert_accessible()
        page.get_by_role("link", name="Часы приёма").click()
        checked_page.assert_accessible()
        assert page.get_by_role("cell", name="10:00–13:00", exact=True).is_visible()
        page.get_by_role("link", name="Рабочий стол").click()
        page.get_by_role("link", name="Записи на консультации", exact=True).click()
        checked_page.assert_accessible()
        page.get_by_role("button", name="Подтвердить").click()
        page.wait_for_url(re.compile(r"/consulting/bookings/$"))
        checked_page.assert_accessible()

        # The consultation took place; at half past one the consultant logs it.
        traveller.move_to(MONDAY_9AM + timedelta(hours=4, minutes=30))
        page.get_by_role("link", name="Внести часы").click()
        checked_page.assert_accessible()
        page.get_by_label(re.compile(r"^Длительность, ч:?$")).fill("1.5")
        # The initiative is found by a word of its name: Enter in the search box finds,
        # keeps the duration typed, saves nothing; then it is ticked and the form saved.
        search = page.get_by_label("Найти инициативу")
        search.fill("двор")
        search.press("Enter")
        page.get_by_role("checkbox", name="Зелёный двор").check()
        checked_page.assert_accessible()
        assert ConsultationLog.objects.count() == 0
        duration = page.get_by_label(re.compile(r"^Длительность, ч:?$"))
        assert duration.input_value() == "1.5"
        # Enter in any other field saves (without the picker's script it would press «Find»,
        # the form's first button).
        duration.press("Enter")
        page.wait_for_url(re.compile(r"/consulting/dashboard/\?quarter=2026-Q4"))
        checked_page.assert_accessible()
        assert page.locator("#hours-total").inner_text() == "1,5"
        assert page.get_by_text("Консультация внесена в журнал.").is_visible()

        # The log lists it: the date a link to its form, the hours in quarters, the initiative.
        page.get_by_role("link", name="Рабочий стол").click()
        page.get_by_role("link", name="Журнал консультаций").click()
        page.wait_for_url(re.compile(r"/consulting/log/$"))
        checked_page.assert_accessible()
        row = page.get_by_role("row").filter(has_text="Зелёный двор")
        assert row.get_by_role("cell", name="1,5", exact=True).is_visible()
        assert row.get_by_role("link", name="30.11.2026").is_visible()

    log = ConsultationLog.objects.get()
    assert log.duration_minutes == 90 and log.booking.activist == activist
    assert [o.name for o in log.organisations.all()] == ["Зелёный двор"]
