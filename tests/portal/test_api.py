"""The read API (/api/): published data only and no personal data, filtered and paged like
the pages; and schemathesis, driven by the API's own OpenAPI schema, finds no server error
and no response outside the schema."""

from datetime import date, timedelta

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.api_tokens import token_make
from consulting.models import ConsultationLog, ConsultingTopic
from events.models import AgendaItem, Commitment, Event
from portal.models import QuarterlyReport
from tests.factories import OrganisationFactory
from training.models import Programme, Session, SessionDay

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_data():
    OrganisationFactory(
        name="Лесная страна",
        slug="lesnaya-strana",
        private_email="leader@example.org",
        contact_person="Иван Иванов",
    )
    OrganisationFactory(name="Городские сады", slug="gorodskie-sady", status="idea")
    OrganisationFactory(name="Черновик", slug="chernovik", moderation="draft", published_at=None)
    start = timezone.now() + timedelta(days=10)
    forum = Event.objects.create(
        kind="forum",
        title="Форум «Диалог»",
        slug="dialog",
        city="Зеленогорск",
        starts_at=start,
        ends_at=start + timedelta(hours=6),
    )
    AgendaItem.objects.create(
        event=forum, title="Круглый стол НКО", starts_at=start, ends_at=start + timedelta(hours=1)
    )
    Event.objects.create(
        kind="forum",
        title="Не опубликован",
        slug="hidden",
        is_published=False,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
    )
    Commitment.objects.create(
        event=forum, what="Урны на аллее", responsible="ЖКХ", due_on=date(2020, 1, 1)
    )
    session = Session.objects.create(
        programme=Programme.objects.create(title="Школа НКО", kind="training"),
        place="Центр",
        capacity=12,
    )
    SessionDay.objects.create(session=session, starts_at=start, ends_at=start + timedelta(hours=3))
    QuarterlyReport.objects.create(
        year=2026,
        quarter=3,
        state="done",
        requested_at=timezone.now(),
        finished_at=timezone.now(),
        figures=[
            {
                "label": "Часы консультаций",
                "unit": "ч",
                "target": "250",
                "quarter": "2,25",
                "previous": "0",
                "last_year": "1,25",
                "year_to_date": "2,25",
            }
        ],
    )


def test_the_registry_lists_published_records_without_personal_data(client, published_data):
    body = client.get("/api/initiatives/").json()
    assert body["count"] == 2
    names = [item["name"] for item in body["items"]]
    assert names == ["Городские сады", "Лесная страна"]  # by name, as the catalogue
    text = str(body)
    assert "leader@example.org" not in text and "Иван Иванов" not in text
    assert "Черновик" not in text
    one = client.get("/api/initiatives/lesnaya-strana/").json()
    assert one["url"].endswith("/initiatives/lesnaya-strana/")
    assert client.get("/api/initiatives/chernovik/").status_code == 404
    # The portal's own addresses are Cyrillic.
    OrganisationFactory(name="Лесная страна Пенза", slug="лесная-страна-пенза")
    assert (
        client.get("/api/initiatives/лесная-страна-пенза/").json()["name"] == "Лесная страна Пенза"
    )


def test_filters_and_pages_are_the_pages_own(client, published_data):
    assert [i["name"] for i in client.get("/api/initiatives/?q=лесная").json()["items"]] == [
        "Лесная страна"
    ]
    assert client.get("/api/initiatives/?status=idea").json()["count"] == 1
    second = client.get("/api/initiatives/?page=2&page_size=1").json()
    assert second["count"] == 2 and [i["name"] for i in second["items"]] == ["Лесная страна"]
    assert client.get("/api/initiatives/?page=0").status_code == 422
    assert client.get("/api/initiatives/?page_size=101").status_code == 422


def test_events_commitments_schedule_and_figures(client, published_data):
    events = client.get("/api/events/").json()
    assert [e["title"] for e in events["items"]] == ["Форум «Диалог»"]
    assert events["items"][0]["programme"][0]["title"] == "Круглый стол НКО"
    assert client.get("/api/events/?month=2026-13").status_code == 422
    commitment = client.get("/api/commitments/").json()["items"][0]
    assert (commitment["what"], commitment["status"]) == ("Урны на аллее", "overdue")
    session = client.get("/api/training/sessions/").json()["items"][0]
    assert (session["programme"], session["places_left"]) == ("Школа НКО", 12)
    figures = client.get("/api/figures/quarters/").json()["items"][0]
    assert (figures["year"], figures["figures"][0]["quarter"]) == (2026, "2,25")


def test_the_schema_is_served_and_no_page_loads_from_another_host(client):
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) >= {
        "/api/initiatives/",
        "/api/initiatives/{slug}/",
        "/api/events/",
        "/api/training/sessions/",
        "/api/commitments/",
        "/api/figures/quarters/",
        "/api/staff/consultations/",
    }
    assert client.get("/api/docs").status_code == 404  # Swagger UI would load from a CDN


def test_schemathesis_finds_no_server_error_and_no_answer_outside_the_schema(
    published_data, coordinator
):
    """Every operation of the schema, 40 generated requests each (valid and invalid
    parameters: odd text, huge and negative numbers, unknown choices), through the portal's
    WSGI application on the test database; the staff export with a coordinator's key."""
    topic = ConsultingTopic.objects.create(name="Бюджет")
    ConsultationLog.objects.create(held_on=timezone.localdate(), duration_minutes=45, topic=topic)
    _token, key = token_make(user=coordinator, name="schemathesis")
    # As Django's test client does: the handler must not close the test's connection (and
    # its transaction) at the end of each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        _run_schemathesis(headers={"Authorization": f"Bearer {key}"})
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _run_schemathesis(*, headers: dict[str, str]) -> None:
    api_schema = schemathesis.openapi.from_wsgi("/api/openapi.json", WSGIHandler())
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 7
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )
        def requests_conform(case):
            case.call_and_validate(checks=checks, headers=headers)

        requests_conform()
