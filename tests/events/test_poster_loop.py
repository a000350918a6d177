"""The poster session's review loop: submitted → changes requested (the author is e-mailed and
sees the status and the comment) → resubmitted from the last version → accepted with an award,
staying accepted; the deadline closes the form before anyone fills it in; voting has its own
window; a jury of named people whose scores stay private until the results are published."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from events.models import StandReport
from events.services import posters
from initiatives.models import Membership
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _poster():
    return SimpleUploadedFile("poster.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


@pytest.fixture
def poster_session(make_event):
    return make_event(kind="poster_session", reports_deadline=timezone.now() + timedelta(days=2))


@pytest.fixture
def report(poster_session, activist):
    organisation = OrganisationFactory(name="Зелёный двор")
    Membership.objects.create(organisation=organisation, user=activist, role="leader")
    return posters.report_submit(
        event=poster_session,
        organisation=organisation,
        user=activist,
        title="Двор без машин",
        abstract="Как мы убрали машины со двора.",
        poster=_poster(),
    )


def test_changes_requested_reach_the_author_who_resubmits_from_the_last_version(
    client, report, activist, coordinator, poster_session, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        posters.report_review(
            report=report, staff=coordinator, status="changes", comment="Добавьте цифры"
        )
    assert [m.to for m in mail.outbox] == [[activist.email]]
    assert "Добавьте цифры" in mail.outbox[0].body

    client.force_login(activist)
    url = reverse("events:submit_report", args=[poster_session.slug])
    page = client.get(url).content.decode()
    assert "Нужна доработка" in page and "Добавьте цифры" in page
    form_page = client.get(f"{url}?report={report.pk}").content.decode()
    assert 'value="Двор без машин"' in form_page

    client.post(
        f"{url}?report={report.pk}",
        {
            "organisation": str(report.organisation_id),
            "title": "Двор без машин: итоги года",
            "abstract": "Минус 40 машин, плюс 12 деревьев.",
        },
    )
    report.refresh_from_db()
    assert report.status == StandReport.Status.RESUBMITTED
    assert report.title == "Двор без машин: итоги года"
    assert report.poster.name  # the poster of the first version is kept


def test_an_accepted_report_stays_accepted_with_its_award(report, activist, coordinator):
    posters.report_review(report=report, staff=coordinator, status="accepted", award="Гран-при")
    with pytest.raises(ValidationError, match="попросите сотрудников центра"):
        posters.report_submit(
            event=report.event,
            organisation=report.organisation,
            user=activist,
            title="Другое",
            abstract="…",
            poster=_poster(),
        )
    report.refresh_from_db()
    assert (report.status, report.award, report.title) == ("accepted", "Гран-при", "Двор без машин")


def test_a_review_outside_the_decisions_is_refused(report, coordinator):
    for status in ("bogus", "submitted", "resubmitted"):
        with pytest.raises(ValidationError):
            posters.report_review(report=report, staff=coordinator, status=status)
    report.refresh_from_db()
    assert report.status == StandReport.Status.SUBMITTED


def test_the_deadline_closes_the_form_before_anyone_fills_it_in(client, activist, make_event):
    past = make_event(kind="poster_session", reports_deadline=timezone.now() - timedelta(hours=1))
    client.force_login(activist)
    page = client.get(reverse("events:submit_report", args=[past.slug])).content.decode()
    assert "приём закрыт" in page
    assert 'type="file"' not in page
    event_page = client.get(reverse("events:event", args=[past.slug])).content.decode()
    assert "Подать стендовый доклад" not in event_page


def test_voting_closes_with_its_window(report, coordinator, make_user):
    posters.report_review(report=report, staff=coordinator, status="accepted")
    event = report.event
    event.voting_closes_at = timezone.now() - timedelta(minutes=1)
    event.save()
    with pytest.raises(ValidationError, match="Голосование на этом мероприятии закрыто."):
        posters.vote(report=report, user=make_user())


def test_jury_scores_stay_private_until_the_results_are_published(
    client, report, coordinator, make_user
):
    posters.report_review(report=report, staff=coordinator, status="accepted")
    juror = make_user("consultant")
    report.event.jury.add(juror)
    posters.jury_score(report=report, juror=juror, criterion="results", score=9)
    url = reverse("events:gallery", args=[report.event.slug])

    def jury_shown() -> bool:
        return bool(re.search(r"жюри 9,0", client.get(url).content.decode()))

    assert not jury_shown()
    report.event.results_published = True
    report.event.save()
    assert jury_shown()
