"""The waitlist rules shared by training sessions and events (civiccenter/kernel/waitlist.py)."""

import pytest
from django.core.exceptions import ValidationError

from civiccenter.kernel.integrity import duplicate_refused
from civiccenter.kernel.waitlist import joins_waitlist
from events.models import Registration
from tests.factories import EventFactory, UserFactory

FULL = ValidationError("full", code="full")


@pytest.mark.parametrize(
    ("capacity", "taken", "accepted", "waits"),
    [
        (None, 1000, False, False),  # no limit
        (5, 4, False, False),
        (5, 4, True, False),  # a place is left: nobody waits who need not
        (5, 5, True, True),
    ],
)
def test_who_waits(capacity, taken, accepted, waits):
    assert (
        joins_waitlist(capacity=capacity, taken=taken, waitlist_accepted=accepted, full=FULL)
        is waits
    )


def test_a_full_place_without_consent_to_wait_is_refused():
    with pytest.raises(ValidationError) as refused:
        joins_waitlist(capacity=5, taken=5, waitlist_accepted=False, full=FULL)
    assert refused.value.code == "full"


@pytest.mark.django_db
def test_a_second_live_sign_up_of_one_person_becomes_the_services_message():
    event, person = EventFactory(), UserFactory()
    Registration.objects.create(event=event, user=person, status="registered")
    twice = ValidationError("Вы уже зарегистрированы на это мероприятие.", code="twice")

    with pytest.raises(ValidationError) as refused, duplicate_refused(twice):
        Registration.objects.create(event=event, user=person, status="waitlisted")

    assert refused.value.code == "twice"
    assert Registration.objects.filter(event=event, user=person).count() == 1
