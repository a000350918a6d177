"""Two people press «Book» for the same slot at the same moment: PostgreSQL lets one win."""

import pytest
import time_machine

from consulting.models import Booking
from consulting.services import bookings
from consulting.services.bookings import SlotTaken
from tests.concurrency import at_once
from tests.consulting.conftest import MONDAY_9AM, local


@pytest.mark.django_db(transaction=True)
def test_simultaneous_bookings_of_one_slot_store_exactly_one(make_user, consultant, topic):
    activists = [make_user("activist") for _ in range(8)]

    def book(activist):
        with time_machine.travel(MONDAY_9AM, tick=False):
            bookings.booking_create(
                activist=activist,
                consultant=consultant,
                topic=topic,
                starts_at=local(1, 10),
                question="Одновременно",
            )

    outcomes = at_once(book, activists, refused=SlotTaken)

    assert sorted(outcomes) == ["ok"] + ["refused"] * 7
    assert Booking.objects.filter(starts_at=local(1, 10)).count() == 1
