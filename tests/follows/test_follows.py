"""Following records, the notices of what happens to them, the letters and digests that
carry the notices, and unsubscribing from a letter without signing in."""

import re
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from civiccenter.kernel.models import OutgoingEmail
from events.models import Commitment, EventSeries
from follows import services
from follows.models import Delivery, Digest, Follow, Notice
from follows.tasks import plan_digests
from initiatives.models import Organisation
from initiatives.services.lifecycle import grant_add, status_set
from tests.concurrency import at_once
from tests.factories import EventFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour))


def _record() -> Organisation:
    """A published record with its first status step (the first step is no news)."""
    organisation = OrganisationFactory(status=Organisation.Status.IDEA)
    status_set(organisation=organisation, status=Organisation.Status.IDEA)
    return organisation


def _follow(client, user, kind: str, pk: int, following: str = "1"):
    client.force_login(user)
    return client.post(
        reverse("follows:follow", args=[kind, pk]), {"following": following, "next": "/"}
    )


def test_a_person_follows_a_published_record_and_is_told_of_its_status(client, activist):
    organisation = _record()
    response = _follow(client, activist, "initiative", organisation.pk)
    assert response.status_code == 302
    assert Follow.objects.filter(user=activist).count() == 1
    # Following twice is still one follow.
    _follow(client, activist, "initiative", organisation.pk)
    assert Follow.objects.filter(user=activist).count() == 1

    status_set(organisation=organisation, status=Organisation.Status.ACTIVE)
    grant_add(
        organisation=organisation,
        funder="Фонд президентских грантов",
        amount=Decimal("500000.00"),
        year=2026,
    )

    texts = list(Notice.objects.filter(user=activist).order_by("id").values_list("text", flat=True))
    assert texts == [
        f"«{organisation.name}»: статус теперь «Действует»",
        f"«{organisation.name}» получила грант: Фонд президентских грантов, 2026",
    ]
    page = client.get(reverse("follows:notifications"))
    assert f"«{organisation.name}»: статус теперь «Действует»" in page.text
    assert reverse("initiatives:profile", args=[organisation.slug]) in page.text
    # Opening the page read them.
    assert not Notice.objects.filter(user=activist, read_at__isnull=True).exists()


def test_a_draft_cannot_be_followed_and_unknown_kinds_are_404(client, activist):
    draft = OrganisationFactory(moderation=Organisation.Moderation.DRAFT, published_at=None)
    assert _follow(client, activist, "initiative", draft.pk).status_code == 404
    assert _follow(client, activist, "nothing", draft.pk).status_code == 404
    assert not Follow.objects.exists()


def test_who_acts_is_not_told_and_an_unfollowed_record_tells_nothing(client, make_user):
    coordinator, follower = make_user(Role.COORDINATOR), make_user(Role.ACTIVIST)
    organisation = OrganisationFactory()
    for person in (coordinator, follower):
        services.follow_set(user=person, target=organisation, following=True)
    status_set(organisation=organisation, status=Organisation.Status.ACTIVE)
    status_set(organisation=organisation, status=Organisation.Status.DORMANT, user=coordinator)
    assert Notice.objects.filter(user=follower).count() == 1  # the first step is no news
    assert not Notice.objects.filter(user=coordinator).exists()
    _follow(client, follower, "initiative", organisation.pk, following="0")
    status_set(organisation=organisation, status=Organisation.Status.ACTIVE, user=coordinator)
    assert Notice.objects.filter(user=follower).count() == 1


def test_series_and_commitment_followers_hear_of_their_changes(activist):
    series = EventSeries.objects.create(title="Форум «Диалог»")
    event = EventFactory(series=series, title="Диалог-2027", time_zone="Europe/Moscow")
    commitment = Commitment.objects.create(
        event=event,
        what="Отремонтировать сквер",
        responsible="Администрация",
        due_on=date(2027, 5, 1),
    )
    services.follow_set(user=activist, target=series, following=True)
    services.follow_set(user=activist, target=commitment, following=True)

    from events.services import meetings, news

    news.event_changed(event, ["venue"], None)
    news.event_changed(event, ["summary"], None)  # not news to followers
    meetings.commitment_done(commitment=commitment, done_on=timezone.localdate(), report="Готово")
    texts = list(Notice.objects.filter(user=activist).order_by("id").values_list("text", flat=True))
    when = timezone.localtime(event.starts_at, timezone.get_fixed_timezone(180))
    assert len(texts) == 2
    assert texts[0].startswith("«Диалог-2027» (Форум «Диалог») — новое время или место: ")
    assert f"{when:%H:%M}" in texts[0]  # in the event's own zone (Moscow)
    assert texts[1].startswith("Обещание «Отремонтировать сквер» выполнено")


def test_an_overdue_commitment_tells_its_followers_once(activist):
    event = EventFactory(kind="coffee_with_mayor")
    commitment = Commitment.objects.create(
        event=event,
        what="Поставить скамейки",
        responsible="Управление благоустройства",
        due_on=timezone.localdate() - timedelta(days=1),
    )
    services.follow_set(user=activist, target=commitment, following=True)
    from events.services.meetings import commitments_overdue_notify

    commitments_overdue_notify()
    commitments_overdue_notify()
    (notice,) = Notice.objects.filter(user=activist)
    assert notice.text.startswith("Обещание «Поставить скамейки» просрочено")


def test_as_it_happens_mails_each_notice_once_with_one_click_unsubscribe(
    client, activist, django_capture_on_commit_callbacks
):
    organisation = _record()
    services.follow_set(user=activist, target=organisation, following=True)
    services.delivery_set(user=activist, delivery=Delivery.IMMEDIATELY)
    with django_capture_on_commit_callbacks(execute=True):
        status_set(organisation=organisation, status=Organisation.Status.ACTIVE)
    assert services.mail_immediate() == []  # the task after the commit sent it already
    (letter,) = mail.outbox
    assert letter.to == [activist.email]
    assert organisation.name in letter.subject
    url = re.search(r"<(http[^>]+)>", letter.extra_headers["List-Unsubscribe"]).group(1)
    assert letter.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in letter.body

    # RFC 8058: the mail client POSTs «List-Unsubscribe=One-Click», without any session.
    client.logout()
    path = url.removeprefix("http://testserver")
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 204
    assert services.delivery_of(activist) == Delivery.OFF


def test_the_unsubscribe_page_needs_no_session_and_a_get_changes_nothing(client, activist):
    url = services.unsubscribe_url(activist.pk)
    path = url[url.index("/notifications/") :]
    page = client.get(path)
    assert page.status_code == 200 and "Перестать присылать письма" in page.text
    assert services.delivery_of(activist) == Delivery.DAILY
    done = client.post(path)
    assert done.status_code == 200 and "больше не будем писать" in done.text
    assert services.delivery_of(activist) == Delivery.OFF
    # A forged or damaged token is refused in Russian, and changes nobody.
    forged = client.post(path.replace(path.split("/")[-2], path.split("/")[-2][:-3] + "abc"))
    assert forged.status_code == 400 and "Ссылка повреждена" in forged.text


def test_a_daily_digest_goes_once_per_period_under_a_duplicated_beat(
    activist, make_user, settings, django_capture_on_commit_callbacks
):
    settings.DIGEST_BATCH = 1  # each person a batch of their own
    other = make_user(Role.ACTIVIST)
    organisation = _record()
    for person in (activist, other):
        services.follow_set(user=person, target=organisation, following=True)
    yesterday = timezone.localdate() - timedelta(days=1)
    status_set(organisation=organisation, status=Organisation.Status.ACTIVE, at=_at(yesterday, 10))
    Notice.objects.update(created_at=_at(yesterday, 10))
    grant_add(
        organisation=organisation, funder="Фонд", amount=Decimal("1.00"), year=2026
    )  # today's

    # Beat fires twice (a second beat process, or a restart), and each batch is run twice.
    with django_capture_on_commit_callbacks(execute=True):
        assert plan_digests.delay("daily").get() == 2
        plan_digests.delay("daily")
        now = timezone.now()
        for person in (activist, other):
            assert services.digests_send(delivery="daily", user_pks=[person.pk], now=now) == []

    assert Digest.objects.count() == 2
    letters = sorted(mail.outbox, key=lambda m: m.to)
    assert sorted(m.to[0] for m in letters) == sorted([activist.email, other.email])
    assert "статус теперь «Действует»" in letters[0].body
    assert "получила грант" not in letters[0].body  # today's notice waits for tomorrow
    assert "List-Unsubscribe" in letters[0].extra_headers
    assert "1 новость дня" in letters[0].subject
    # Tomorrow the grant goes, alone.
    tomorrow = timezone.now() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.digests_send(delivery="daily", user_pks=[activist.pk], now=tomorrow)
    assert len(sent) == 1
    assert "получила грант" in mail.outbox[-1].body
    assert "статус теперь" not in mail.outbox[-1].body


def test_a_weekly_digest_covers_last_monday_to_sunday():
    wednesday = _at(date(2026, 12, 2), 12)
    start, end = services.last_period(Delivery.WEEKLY, now=wednesday)
    assert start == date(2026, 11, 23)
    assert timezone.localtime(end) == _at(date(2026, 11, 30), 0)
    start, end = services.last_period(Delivery.DAILY, now=wednesday)
    assert start == date(2026, 12, 1)


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_instant_send_one_digest(make_user):
    person = make_user(Role.ACTIVIST)
    organisation = _record()
    services.follow_set(user=person, target=organisation, following=True)
    status_set(organisation=organisation, status=Organisation.Status.ACTIVE)
    Notice.objects.update(created_at=timezone.now() - timedelta(days=2))
    now = timezone.now()

    at_once(
        lambda _: services.digest_send(user_pk=person.pk, delivery="daily", now=now),
        range(4),
        refused=RuntimeError,
    )
    assert Digest.objects.count() == 1
    assert OutgoingEmail.objects.filter(to=[person.email]).count() == 1


def test_people_who_chose_no_mail_or_withdrew_get_no_digest(activist, make_user):
    quiet = make_user(Role.ACTIVIST)
    services.delivery_set(user=quiet, delivery=Delivery.OFF)
    organisation = _record()
    for person in (activist, quiet):
        services.follow_set(user=person, target=organisation, following=True)
    status_set(organisation=organisation, status=Organisation.Status.ACTIVE)
    Notice.objects.update(created_at=timezone.now() - timedelta(days=2))
    activist.is_active = False
    activist.save()
    assert services.digest_due_user_pks("daily", now=timezone.now()) == []


def test_the_notifications_page_costs_the_same_whatever_the_count(
    client, activist, django_assert_max_num_queries
):
    organisation = _record()
    services.follow_set(user=activist, target=organisation, following=True)
    client.force_login(activist)
    for _ in range(3):
        status_set(organisation=organisation, status=Organisation.Status.ACTIVE)
    client.get(reverse("follows:notifications"))
    with django_assert_max_num_queries(14) as few:
        client.get(reverse("follows:notifications"))
    for _ in range(40):
        status_set(organisation=organisation, status=Organisation.Status.DORMANT)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("follows:notifications"))
    assert "Страница 1 из 2" in page.text


def test_erasure_removes_follows_and_notices(activist):
    from accounts.services import user_anonymise

    organisation = _record()
    services.follow_set(user=activist, target=organisation, following=True)
    status_set(organisation=organisation, status=Organisation.Status.ACTIVE)
    user_anonymise(user=activist, journal=False)
    assert not Follow.objects.exists() and not Notice.objects.exists()
