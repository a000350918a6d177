"""Changes to events made through their services are in the audit trail."""

import pytest

from civiccenter.kernel import audit
from events.services import registration

pytestmark = pytest.mark.django_db


def test_registration_check_in_and_a_freed_place_leave_a_trail(make_event, make_user, coordinator):
    event = make_event(capacity=1)
    first, second = make_user("activist"), make_user("activist")

    ticket = registration.registration_create(event=event, user=first)
    waiting = registration.registration_create(event=event, user=second, waitlist=True)
    registration.registration_cancel(registration=ticket, user=first)
    registration.check_in(event=event, code=waiting.ticket_code, staff=coordinator)

    assert [e.action for e in audit.history(ticket)] == ["cancelled", "registered"]
    assert [(e.action, e.actor) for e in audit.history(waiting)] == [
        ("checked_in", coordinator),
        ("promoted", None),
        ("waitlisted", second),
    ]
