from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.utils import timezone

from accounts.roles import Role
from training.models import Programme, Session, SessionDay


@pytest.fixture
def programme(db):
    return Programme.objects.get_or_create(
        title="Как общаться со СМИ", defaults={"kind": Programme.Kind.MASTER_CLASS}
    )[0]


@pytest.fixture
def make_session(programme):
    def make(capacity=10, days=1, starts_in=timedelta(days=3), hours=3):
        session = Session.objects.create(
            programme=programme, place="Центр ГРАНИ", capacity=capacity
        )
        start = (timezone.now() + starts_in).replace(minute=0, second=0, microsecond=0)
        for day in range(days):
            SessionDay.objects.create(
                session=session,
                starts_at=start + timedelta(days=day),
                ends_at=start + timedelta(days=day, hours=hours),
            )
        return session

    return make


@pytest.fixture
def trainer_user(make_user):
    user = make_user(Role.TRAINER, last_name="Мельникова", first_name="Ольга")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user
