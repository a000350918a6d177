import re
from collections import Counter
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from events.models import Commitment, Event, Question, StandReport
from events.services import meetings, posters
from initiatives.models import Membership
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_question_support_answer_and_commitment(
    client, activist, make_user, make_event, coordinator
):
    event = make_event(kind="coffee_with_mayor", title="Кофе с мэром")
    client.force_login(activist)
    client.post(
        reverse("events:questions", args=[event.slug]), {"text": "Когда починят освещение в парке?"}
    )
    question = Question.objects.get()
    own = client.post(reverse("events:support", args=[question.pk]), follow=True)
    assert "Нельзя поддержать собственный вопрос." in own.content.decode()

    client.force_login(make_user("activist"))  # a neighbour supports it, once
    client.post(reverse("events:support", args=[question.pk]))
    response = client.post(reverse("events:support", args=[question.pk]), follow=True)
    assert "Вы уже поддержали этот вопрос." in response.content.decode()
    assert question.supports.count() == 1

    client.force_login(coordinator)
    client.post(reverse("events:moderate", args=[question.pk, "accept"]), {"position": "1"})
    # The meeting begins; the answers are recorded at it.
    now = timezone.now()
    Event.objects.filter(pk=event.pk).update(
        starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1)
    )
    client.post(
        reverse("events:moderate", args=[question.pk, "answer"]),
        {
            "answer": "Отремонтируем весной",
            "what": "Освещение в парке",
            "responsible": "Управление ЖКХ",
            "due_on": "2027-05-01",
        },
    )
    question.refresh_from_db()
    assert question.status == "answered"
    commitment = Commitment.objects.get()
    assert (commitment.responsible, commitment.due_on) == ("Управление ЖКХ", date(2027, 5, 1))

    page = client.get(reverse("events:commitments")).content.decode()
    assert "Освещение в парке" in page and "Обещано на встречах: 1; выполнено: 0." in page


def test_an_incomplete_commitment_is_explained(client, make_event, make_user, coordinator):
    event = make_event(kind="coffee_with_mayor")
    question = Question.objects.create(
        event=event, author=make_user("activist"), text="?", status="on_agenda"
    )
    client.force_login(coordinator)

    response = client.post(
        reverse("events:moderate", args=[question.pk, "answer"]),
        {"answer": "Да", "what": "Сделать"},
        follow=True,
    )

    assert "Для обещания нужны суть, ответственный и срок." in response.content.decode()
    assert not Commitment.objects.exists()


def test_overdue_and_done_commitments(client, make_event, coordinator):
    event = make_event(kind="head_meeting")
    late = Commitment.objects.create(
        event=event, what="Скамейки", responsible="Парк", due_on=date(2025, 1, 1)
    )
    Commitment.objects.create(event=event, what="Урны", responsible="Парк", due_on=date(2099, 1, 1))

    page = client.get(reverse("events:commitments")).content.decode()
    assert "Просрочено" in page

    client.force_login(coordinator)
    client.post(
        reverse("events:commitment_done", args=[late.pk]),
        {"done_on": "2025-02-01", "report": "Поставили"},
    )
    late.refresh_from_db()
    assert late.done_on == date(2025, 2, 1)
    with pytest.raises(ValidationError):
        meetings.commitment_done(
            commitment=late, done_on=timezone.localdate() + timedelta(days=3), report=""
        )


def _poster(head=b"%PDF-1.7\n", size=100):
    return SimpleUploadedFile("poster.pdf", head + b"x" * size)


def test_stand_report_deadline_type_and_size(activist, make_event):
    event = make_event(kind="poster_session", reports_deadline=timezone.now() + timedelta(days=1))
    organisation = OrganisationFactory()
    Membership.objects.create(organisation=organisation, user=activist, role="leader")

    with pytest.raises(ValidationError, match="PDF, PNG или JPEG"):
        posters.report_submit(
            event=event,
            organisation=organisation,
            user=activist,
            title="Т",
            abstract="А",
            poster=SimpleUploadedFile("poster.pdf", b"MZ\x90\x00 not a pdf"),
        )
    with pytest.raises(ValidationError, match="не более 10 МБ"):
        posters.report_submit(
            event=event,
            organisation=organisation,
            user=activist,
            title="Т",
            abstract="А",
            poster=_poster(size=10 * 1024 * 1024),
        )
    report = posters.report_submit(
        event=event,
        organisation=organisation,
        user=activist,
        title="Наш двор",
        abstract="Клумбы",
        poster=_poster(),
    )
    assert report.status == "submitted"
    assert re.fullmatch(r"posters/\d{4}/[0-9a-f]{32}\.pdf", report.poster.name)

    event.reports_deadline = timezone.now() - timedelta(minutes=1)
    event.save()
    with pytest.raises(ValidationError, match="больше не принимаются"):
        posters.report_submit(
            event=event,
            organisation=organisation,
            user=activist,
            title="Т",
            abstract="А",
            poster=_poster(),
        )


def test_vote_once_per_account_and_event(activist, make_user, make_event, coordinator):
    event = make_event(kind="poster_session", reports_deadline=timezone.now() + timedelta(days=1))
    reports = []
    for title in ("Первый", "Второй"):
        organisation = OrganisationFactory()
        Membership.objects.create(organisation=organisation, user=activist, role="leader")
        report = posters.report_submit(
            event=event,
            organisation=organisation,
            user=activist,
            title=title,
            abstract="…",
            poster=_poster(),
        )
        posters.report_review(report=report, staff=coordinator, status=StandReport.Status.ACCEPTED)
        reports.append(report)
    voter = make_user("activist")

    posters.vote(report=reports[0], user=voter)
    with pytest.raises(ValidationError, match="Вы уже голосовали на этом мероприятии."):
        posters.vote(report=reports[1], user=voter)
    with pytest.raises(ValidationError, match="Оценивает только жюри мероприятия."):
        posters.jury_score(report=reports[0], juror=coordinator, criterion="results", score=9)
    event.jury.add(coordinator)
    posters.jury_score(report=reports[0], juror=coordinator, criterion="results", score=9)
    with pytest.raises(ValidationError):
        posters.jury_score(report=reports[0], juror=coordinator, criterion="results", score=11)


def test_stands_are_registered_by_initiatives_once(client, activist, make_event):
    event = make_event()
    organisation = OrganisationFactory(name="Лесная страна")
    Membership.objects.create(organisation=organisation, user=activist, role="leader")
    client.force_login(activist)

    client.post(
        reverse("events:stand", args=[event.slug]),
        {"organisation": organisation.pk, "note": "Фото"},
    )
    response = client.post(
        reverse("events:stand", args=[event.slug]), {"organisation": organisation.pk}, follow=True
    )

    assert "У этой инициативы уже есть стенд на этом мероприятии." in response.content.decode()
    assert event.stands.get().organisation == organisation
    assert (
        "Лесная страна" in client.get(reverse("events:event", args=[event.slug])).content.decode()
    )


def test_business_game_participants_are_formed_into_teams(
    client, make_user, make_event, coordinator
):
    from events.models import GameParticipant

    event = make_event(kind="business_game", title="Заречный: городские сообщества в действии")
    groups = ["пенсионеры", "студенты", "бизнес"]
    for n in range(24):
        person = make_user("activist")
        client.force_login(person)
        client.post(
            reverse("events:game_join", args=[event.slug]),
            {"social_group": groups[n % 3], "field": "экология"},
        )
    assert GameParticipant.objects.filter(event=event).count() == 24

    client.force_login(coordinator)
    client.post(
        reverse("events:teams", args=[event.slug]), {"teams": "3", "min_size": "7", "max_size": "9"}
    )
    sizes = sorted(team.members.count() for team in event.teams.all())
    assert sizes == [8, 8, 8]
    for team in event.teams.all():
        # Eight people of each group over three teams: two or three of each group per team.
        per_group = Counter(team.members.values_list("social_group", flat=True))
        assert set(per_group) == set(groups) and set(per_group.values()) <= {2, 3}

    response = client.post(
        reverse("events:teams", args=[event.slug]),
        {"teams": "5", "min_size": "10", "max_size": "12"},
        follow=True,
    )
    assert "не укладываются в 5 команд по 10–12 человек" in response.content.decode()


def test_outcomes_and_commitments_are_counted_for_a_period(make_event, make_user):
    import time_machine

    from events.models import MediaPublication, Outcome
    from events.totals import events_totals

    organisation = OrganisationFactory(name="Новое сообщество")
    event = make_event(kind="civic_weekend", starts_in=timedelta(hours=1))
    outcome = Outcome.objects.create(
        event=event, speeches=5, master_classes=16, other_participants=350
    )
    day = timezone.localdate(event.starts_at)
    # Publications count by their own date: three on the day, one the day before (another
    # period) that is about this event too, and one about an initiative only.
    MediaPublication.objects.bulk_create(
        [MediaPublication(outlet=f"Газета {n}", published_on=day, event=event) for n in range(3)]
        + [
            MediaPublication(outlet="Радио", published_on=day - timedelta(days=1), event=event),
            MediaPublication(outlet="Сайт", published_on=day, organisation=organisation),
        ]
    )
    outcome.initiatives_formed.add(organisation)
    Commitment.objects.create(
        event=event,
        what="А",
        responsible="Б",
        due_on=date(2099, 1, 1),
        done_on=timezone.localdate(),
    )
    Commitment.objects.create(event=event, what="В", responsible="Г", due_on=date(2099, 1, 1))

    with time_machine.travel(event.ends_at + timedelta(hours=1), tick=False):
        day = timezone.localdate(event.starts_at)
        figures = events_totals(day, day)

    assert (figures["speeches"], figures["master_classes"], figures["media_publications"]) == (
        5,
        16,
        4,
    )
    assert figures["participants"] == 350 and figures["initiatives_formed"] == 1
    assert (figures["commitments_made"], figures["commitments_done"]) == (2, 1)
    assert figures["by_kind"] == {"civic_weekend": 1}


def test_questions_and_registrations_count_as_activity(activist, make_event):
    from events.services.registration import registration_create

    organisation = OrganisationFactory(last_activity_at=None)
    Membership.objects.create(organisation=organisation, user=activist, role="leader")
    meeting = make_event(kind="coffee_with_mayor")

    meetings.question_submit(
        event=meeting, author=activist, text="Вопрос", organisation=organisation
    )
    organisation.refresh_from_db()
    first = organisation.last_activity_at
    registration_create(event=make_event(), user=activist, organisation=organisation)
    organisation.refresh_from_db()
    assert first is not None and organisation.last_activity_at >= first


@pytest.mark.parametrize("size", [1, 25])
def test_questions_and_commitments_lists_run_constant_queries(
    client, make_user, make_event, django_assert_num_queries, size
):
    meeting = make_event(kind="coffee_with_mayor")
    for n in range(size):
        question = Question.objects.create(
            event=meeting, author=make_user("activist"), text=f"Вопрос {n}", status="on_agenda"
        )
        Commitment.objects.create(
            event=meeting,
            question=question,
            what=f"Дело {n}",
            responsible="ЖКХ",
            due_on=date(2099, 1, 1),
        )

    with django_assert_num_queries(2):  # the event, the questions with their support counts
        client.get(reverse("events:questions", args=[meeting.slug]))
    with django_assert_num_queries(3):  # commitments with their meetings, and the two counts
        response = client.get(reverse("events:commitments"))
    assert response.content.decode().count("Дело ") == size


def test_the_anonymous_are_invited_to_sign_in_to_ask(client, make_event):
    event = make_event(kind="coffee_with_mayor")
    page = client.get(reverse("events:questions", args=[event.slug])).content.decode()
    assert "Войдите, чтобы задать вопрос главе города" in page


def test_after_the_start_no_question_form_is_offered(client, activist, make_event):
    event = make_event(kind="coffee_with_mayor", starts_in=-timedelta(minutes=10))
    client.force_login(activist)
    page = client.get(reverse("events:questions", args=[event.slug])).content.decode()
    assert "Встреча уже началась" in page and "Отправить вопрос" not in page


def test_an_answer_with_an_error_keeps_what_was_typed(client, make_event, make_user, coordinator):
    event = make_event(kind="coffee_with_mayor", starts_in=-timedelta(minutes=30))
    question = Question.objects.create(
        event=event, author=make_user("activist"), text="?", status="on_agenda"
    )
    client.force_login(coordinator)
    before = (timezone.localdate(event.starts_at) - timedelta(days=2)).isoformat()

    response = client.post(
        reverse("events:moderate", args=[question.pk, "answer"]),
        {"answer": "Отремонтируем сквер", "what": "Сквер", "responsible": "МКУ", "due_on": before},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Срок обещания — после встречи, а не до неё." in html
    assert "Отремонтируем сквер" in html and 'value="МКУ"' in html
    question.refresh_from_db()
    assert question.status == "on_agenda" and not Commitment.objects.exists()


def test_several_commitments_answer_one_question(client, make_event, make_user, coordinator):
    meeting = make_event(kind="coffee_with_mayor", starts_in=-timedelta(days=1))
    question = Question.objects.create(
        event=meeting, author=make_user("activist"), text="Двор?", status="answered"
    )
    client.force_login(coordinator)
    due = (timezone.localdate() + timedelta(days=30)).isoformat()
    for what in ("Освещение", "Скамейки"):
        client.post(
            reverse("events:manage_commitment", args=[meeting.pk]),
            {"question": str(question.pk), "what": what, "responsible": "МКУ", "due_on": due},
        )
    assert sorted(question.commitments.values_list("what", flat=True)) == ["Освещение", "Скамейки"]
