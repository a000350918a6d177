from datetime import timedelta

import pytest
from django.utils import timezone

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
