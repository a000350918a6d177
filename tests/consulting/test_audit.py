"""Changes to consulting made through its services are in the audit trail."""

from datetime import date

import pytest

from civiccenter.kernel import audit
from consulting.models import Milestone, Roadmap
from consulting.services import bookings, roadmaps
from tests.factories import OrganisationFactory

from .conftest import local

pytestmark = pytest.mark.django_db


def test_a_booking_keeps_who_made_confirmed_and_moved_it(clock, activist, consultant, topic):
    booking = bookings.booking_create(
        activist=activist, consultant=consultant, topic=topic, starts_at=local(1, 10), question="?"
    )
    bookings.booking_confirm(booking=booking, staff=consultant.user)
    bookings.booking_move(booking=booking, user=consultant.user, starts_at=local(1, 11))

    moved, confirmed, created = audit.history(booking)
    assert (created.action, created.actor) == ("created", activist)
    assert (confirmed.action, confirmed.actor) == ("confirmed", consultant.user)
    assert moved.action == "moved"
    assert moved.changes["starts_at"][0] != moved.changes["starts_at"][1]


def test_roadmap_milestones_are_written_by_the_service_with_their_trail(consultant):
    roadmap = Roadmap.objects.create(
        organisation=OrganisationFactory(), consultant=consultant, title="Дорожная карта"
    )
    milestone = roadmaps.milestone_add(
        roadmap=roadmap,
        user=consultant.user,
        title="Устав",
        owner="Лидер",
        due_on=date(2026, 12, 20),
        status=Milestone.Status.PLANNED,
    )
    roadmaps.milestone_set_status(milestone=milestone, user=consultant.user, status="done")

    (added,) = audit.history(roadmap)
    assert added.changes == {"milestones": [None, "Устав"]}
    (done,) = audit.history(milestone)
    assert done.changes == {"status": ["Запланирован", "Выполнен"]}
    with pytest.raises(Exception, match="Выберите статус"):
        roadmaps.milestone_set_status(milestone=milestone, user=consultant.user, status="bogus")
