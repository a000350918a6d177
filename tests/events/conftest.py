from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.utils import timezone

from accounts.roles import Role
from events.models import Event


@pytest.fixture
def make_event(db):
    counter = {"n": 0}

    def make(kind=Event.Kind.FORUM, capacity=None, starts_in=timedelta(days=7), **fields):
        counter["n"] += 1
        start = timezone.now() + starts_in
        return Event.objects.create(
            kind=kind,
            title=fields.pop("title", f"Форум «Диалог» {counter['n']}"),
            slug=f"event-{counter['n']}",
            starts_at=start,
            ends_at=start + timedelta(hours=6),
            city="Зеленогорск",
            capacity=capacity,
            **fields,
        )

    return make


@pytest.fixture
def coordinator(make_user):
    user = make_user(Role.COORDINATOR, last_name="Кузнецов", first_name="Дмитрий")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user
