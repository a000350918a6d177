"""The coordinator's event pages: an event with its own site plan, a programme on it,
partners, places that go to the waitlist first, the next edition, cancellation, outcomes,
commitments and a team's results — each write in the audit trail, the list in constant
queries."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from civiccenter.kernel import audit
from civiccenter.kernel.models import AuditEntry
from events.models import AgendaItem, Commitment, Event, Registration, SiteZone, Team
from events.services import planning
from events.services import registration as registrations
from events.staff_forms import EventForm
from tests.concurrency import at_once
from tests.factories import OrganisationFactory
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _event_form(client, url, **values):
    data = form_data(client.get(url).content.decode(), form_id="edit-form")
    data.update({name: [value] for name, value in values.items()})
    return data


@pytest.fixture
def staff_client(client, coordinator):
    client.force_login(coordinator)
    return client


def test_a_coordinator_creates_a_forum_with_its_own_site_plan(staff_client, coordinator):
    start = timezone.now() + timedelta(days=30)
    data = _event_form(
        staff_client,
        reverse("events:manage_create"),
        kind="forum",
        title="Гражданский форум «Диалог»",
        starts_at=_local(start),
        ends_at=_local(start + timedelta(hours=8)),
        city="Зеленогорск",
        capacity="200",
        **{"zones-0-name": "Сцена", "zones-1-name": "Джаз-кафе", "zones-1-position": "2"},
    )

    response = staff_client.post(reverse("events:manage_create"), data)

    event = Event.objects.get(title="Гражданский форум «Диалог»")
    assert response.status_code == 302
    assert event.slug == f"гражданский-форум-диалог-{timezone.localtime(start).year}"
    assert list(event.zones.values_list("name", flat=True)) == ["Сцена", "Джаз-кафе"]
    assert [e.action for e in audit.history(event)] == ["created"]
    assert AuditEntry.objects.filter(action="created", object_label="Джаз-кафе").exists()


def test_the_programme_is_placed_on_the_events_own_zones(staff_client, make_event):
    event = make_event()
    stage = SiteZone.objects.create(event=event, name="Сцена")
    other = SiteZone.objects.create(event=make_event(), name="Чужая сцена")
    url = reverse("events:manage_programme", args=[event.pk])
    data = _event_form(
        staff_client,
        url,
        **{
            "agenda-0-title": "Открытие",
            "agenda-0-starts_at": _local(event.starts_at + timedelta(minutes=1)),
            "agenda-0-ends_at": _local(event.starts_at + timedelta(hours=1)),
            "agenda-0-zone": str(stage.pk),
            "agenda-0-audience": "Все участники",
            "partners-0-name": "Администрация города",
        },
    )
    assert staff_client.post(url, data).status_code == 302
    item = AgendaItem.objects.get(event=event)
    assert (item.zone, item.audience) == (stage, "Все участники")
    assert event.partners.get().name == "Администрация города"

    data["agenda-1-title"], data["agenda-1-zone"] = ["Чужое"], [str(other.pk)]
    data["agenda-1-starts_at"] = [_local(event.starts_at + timedelta(minutes=1))]
    data["agenda-1-ends_at"] = [_local(event.starts_at + timedelta(hours=1))]
    data["agenda-TOTAL_FORMS"] = ["4"]
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "Выберите корректный вариант" in response.content.decode()
    assert AgendaItem.objects.filter(event=event).count() == 1


def test_a_point_outside_the_events_times_is_refused_with_what_was_typed(staff_client, make_event):
    event = make_event()
    url = reverse("events:manage_programme", args=[event.pk])
    data = _event_form(
        staff_client,
        url,
        **{
            "agenda-0-title": "Вечеринка",
            "agenda-0-starts_at": _local(event.ends_at + timedelta(hours=1)),
            "agenda-0-ends_at": _local(event.ends_at + timedelta(hours=2)),
        },
    )
    page = staff_client.post(url, data).content.decode()
    assert "выходит за даты и время мероприятия" in page
    assert 'value="Вечеринка"' in page
    assert not AgendaItem.objects.exists()


def test_places_added_go_to_the_waitlist_first(
    staff_client, make_event, make_user, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    registrations.registration_create(event=event, user=make_user())
    waiting = registrations.registration_create(event=event, user=make_user(), waitlist=True)
    mail.outbox.clear()
    url = reverse("events:manage_event", args=[event.pk])

    data = _event_form(staff_client, url, capacity="2")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url, data)

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.REGISTERED
    assert [m.to for m in mail.outbox] == [[waiting.user.email]]
    assert "освободилось" in mail.outbox[0].body.lower()
    newcomer = registrations.registration_create(event=event, user=make_user(), waitlist=True)
    assert newcomer.status == Registration.Status.WAITLISTED


def test_places_cannot_fall_below_the_people_registered(staff_client, make_event, make_user):
    event = make_event(capacity=3)
    for _ in range(2):
        registrations.registration_create(event=event, user=make_user())
    url = reverse("events:manage_event", args=[event.pk])

    page = staff_client.post(url, _event_form(staff_client, url, capacity="1")).content.decode()

    assert "Зарегистрировано участников: 2 — мест не может быть меньше." in page
    event.refresh_from_db()
    assert event.capacity == 3


def test_the_next_edition_copies_the_plan_programme_and_partners(staff_client, make_event):
    event = make_event(title="Форум «Диалог»", capacity=50)
    stage = SiteZone.objects.create(event=event, name="Сцена")
    AgendaItem.objects.create(
        event=event,
        title="Открытие",
        zone=stage,
        starts_at=event.starts_at,
        ends_at=event.starts_at + timedelta(hours=1),
    )
    event.partners.create(name="Гражданская палата")
    new_day = timezone.localdate(event.starts_at) + timedelta(days=182)

    response = staff_client.post(
        reverse("events:manage_copy", args=[event.pk]),
        {"title": "Форум «Диалог» — осень", "starts_on": new_day.isoformat()},
    )

    copy = Event.objects.get(title="Форум «Диалог» — осень")
    assert response.url == reverse("events:manage_event", args=[copy.pk])
    assert timezone.localdate(copy.starts_at) == new_day
    assert timezone.localtime(copy.starts_at).time() == timezone.localtime(event.starts_at).time()
    assert (copy.capacity, copy.is_published, copy.registrations.count()) == (50, False, 0)
    item = copy.agenda.get()
    assert item.zone.event == copy and item.zone.name == "Сцена"
    assert item.starts_at == copy.starts_at
    assert list(copy.partners.values_list("name", flat=True)) == ["Гражданская палата"]
    assert SiteZone.objects.filter(event=event).count() == 1  # the original keeps its own


def test_a_cancelled_event_tells_its_people_and_takes_no_more(
    staff_client, make_event, make_user, django_capture_on_commit_callbacks
):
    event = make_event(capacity=5)
    person = make_user()
    registrations.registration_create(event=event, user=person)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("events:manage_cancel", args=[event.pk]))

    event.refresh_from_db()
    assert event.is_cancelled and not event.registration_open
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert "отменено" in mail.outbox[0].subject
    with pytest.raises(Exception, match="закрыта"):
        registrations.registration_create(event=event, user=make_user())
    assert (
        "Мероприятие отменено"
        in staff_client.get(reverse("events:event", args=[event.slug])).content.decode()
    )


def test_outcomes_are_entered_after_the_event(staff_client, make_event):
    upcoming = make_event()
    past = make_event(starts_in=-timedelta(days=2))
    born = OrganisationFactory(name="Двор без машин")

    early = staff_client.post(
        reverse("events:manage_outcome", args=[upcoming.pk]),
        {
            "other_participants": "10",
            "speeches": "1",
            "master_classes": "0",
            "actions": "0",
        },
    )
    assert "после того, как мероприятие состоялось" in early.content.decode()

    staff_client.post(
        reverse("events:manage_outcome", args=[past.pk]),
        {
            "other_participants": "40",
            "speeches": "5",
            "master_classes": "2",
            "actions": "1",
            "initiatives_formed": [str(born.pk)],
        },
    )
    outcome = past.outcome
    assert (outcome.speeches, outcome.master_classes) == (5, 2)
    assert list(outcome.initiatives_formed.all()) == [born]
    assert audit.history(outcome)[0].changes["initiatives_formed"] == [None, ["Двор без машин"]]


def test_a_commitment_falls_due_after_the_meeting(staff_client, make_event):
    meeting = make_event(kind="coffee_with_mayor", starts_in=-timedelta(days=1))
    url = reverse("events:manage_commitment", args=[meeting.pk])
    before = timezone.localdate(meeting.starts_at) - timedelta(days=1)

    page = staff_client.post(
        url, {"what": "Отремонтировать сквер", "responsible": "МКУ", "due_on": before.isoformat()}
    ).content.decode()
    assert "после встречи" in page and "Отремонтировать сквер" in page

    staff_client.post(
        url,
        {
            "what": "Отремонтировать сквер",
            "responsible": "МКУ",
            "due_on": (timezone.localdate() + timedelta(days=60)).isoformat(),
        },
    )
    commitment = Commitment.objects.get(event=meeting)
    assert [e.action for e in audit.history(commitment)] == ["created"]


def test_a_team_keeps_its_problems_and_solutions(staff_client, make_event):
    game = make_event(kind="business_game")
    team = Team.objects.create(event=game, number=1)
    staff_client.post(
        reverse("events:manage_team", args=[team.pk]),
        {"problems": "Нет освещения во дворах", "solutions": "Собрать подписи"},
    )
    team.refresh_from_db()
    assert team.problems == "Нет освещения во дворах"
    assert audit.history(team)[0].action == "edited"


def test_the_staff_list_takes_the_same_queries_for_many_events(staff_client, make_event, make_user):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(reverse("events:manage")).status_code == 200
        return len(captured)

    make_event()
    few = queries()
    for _ in range(15):
        event = make_event(capacity=3)
        registrations.registration_create(event=event, user=make_user())
    assert queries() == few


def test_activists_and_the_administration_cannot_edit_events(
    client, activist, make_user, make_event
):
    event = make_event()
    head = make_user("administration")
    Authenticator.objects.create(user=head, type=Authenticator.Type.TOTP, data={})
    for user in (activist, head):
        client.force_login(user)
        assert client.get(reverse("events:manage_event", args=[event.pk])).status_code == 403
        assert client.post(reverse("events:manage_cancel", args=[event.pk])).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_places_added_while_people_register_go_to_those_waiting_first(
    make_user, make_event, coordinator
):
    event = make_event(capacity=2)
    for _ in range(2):
        registrations.registration_create(event=event, user=make_user())
    waiting = [
        registrations.registration_create(event=event, user=make_user(), waitlist=True)
        for _ in range(2)
    ]
    newcomers = [make_user() for _ in range(4)]

    def act(who):
        if who == "raise":
            current = Event.objects.get(pk=event.pk)
            form = EventForm(
                {
                    "kind": current.kind,
                    "title": current.title,
                    "starts_at": _local(current.starts_at),
                    "ends_at": _local(current.ends_at),
                    "capacity": "4",
                    "time_zone": current.time_zone,
                    "game_team_min": "10",
                    "game_team_max": "12",
                    "registration_open": "on",
                    "is_published": "on",
                },
                instance=current,
            )
            assert form.is_valid(), form.errors
            planning.event_save(form=form, user=coordinator)
        else:
            registrations.registration_create(event=event, user=who, waitlist=True)

    at_once(act, ["raise", *newcomers], refused=ValidationError)

    registered = Registration.objects.filter(event=event, status=Registration.Status.REGISTERED)
    assert registered.count() == 4
    for registration in waiting:
        registration.refresh_from_db()
        assert registration.status == Registration.Status.REGISTERED
    assert not registered.filter(user__in=newcomers).exists()


def test_commitments_list_open_ones_first_the_most_overdue_at_the_top(client, make_event):
    meeting = make_event(kind="coffee_with_mayor", starts_in=-timedelta(days=90))
    today = timezone.localdate()
    done = Commitment.objects.create(
        event=meeting,
        what="Готово",
        responsible="МКУ",
        due_on=today - timedelta(days=60),
        done_on=today - timedelta(days=50),
    )
    later = Commitment.objects.create(
        event=meeting, what="Впереди", responsible="МКУ", due_on=today + timedelta(days=30)
    )
    overdue = Commitment.objects.create(
        event=meeting, what="Просрочено", responsible="МКУ", due_on=today - timedelta(days=5)
    )
    page = client.get(reverse("events:commitments")).content.decode()
    positions = [page.index(c.what) for c in (overdue, later, done)]
    assert positions == sorted(positions)


def test_answers_and_their_commitments_come_at_the_meeting(make_event, make_user, coordinator):
    from events.models import Question
    from events.services import meetings

    upcoming = make_event(kind="coffee_with_mayor")
    question = Question.objects.create(event=upcoming, author=make_user(), text="Сквер?")
    with pytest.raises(ValidationError, match="на встрече, а не до неё"):
        meetings.question_answer(question=question, answer="Сделаем", user=coordinator)

    held = make_event(kind="coffee_with_mayor", starts_in=-timedelta(days=1))
    question = Question.objects.create(event=held, author=make_user(), text="Сквер?")
    before = timezone.localdate(held.starts_at) - timedelta(days=3)
    with pytest.raises(ValidationError, match="после встречи"):
        meetings.question_answer(
            question=question, answer="Сделаем", commitments=[("Сквер", "МКУ", before)]
        )


def test_places_of_no_shows_go_to_the_waitlist_once_the_event_has_begun(
    client, coordinator, make_event, make_user, django_capture_on_commit_callbacks
):
    event = make_event(capacity=2, starts_in=timedelta(hours=2))
    came = registrations.registration_create(event=event, user=make_user())
    absent = registrations.registration_create(event=event, user=make_user())
    waiting = registrations.registration_create(event=event, user=make_user(), waitlist=True)
    registrations.check_in(event=event, code=came.ticket_code, staff=coordinator)
    with pytest.raises(ValidationError, match="после начала мероприятия"):
        registrations.no_shows_release(event=event, staff=coordinator)

    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - timedelta(minutes=20))
    client.force_login(coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:release_no_shows", args=[event.slug]), follow=True)

    assert "Освобождено 1 место" in response.content.decode()
    statuses = {
        r.pk: r.status for r in Registration.objects.filter(pk__in=[came.pk, absent.pk, waiting.pk])
    }
    assert statuses == {came.pk: "registered", absent.pk: "cancelled", waiting.pk: "registered"}
    assert [m.to for m in mail.outbox] == [[waiting.user.email]]
    assert audit.history(absent)[0].action == "released_no_show"


def test_an_overdue_commitment_is_reported_once(
    make_event, make_user, django_capture_on_commit_callbacks
):
    from events.services import meetings

    head = make_user("administration")
    meeting = make_event(kind="coffee_with_mayor", starts_in=-timedelta(days=40))
    commitment = Commitment.objects.create(
        event=meeting,
        what="Отремонтировать сквер",
        responsible="МКУ «Благоустройство»",
        responsible_email="mku@example.org",
        due_on=timezone.localdate() - timedelta(days=1),
    )
    Commitment.objects.create(
        event=meeting, what="Ещё не срок", responsible="МКУ", due_on=timezone.localdate()
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        first = meetings.commitments_overdue_notify()
        again = meetings.commitments_overdue_notify()  # a repeated or duplicated beat

    assert (first, again) == ([commitment.pk], [])
    assert [sorted(m.to) for m in mail.outbox] == [sorted([head.email, "mku@example.org"])]
    assert "Отремонтировать сквер" in mail.outbox[0].body
