"""Two people press «Book» for the same slot at the same moment: PostgreSQL lets one win."""

import threading

import pytest
import time_machine
from django.db import connection

from consulting.models import Booking
from consulting.services import bookings
from consulting.services.bookings import SlotTaken
from tests.consulting.conftest import MONDAY_9AM, local


@pytest.mark.django_db(transaction=True)
def test_simultaneous_bookings_of_one_slot_store_exactly_one(make_user, consultant, topic):
    activists = [make_user("activist") for _ in range(8)]
    barrier = threading.Barrier(len(activists))
    outcomes = []

    def book(activist):
        try:
            with time_machine.travel(MONDAY_9AM, tick=False):
                barrier.wait()
                bookings.booking_create(
                    activist=activist,
                    consultant=consultant,
                    topic=topic,
                    starts_at=local(1, 10),
                    question="Одновременно",
                )
            outcomes.append("booked")
        except SlotTaken:
            outcomes.append("taken")
        finally:
            connection.close()  # each thread has its own database connection

    threads = [threading.Thread(target=book, args=(a,)) for a in activists]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["booked"] + ["taken"] * 7
    assert Booking.objects.filter(starts_at=local(1, 10)).count() == 1
