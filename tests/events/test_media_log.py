"""Publications in the media are logged one by one — outlet, date, link, the event or the
initiative — and the report counts them by their date."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from civiccenter.kernel import audit
from events.models import MediaPublication
from events.totals import events_totals
from tests.factories import OrganisationFactory
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, coordinator):
    client.force_login(coordinator)
    return client


def test_a_publication_about_an_event_is_logged_from_its_outcomes_page(
    staff_client, coordinator, make_event
):
    event = make_event(starts_in=-timedelta(days=3))
    outcome_page = staff_client.get(reverse("events:manage_outcome", args=[event.pk]))
    assert "Публикации о мероприятии пока не внесены" in outcome_page.content.decode()
    new = reverse("events:media_create") + f"?event={event.pk}"
    data = form_data(staff_client.get(new).content.decode(), form_id="edit-form")
    assert data["event"] == [str(event.pk)]
    day = timezone.localdate() - timedelta(days=1)
    data.update(
        outlet=["Пермские новости"],
        published_on=[day.isoformat()],
        url=["https://permnews.example/forum"],
        headline=["Форум собрал двести человек"],
    )

    response = staff_client.post(new, data, follow=True)

    publication = MediaPublication.objects.get()
    assert (publication.outlet, publication.published_on, publication.event) == (
        "Пермские новости",
        day,
        event,
    )
    assert publication.logged_by == coordinator
    assert audit.history(publication)[0].action == "created"
    assert "Пермские новости" in response.content.decode()
    assert events_totals(day, day)["media_publications"] == 1
    outcome_page = staff_client.get(reverse("events:manage_outcome", args=[event.pk]))
    assert "Пермские новости" in outcome_page.content.decode()


def test_a_publication_about_an_initiative_is_found_by_its_name(staff_client):
    record = OrganisationFactory(name="Соседский центр «Липовая»")
    url = reverse("events:media_create")
    data = form_data(staff_client.get(url).content.decode(), form_id="edit-form")
    data.update(
        outlet=["Радио «Эхо Пензы»"],
        published_on=[timezone.localdate().isoformat()],
        organisation_search=["Липовая"],
        find=["organisation"],
    )
    found = staff_client.post(url, data).content.decode()
    assert "Соседский центр «Липовая»" in found
    data.pop("find")
    data["organisation"] = [str(record.pk)]

    staff_client.post(url, data)

    assert MediaPublication.objects.get().organisation == record


def test_a_future_date_or_a_bad_link_gets_a_russian_error_and_keeps_what_was_typed(staff_client):
    url = reverse("events:media_create")
    data = form_data(staff_client.get(url).content.decode(), form_id="edit-form")
    data.update(
        outlet=["Газета «Зеленогорская звезда»"],
        published_on=[(timezone.localdate() + timedelta(days=2)).isoformat()],
        url=["не ссылка"],
    )

    html = staff_client.post(url, data).content.decode()

    assert "Эта дата ещё не наступила" in html
    assert "Введите правильный URL." in html
    assert "Газета «Зеленогорская звезда»" in html
    assert not MediaPublication.objects.exists()


def test_a_publication_logged_by_mistake_is_removed_with_a_trail(staff_client, coordinator):
    publication = MediaPublication.objects.create(
        outlet="Ошибка", published_on=timezone.localdate()
    )
    staff_client.post(reverse("events:media_delete", args=[publication.pk]))
    assert not MediaPublication.objects.exists()
    entry = audit.history(publication)[0]
    assert (entry.action, entry.actor) == ("deleted", coordinator)


def test_the_list_takes_the_same_queries_for_many_publications(staff_client, make_event):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(reverse("events:media")).status_code == 200
        return len(captured)

    today = timezone.localdate()
    MediaPublication.objects.create(outlet="А", published_on=today, event=make_event())
    few = queries()
    for n in range(12):
        MediaPublication.objects.create(
            outlet=f"СМИ {n}",
            published_on=today,
            event=make_event(),
            organisation=OrganisationFactory(),
        )
    assert queries() == few


def test_the_administration_reads_the_log_and_cannot_change_it(client, make_user):
    head = make_user("administration")
    Authenticator.objects.create(user=head, type=Authenticator.Type.TOTP, data={})
    publication = MediaPublication.objects.create(outlet="А", published_on=timezone.localdate())
    client.force_login(head)
    assert client.get(reverse("events:media")).status_code == 200
    assert client.get(reverse("events:media_create")).status_code == 403
    assert client.post(reverse("events:media_delete", args=[publication.pk])).status_code == 403


def test_counts_of_the_old_outcomes_become_rows_on_the_events_day(transactional_db):
    """The migration: an outcome's count of 3 becomes three publications dated on the
    event's day, so no quarter's figure changes."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    before = [("events", "0011_event_time_zone")]
    after = [("events", "0012_media_publications_logged_one_by_one")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    start = timezone.now() - timedelta(days=10)
    event = old.get_model("events", "Event").objects.create(
        kind="forum",
        title="Форум",
        slug="forum-m",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
    )
    old.get_model("events", "Outcome").objects.create(event=event, media_publications=3)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    rows = MediaPublication.objects.filter(event_id=event.pk)
    assert rows.count() == 3
    assert {row.published_on for row in rows} == {timezone.localdate(start)}
