"""The trainers' and coordinators' training pages: a session of several days made in the
portal, its places raised to the waitlist's benefit, copied for the next run; programmes and
trainers kept by the coordinator; each write in the audit trail; the list in constant
queries."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from civiccenter.kernel import audit
from tests.html_forms import form_data
from training.models import Enrolment, Programme, Session, Trainer
from training.services import enrolment as enrolments

pytestmark = pytest.mark.django_db


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _page_form(client, url, **values):
    data = form_data(client.get(url).content.decode(), form_id="edit-form")
    data.update(
        {name: value if isinstance(value, list) else [value] for name, value in values.items()}
    )
    return data


def test_a_trainer_creates_a_two_day_session(client, trainer_user, programme):
    client.force_login(trainer_user)
    start = (timezone.now() + timedelta(days=10)).replace(hour=5, minute=0, second=0, microsecond=0)
    url = reverse("training:session_create")
    data = _page_form(
        client,
        url,
        programme=str(programme.pk),
        place="Центр ГРАНИ, зал 2",
        capacity="20",
        **{
            "days-0-starts_at": _local(start),
            "days-0-ends_at": _local(start + timedelta(hours=6)),
            "days-1-starts_at": _local(start + timedelta(days=1)),
            "days-1-ends_at": _local(start + timedelta(days=1, hours=6)),
        },
    )

    response = client.post(url, data)

    session = Session.objects.get()
    assert response.url == reverse("training:session_edit", args=[session.pk])
    assert [d.starts_at for d in session.days.all()] == [start, start + timedelta(days=1)]
    assert audit.history(session)[0].action == "created"


def test_a_session_needs_a_day_and_keeps_what_was_typed(client, trainer_user, programme):
    client.force_login(trainer_user)
    url = reverse("training:session_create")
    data = _page_form(client, url, programme=str(programme.pk), place="Зал 7", capacity="5")
    page = client.post(url, data).content.decode()
    assert "У занятия должен быть хотя бы один день." in page
    assert 'value="Зал 7"' in page
    assert not Session.objects.exists()


def test_places_added_to_a_session_go_to_the_waitlist(
    client, trainer_user, make_session, make_user, django_capture_on_commit_callbacks
):
    client.force_login(trainer_user)
    session = make_session(capacity=1)
    enrolments.enrolment_create(session=session, user=make_user())
    waiting = enrolments.enrolment_create(session=session, user=make_user(), waitlist=True)
    mail.outbox.clear()
    url = reverse("training:session_edit", args=[session.pk])

    data = _page_form(client, url, capacity="2")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)

    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.ENROLLED
    assert [m.to for m in mail.outbox] == [[waiting.user.email]]
    page = client.post(url, _page_form(client, url, capacity="1")).content.decode()
    assert "мест не может быть меньше" in page


def test_the_next_run_moves_every_day_and_leaves_the_enrolments(
    client, trainer_user, make_session, make_user
):
    client.force_login(trainer_user)
    session = make_session(days=2)
    enrolments.enrolment_create(session=session, user=make_user())
    new_day = timezone.localdate() + timedelta(days=40)

    client.post(reverse("training:session_copy", args=[session.pk]), {"starts_on": new_day})

    copy = Session.objects.exclude(pk=session.pk).get()
    days = list(copy.days.all())
    assert [timezone.localdate(d.starts_at) for d in days] == [new_day, new_day + timedelta(days=1)]
    old = list(session.days.all())
    assert [timezone.localtime(d.starts_at).time() for d in days] == [
        timezone.localtime(d.starts_at).time() for d in old
    ]
    assert copy.enrolments.count() == 0 and copy.capacity == session.capacity


def test_the_coordinator_keeps_programmes_and_trainers(client, coordinator, make_user):
    client.force_login(coordinator)
    client.post(
        reverse("training:trainer_create"), {"name": "Ольга Мельникова", "profile": "Фандрайзинг"}
    )
    trainer = Trainer.objects.get()
    client.post(
        reverse("training:programme_create"),
        {
            "kind": "training",
            "title": "Фандрайзинг для инициатив",
            "format": "in_person",
            "position": "1",
            "trainers": [str(trainer.pk)],
        },
    )
    programme = Programme.objects.get(title="Фандрайзинг для инициатив")
    assert list(programme.trainers.all()) == [trainer]
    assert audit.history(programme)[0].changes["trainers"] == [None, ["Ольга Мельникова"]]


def test_a_trainer_may_not_create_programmes_or_trainers(client, trainer_user):
    client.force_login(trainer_user)
    assert client.get(reverse("training:programme_create")).status_code == 403
    assert client.get(reverse("training:trainer_create")).status_code == 403


def test_the_list_takes_the_same_queries_for_more_sessions(client, trainer_user, make_session):
    client.force_login(trainer_user)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("training:manage")).status_code == 200
        return len(captured)

    make_session()
    few = queries()
    for _ in range(10):
        make_session(days=2)
    assert queries() == few


def test_a_certificate_is_offered_only_after_the_last_day(client, make_session, make_user):
    session = make_session(days=2)
    person = make_user()
    enrolments.enrolment_create(session=session, user=person)
    client.force_login(person)

    page = client.get(reverse("training:mine")).content.decode()

    assert "Получить сертификат" not in page
    assert "Сертификат — после последнего дня" in page


def test_a_cancelled_session_tells_its_people_and_leaves_the_schedule(
    client, trainer_user, make_session, make_user, django_capture_on_commit_callbacks
):
    session = make_session()
    person = make_user()
    enrolments.enrolment_create(session=session, user=person)
    client.force_login(trainer_user)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("training:session_cancel", args=[session.pk]))

    session.refresh_from_db()
    assert session.is_cancelled
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert "отменено" in mail.outbox[0].subject
    assert audit.history(session)[0].action == "cancelled"
    assert (
        session.programme.title
        not in client.get(reverse("training:programmes")).content.decode().split("<h2")[1]
    )
