"""«Initiatives supported» (seed 004, row 9): each record of the registry once, whatever the
number of ways the centre supported it in the period."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from consulting.models import ConsultationLog, ConsultingTopic, ExpertCouncil, GrantReview
from events.models import Event, Registration, Stand
from events.totals import events_totals
from portal.reporting import initiatives_supported
from tests.factories import OrganisationFactory
from training.models import Attendance, Enrolment, Programme, Session, SessionDay

pytestmark = pytest.mark.django_db

DAY = date(2026, 8, 12)


def _event(slug, *, cancelled=False):
    start = timezone.make_aware(timezone.datetime(2026, 8, 12, 11))
    return Event.objects.create(
        kind="forum",
        title=slug,
        slug=slug,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        cancelled_at=start - timedelta(days=2) if cancelled else None,
    )


def test_each_record_counts_once_whatever_the_number_of_ways_it_was_supported(make_user):
    consulted, reviewed, councilled, trained, stand, came, twice = (
        OrganisationFactory(name=name) for name in ("А", "Б", "В", "Г", "Д", "Е", "Ж")
    )
    registered_only, at_cancelled, last_year = (OrganisationFactory(name=n) for n in "ЗИК")
    consultant = make_user("consultant")
    topic = ConsultingTopic.objects.create(name="Устав")
    for record, day in ((consulted, DAY), (twice, DAY), (last_year, date(2025, 8, 12))):
        log = ConsultationLog.objects.create(
            held_on=day, duration_minutes=60, topic=topic, summary="—"
        )
        log.organisations.add(record)
    GrantReview.objects.create(
        organisation=reviewed,
        contest="ПФКИ",
        requested_amount=Decimal("500000.00"),
        reviewer=consultant,
        reviewed_on=DAY,
    )
    ExpertCouncil.objects.create(organisation=councilled, held_on=DAY, conclusion="Да")
    session = Session.objects.create(
        programme=Programme.objects.create(title="Школа НКО", kind="school"),
        place="Центр",
        capacity=10,
    )
    start = timezone.make_aware(timezone.datetime(2026, 8, 12, 10))
    day = SessionDay.objects.create(
        session=session, starts_at=start, ends_at=start + timedelta(hours=2)
    )
    enrolment = Enrolment.objects.create(
        session=session, user=make_user(), organisation=trained, status="enrolled"
    )
    Attendance.objects.create(enrolment=enrolment, day=day, present=True)
    forum, cancelled = _event("forum"), _event("cancelled", cancelled=True)
    Stand.objects.create(event=forum, organisation=stand, registered_by=consultant)
    Stand.objects.create(event=forum, organisation=twice, registered_by=consultant)
    Stand.objects.create(event=cancelled, organisation=at_cancelled, registered_by=consultant)
    Registration.objects.create(
        event=forum, user=make_user(), organisation=came, status="registered", checked_in_at=start
    )
    Registration.objects.create(
        event=forum, user=make_user(), organisation=registered_only, status="registered"
    )

    # А Б В Г Д Е Ж: «Ж» consulted and at a stand counts once; «З» registered but did not
    # come, «И» stood at a cancelled event, «К» was consulted a year earlier.
    assert initiatives_supported(date(2026, 7, 1), date(2026, 9, 30)) == 7
    # A cancelled event is not an event held (the indicator's definition says so).
    assert events_totals(date(2026, 7, 1), date(2026, 9, 30))["events"] == 1
