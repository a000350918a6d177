"""List pages run the same number of queries however long the list: each page is loaded for
the security tests' small portal, then again after every list on it has grown by GROWTH rows.
(Pages with a fixed figure asserted elsewhere: the catalogue, moderation, the hours log, the
bookings, events, questions, commitments, programmes, the home page.)"""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from consulting.models import GrantReview, Roadmap
from events.models import Event, Registration, StandReport
from initiatives.models import ImportJob, Membership
from portal.models import PracticePassport, QuarterlyReport
from tests.factories import OrganisationFactory
from training.models import Certificate, Enrolment, Session, SessionDay

pytestmark = pytest.mark.django_db

GROWTH = 12


def _grow(world) -> None:
    """GROWTH more rows in every list the pages below show."""
    now = timezone.now()
    users, objects = world["users"], world["objects"]
    activist, staff = users["activist"], users["staff"]
    event, session = objects["event"], objects["session"]
    consultant = objects["booking"].consultant
    for n in range(GROWTH):
        organisation = OrganisationFactory()
        Membership.objects.create(organisation=organisation, user=activist, role="leader")
        other_event = Event.objects.create(
            kind="forum",
            title=f"Форум {n}",
            slug=f"forum-grow-{n}",
            starts_at=now + timedelta(days=10 + n),
            ends_at=now + timedelta(days=10 + n, hours=3),
        )
        Registration.objects.create(event=other_event, user=activist, status="registered")
        StandReport.objects.create(
            event=event,
            organisation=organisation,
            submitted_by=activist,
            title=f"Доклад {n}",
            abstract="…",
            poster=ContentFile(b"%PDF-1.4", name="p.pdf"),
            status="accepted",
        )
        other_session = Session.objects.create(
            programme=session.programme, place="Центр", capacity=10
        )
        SessionDay.objects.create(
            session=other_session,
            starts_at=now + timedelta(days=3 + n),
            ends_at=now + timedelta(days=3 + n, hours=2),
        )
        enrolment = Enrolment.objects.create(
            session=other_session, user=activist, status="enrolled"
        )
        Certificate.objects.create(enrolment=enrolment, state="pending")
        PracticePassport.objects.create(title=f"Паспорт {n}", author=staff, status="published")
        QuarterlyReport.objects.create(
            year=2020 + n // 4, quarter=1 + n % 4, requested_at=now, state="done"
        )
        GrantReview.objects.create(
            organisation=organisation,
            contest="Фонд",
            requested_amount=1000,
            reviewer=staff,
            reviewed_on=timezone.localdate(),
        )
        Roadmap.objects.create(organisation=organisation, consultant=consultant, title=f"Карта {n}")
        ImportJob.objects.create(
            file=ContentFile(b"name\nA\n", name="l.csv"), original_name=f"{n}.csv", created_by=staff
        )


PAGES = [
    ("events:tickets", {}, "activist"),
    ("training:mine", {}, "activist"),
    ("training:dashboard", {}, "staff"),
    ("initiatives:mine", {}, "activist"),
    ("passports:list", {}, "staff"),
    ("reports:archive", {}, "administration"),
    ("consulting:reviews", {}, "staff"),
    ("consulting:councils", {}, "staff"),
    ("initiatives:import", {}, "staff"),
    ("events:gallery", {"slug": "kofe"}, "anonymous"),
]


def _load(client, url) -> tuple[int, int]:
    """(queries, size of the page)."""
    client.get(url)  # sessions and caches warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.content)


@pytest.mark.parametrize(("name", "kwargs", "role"), PAGES)
def test_a_list_page_runs_as_many_queries_for_a_long_list_as_for_a_short_one(
    name, kwargs, role, world, clients
):
    url = reverse(name, kwargs=kwargs)
    short, short_size = _load(clients[role], url)

    _grow(world)

    long, long_size = _load(clients[role], url)
    assert long_size > short_size + 500  # the list did grow on the page
    assert long == short
