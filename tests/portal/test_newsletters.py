"""Newsletters: a coordinator writes one to a segment, checks it, sends a test to themself and
sends it; it reaches only the consenting people of its segment, once each, at a bounded
rate; the consent is recorded and withdrawn from any letter without signing in."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import NewsletterConsent
from accounts.services import newsletter_consent_set
from civiccenter.kernel.models import OutgoingEmail
from events.models import Registration
from initiatives.models import District, Membership, Organisation, Topic
from portal.models import Newsletter, NewsletterDelivery
from portal.services import newsletters as service
from tests.factories import EventFactory, OrganisationFactory, UserFactory
from training.models import Enrolment, Programme, Session

pytestmark = pytest.mark.django_db


def _person(receives: bool = True, **fields):
    person = UserFactory(**fields)
    if receives:
        newsletter_consent_set(user=person, receives=True)
    return person


def _newsletter(coordinator, **segment) -> Newsletter:
    return Newsletter.objects.create(
        subject="Грантовый конкурс «Город — это мы»",
        body='Здравствуйте!\n\nОткрыт приём заявок до 15 декабря.\nАНО "Развитие" & партнёры.',
        created_by=coordinator,
        **segment,
    )


def _letters_to() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def _queued_to() -> list[str]:
    """The letters written to the outbox (sent once the test's transaction would commit)."""
    return sorted(address for row in OutgoingEmail.objects.all() for address in row.to)


def _send(client, coordinator, newsletter):
    client.force_login(coordinator)
    return client.post(reverse("newsletter_send", args=[newsletter.pk]))


def test_a_newsletter_reaches_only_the_consenting_people_of_its_segment(
    client, coordinator, django_capture_on_commit_callbacks
):
    ecology = Topic.objects.get_or_create(name="Экология")[0]
    culture = Topic.objects.get_or_create(name="Культура")[0]
    district = District.objects.create(name="Ленинский", city="Пенза")
    green = OrganisationFactory(district=district)
    green.topics.add(ecology)
    elsewhere = OrganisationFactory()
    elsewhere.topics.add(culture)
    draft = OrganisationFactory(moderation=Organisation.Moderation.DRAFT, published_at=None)
    draft.topics.add(ecology)

    consenting = _person(email="leader@example.org")
    refusing = _person(receives=False, email="no@example.org")
    withdrawn = _person(email="withdrawn@example.org")
    newsletter_consent_set(user=withdrawn, receives=False)
    other_topic = _person(email="culture@example.org")
    in_draft = _person(email="draft@example.org")
    inactive = _person(email="inactive@example.org", is_active=False)
    for person in (consenting, refusing, withdrawn, inactive):
        Membership.objects.create(organisation=green, user=person)
    Membership.objects.create(organisation=elsewhere, user=other_topic)
    Membership.objects.create(organisation=draft, user=in_draft)

    newsletter = _newsletter(
        coordinator,
        audience=Newsletter.Audience.INITIATIVES,
        topic=ecology,
        district=district,
        kind=Organisation.Kind.COMMUNITY,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _send(client, coordinator, newsletter)

    assert _letters_to() == ["leader@example.org"]
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENT
    assert newsletter.planned == 1
    letter = mail.outbox[0]
    assert letter.subject.endswith("Грантовый конкурс «Город — это мы»")
    assert "Открыт приём заявок до 15 декабря." in letter.body
    # Plain text goes as typed, not HTML-escaped.
    assert 'АНО "Развитие" & партнёры.' in letter.body
    assert letter.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/newsletters/unsubscribe/" in letter.extra_headers["List-Unsubscribe"]


def test_an_events_registrants_and_a_programmes_trainees(client, coordinator):
    event = EventFactory()
    registered = _person(email="came@example.org")
    waitlisted = _person(email="waiting@example.org")
    Registration.objects.create(event=event, user=registered, status="registered")
    Registration.objects.create(event=event, user=waitlisted, status="waitlisted")
    to_event = _newsletter(coordinator, audience=Newsletter.Audience.EVENT, event=event)
    assert list(service.recipients(to_event)) == [registered]

    programme = Programme.objects.create(title="Проектный менеджмент", kind="course")
    session = Session.objects.create(programme=programme, place="Центр", capacity=5)
    trainee = _person(email="trainee@example.org")
    cancelled = _person(email="left@example.org")
    Enrolment.objects.create(session=session, user=trainee, status="enrolled")
    Enrolment.objects.create(session=session, user=cancelled, status="cancelled")
    to_trainees = _newsletter(
        coordinator, audience=Newsletter.Audience.PROGRAMME, programme=programme
    )
    assert list(service.recipients(to_trainees)) == [trainee]

    everyone = _newsletter(coordinator)
    assert set(service.recipients(everyone)) == {registered, waitlisted, trainee, cancelled}


def test_sent_in_batches_once_each_whatever_repeats(settings, coordinator):
    settings.NEWSLETTER_BATCH = 2
    people = [_person(email=f"reader{n}@example.org") for n in range(5)]
    newsletter = _newsletter(coordinator)
    newsletter.status = Newsletter.Status.SENDING
    newsletter.send_started_at = timezone.now()
    newsletter.save()

    assert service.send_batch(newsletter.pk) == (2, False)
    # A person withdraws between two batches: the next batches skip them.
    newsletter_consent_set(user=people[4], receives=False, from_letter=True)
    assert service.send_batch(newsletter.pk) == (2, False)
    assert service.send_batch(newsletter.pk) == (0, True)
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENT
    # A batch run again after the end, or a chain restarted by beat: nobody gets it twice.
    assert service.send_batch(newsletter.pk) == (0, True)
    assert NewsletterDelivery.objects.filter(newsletter=newsletter).count() == 4
    assert _queued_to() == [f"reader{n}@example.org" for n in range(4)]


def test_the_chain_runs_to_the_end_and_beat_restarts_a_stopped_one(settings, coordinator):
    settings.NEWSLETTER_BATCH = 2
    for n in range(5):
        _person(email=f"reader{n}@example.org")
    newsletter = _newsletter(coordinator)
    Newsletter.objects.filter(pk=newsletter.pk).update(
        status=Newsletter.Status.SENDING,
        send_started_at=timezone.now() - timezone.timedelta(hours=1),
    )
    # A stalled newsletter (its chain's worker killed, say) is found and restarted by beat.
    assert list(service.stalled()) == [newsletter]
    assert service.resume_newsletters.delay().get() == [newsletter.pk]
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENT
    assert len(_queued_to()) == 5
    assert not service.stalled().exists()


def test_the_coordinators_pages_write_check_test_and_send(
    client, coordinator, django_capture_on_commit_callbacks
):
    _person(email="reader@example.org")
    _person(receives=False, email="not-me@example.org")
    client.force_login(coordinator)
    response = client.post(
        reverse("newsletter_new"),
        {"subject": "", "body": "Текст", "audience": "event"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Выберите мероприятие" in body and "Текст" in body

    response = client.post(
        reverse("newsletter_new"),
        {"subject": "Школа активиста", "body": "Набор открыт.", "audience": "everyone"},
    )
    newsletter = Newsletter.objects.get()
    assert response.url == reverse("newsletter", args=[newsletter.pk])
    page = client.get(response.url).content.decode()
    assert "Набор открыт." in page
    assert "1 человек, согласившийся на рассылки" in page
    assert "Отправить 1 получателю" in page

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsletter_test", args=[newsletter.pk]))
    assert _letters_to() == [coordinator.email]
    assert "[Проверка]" in mail.outbox[0].subject

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _send(client, coordinator, newsletter)
        _send(client, coordinator, newsletter)  # a second click sends nothing more
    assert _letters_to() == ["reader@example.org"]
    # A sent newsletter is not edited any more; its page counts its letters.
    assert client.get(reverse("newsletter_edit", args=[newsletter.pk])).status_code == 404
    page = client.get(reverse("newsletter", args=[newsletter.pk])).content.decode()
    assert "написано 1 из 1" in page


def test_activists_have_no_newsletter_pages(client, activist):
    client.force_login(activist)
    assert client.get(reverse("newsletters")).status_code == 403
    assert client.post(reverse("newsletter_new"), {"subject": "x"}).status_code == 403


def test_the_list_costs_the_same_for_many_newsletters(client, coordinator):
    client.force_login(coordinator)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("newsletters")).status_code == 200
        return len(captured)

    _newsletter(coordinator)
    few = queries()
    for _ in range(10):
        _newsletter(coordinator)
    assert queries() == few


def test_consent_is_recorded_and_withdrawn_from_a_letter_without_a_session(
    client, coordinator, django_capture_on_commit_callbacks
):
    person = UserFactory(email="reader@example.org")
    client.force_login(person)
    client.post(reverse("accounts:newsletter_consent"), {"receives_newsletters": "on"})
    person.refresh_from_db()
    assert person.receives_newsletters
    consent = NewsletterConsent.objects.get(user=person)
    assert consent.withdrawn_at is None
    client.logout()

    newsletter = _newsletter(coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _send(client, coordinator, newsletter)
    client.logout()
    link = re.search(r"http://\S+/newsletters/unsubscribe/\S+/", mail.outbox[0].body).group(0)
    path = link.split("//", 1)[1].split("/", 1)[1]
    # Opening the link changes nothing; the button (or a mail client's one POST) withdraws.
    assert client.get("/" + path).status_code == 200
    person.refresh_from_db()
    assert person.receives_newsletters
    response = client.post("/" + path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 204
    person.refresh_from_db()
    consent.refresh_from_db()
    assert not person.receives_newsletters
    assert consent.withdrawn_at is not None and consent.withdrawn_from_letter
    assert not service.recipients(_newsletter(coordinator)).exists()
    # A token that is not ours, or one made for the follows' letters, changes nothing.
    assert (
        client.post(reverse("accounts:newsletter_unsubscribe", args=["forged"])).status_code == 400
    )
    from civiccenter.kernel.unsubscribe import token_for

    other_scope = token_for(person.pk, "follows")
    assert (
        client.post(reverse("accounts:newsletter_unsubscribe", args=[other_scope])).status_code
        == 400
    )
    assert OutgoingEmail.objects.filter(to=["reader@example.org"]).count() == 1
