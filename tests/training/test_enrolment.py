from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.concurrency import at_once
from training.models import Enrolment, SessionDay
from training.services import attendance, enrolment
from training.services.enrolment import SessionFull

pytestmark = pytest.mark.django_db


def test_enrol_then_twice_is_refused(client, activist, make_session):
    session = make_session()
    client.force_login(activist)

    client.post(reverse("training:enrol", args=[session.pk]))
    response = client.post(reverse("training:enrol", args=[session.pk]), follow=True)

    assert Enrolment.objects.get().status == "enrolled"
    assert "Вы уже записаны на это занятие." in response.content.decode()


def test_a_full_session_offers_the_waitlist(client, activist, make_user, make_session):
    session = make_session(capacity=1)
    enrolment.enrolment_create(session=session, user=make_user("activist"))
    client.force_login(activist)

    response = client.post(reverse("training:enrol", args=[session.pk]), follow=True)
    html = response.content.decode()
    assert "Мест больше нет. Можно встать в лист ожидания" in html
    assert "Встать в лист ожидания" in html
    assert not Enrolment.objects.filter(user=activist).exists()

    client.post(reverse("training:enrol", args=[session.pk]), {"waitlist": "1"})
    assert Enrolment.objects.get(user=activist).status == "waitlisted"


def test_cancellation_promotes_the_first_on_the_waitlist(
    make_user, make_session, django_capture_on_commit_callbacks
):
    session = make_session(capacity=1)
    first, second, third = (make_user("activist") for _ in range(3))
    taken = enrolment.enrolment_create(session=session, user=first)
    enrolment.enrolment_create(session=session, user=second, waitlist=True)
    enrolment.enrolment_create(session=session, user=third, waitlist=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        enrolment.enrolment_cancel(enrolment=taken, user=first)

    statuses = dict(Enrolment.objects.values_list("user_id", "status"))
    assert statuses == {first.pk: "cancelled", second.pk: "enrolled", third.pk: "waitlisted"}
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert "Для вас освободилось место" in mail.outbox[0].subject


def test_capacity_cannot_fall_below_those_enrolled(make_user, make_session):
    session = make_session(capacity=3)
    for _ in range(2):
        enrolment.enrolment_create(session=session, user=make_user("activist"))

    with pytest.raises(ValidationError, match="Уже записались 2 человека"):
        enrolment.session_set_capacity(session=session, capacity=1)
    enrolment.session_set_capacity(session=session, capacity=2)


def test_a_day_that_ends_before_it_starts_is_refused(make_session):
    session = make_session()
    day = SessionDay(
        session=session, starts_at=timezone.now(), ends_at=timezone.now() - timedelta(hours=1)
    )

    with pytest.raises(ValidationError, match="День занятия должен заканчиваться после начала."):
        day.full_clean()


def test_attendance_only_for_those_enrolled(make_user, make_session, trainer_user):
    session = make_session()
    other = make_session()
    mine = enrolment.enrolment_create(session=session, user=make_user("activist"))
    stranger = enrolment.enrolment_create(session=other, user=make_user("activist"))
    day = session.days.get()

    with pytest.raises(ValidationError, match="только для записавшихся на это занятие"):
        attendance.attendance_mark(day=day, marks={stranger.pk: True}, user=trainer_user)
    attendance.attendance_mark(day=day, marks={mine.pk: True}, user=trainer_user)
    assert day.attendance.get().present


def test_trainer_marks_attendance_on_the_phone_page(client, make_user, make_session, trainer_user):
    session = make_session()
    person = make_user("activist", last_name="Соколова", first_name="Анна")
    item = enrolment.enrolment_create(session=session, user=person)
    day = session.days.get()
    client.force_login(trainer_user)
    url = reverse("training:attendance", args=[session.pk, day.pk])

    assert "Соколова Анна" in client.get(url).content.decode()
    client.post(url, {"enrolment": [item.pk], "present": [item.pk]})

    assert day.attendance.get(enrolment=item).present
    client.force_login(person)
    assert client.get(url).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_simultaneous_enrolments_never_exceed_the_capacity(make_user, make_session):
    session = make_session(capacity=3)
    people = [make_user("activist") for _ in range(10)]

    outcomes = at_once(
        lambda person: enrolment.enrolment_create(session=session, user=person),
        people,
        refused=SessionFull,
    )

    assert sorted(outcomes) == ["ok"] * 3 + ["refused"] * 7
    assert Enrolment.objects.filter(session=session, status="enrolled").count() == 3


@pytest.mark.parametrize("size", [1, 30])
def test_programmes_page_runs_a_constant_number_of_queries(
    client, make_session, django_assert_num_queries, size
):
    for _ in range(size):
        make_session()

    # sessions with their places, their days, their trainers; programmes, their trainers
    with django_assert_num_queries(5):
        response = client.get(reverse("training:programmes"))
    assert len(response.context["sessions"]) == size
