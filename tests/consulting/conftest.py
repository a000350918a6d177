from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from allauth.mfa.models import Authenticator

from accounts.roles import Role
from accounts.services import publication_consent_set
from consulting.models import Consultant, ConsultingTopic, WeeklyAvailability

# A Monday morning in the centre's time zone (Perm, UTC+5, the settings' default).
MONDAY_9AM = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Asia/Yekaterinburg"))


def local(days_after_monday: int, hour: int, minute: int = 0) -> datetime:
    """A moment counted from Monday 30 November 2026, in the centre's time zone."""
    return MONDAY_9AM.replace(hour=hour, minute=minute) + timedelta(days=days_after_monday)


@pytest.fixture
def clock():
    with time_machine.travel(MONDAY_9AM, tick=False) as traveller:
        yield traveller


@pytest.fixture
def topic(db):
    return ConsultingTopic.objects.create(name="Бюджет проекта")


@pytest.fixture
def consultant(make_user, topic):
    user = make_user(Role.CONSULTANT, last_name="Петров", first_name="Игорь")
    publication_consent_set(user=user, publishes=True)  # named on the pages, as consultants are
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    profile = Consultant.objects.create(user=user)
    profile.topics.add(topic)
    for weekday in range(5):
        WeeklyAvailability.objects.create(
            consultant=profile, weekday=weekday, starts=time(10), ends=time(13)
        )
    return profile


def log_form_data(consultant, topic, **overrides):
    """A valid POST of the consultation log form, with `overrides`."""
    data = {
        "held_on": "2026-11-30",
        "hours": "1.5",
        "topic": topic.pk,
        "channel": "walk_in",
        "people_count": "1",
        "consultants": [consultant.pk],
        "summary": "Разобрали смету проекта",
        "private_notes": "Лидер устал",
    }
    data.update(overrides)
    return data
