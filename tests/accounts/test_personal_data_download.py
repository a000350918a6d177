"""A person downloads what the portal holds about them, from every app, and nothing of
anyone else's; the download is recorded."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from civiccenter.kernel import audit
from consulting.models import Booking, Consultant, ConsultingTopic
from events.models import Event, Question
from events.services import registration
from initiatives.models import Membership
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_person_gets_their_data_from_every_app_and_no_one_elses(client, make_user):
    me = make_user(last_name="Соколова", first_name="Анна", phone="+79120000000")
    other = make_user()
    organisation = OrganisationFactory(name="Зелёный двор")
    Membership.objects.create(organisation=organisation, user=me, role="leader")
    topic = ConsultingTopic.objects.create(name="Бюджет")
    consultant = Consultant.objects.create(user=make_user("consultant"))
    start = timezone.now() + timedelta(days=3)
    for person, text in ((me, "Как составить смету?"), (other, "Чужой вопрос")):
        Booking.objects.create(
            consultant=consultant,
            topic=topic,
            activist=person,
            question=text,
            starts_at=start,
            ends_at=start + timedelta(hours=1),
        )
        start += timedelta(hours=2)
    event = Event.objects.create(
        kind="coffee_with_mayor",
        title="Кофе с мэром",
        slug="kofe",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    ticket = registration.registration_create(event=event, user=me)
    Question.objects.create(event=event, author=me, text="Когда починят фонари?")
    client.force_login(me)

    response = client.get(reverse("accounts:personal_data"))

    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["phone"] == "+79120000000"
    assert data["initiatives"] == [
        {"initiative": "Зелёный двор", "role": "Лидер", "since": data["initiatives"][0]["since"]}
    ]
    assert [b["question"] for b in data["consultation bookings"]] == ["Как составить смету?"]
    assert data["event registrations"][0]["ticket"] == ticket.ticket_code
    assert data["questions to the head of the city"][0]["text"] == "Когда починят фонари?"
    assert "Чужой вопрос" not in response.content.decode()
    assert audit.history(me)[0].action == "data_downloaded"

    # The same as a page to read, in Russian, with Russian dates.
    page = client.get(reverse("accounts:personal_data_page")).content.decode()
    for text in ("Записи на консультации", "Как составить смету?", "Зелёный двор", "Телефон"):
        assert text in page
    assert ticket.ticket_code in page and "Чужой вопрос" not in page
    assert timezone.localtime(ticket.created_at).strftime("%Y-%m-%dT") not in page
    assert audit.history(me)[0].action == "data_viewed"


def test_the_anonymous_are_sent_to_sign_in(client):
    assert client.get(reverse("accounts:personal_data")).status_code == 302
