"""Following, telling the followers, and the letters that tell them: one as it happens, or a
digest of a day or a week.

A notice is written in the transaction of the change it tells of, so a rolled-back change
tells nobody. Letters are written to the outbox (civiccenter.kernel.mail) with the mark that
they went, in one transaction: a repeated or duplicated beat, or a worker killed half-way,
never sends a notice twice and never loses one."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from celery import shared_task
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Model, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import formats, timezone, translation
from django.utils.functional import Promise

from civiccenter.kernel import unsubscribe
from civiccenter.kernel.jobs import BackgroundJob, enqueue_after_commit
from civiccenter.kernel.links import portal_url
from civiccenter.kernel.mail import send_templated

from . import followables
from .models import DEFAULT_DELIVERY, Delivery, DeliveryChoice, Digest, Follow, Notice

UNSUBSCRIBE_SCOPE = "follows"
# A notice older than this is not mailed on its own any more (a person who switches to
# «as it happens» gets what is new, not a month of the past): the notifications page has it.
IMMEDIATE_WITHIN = timedelta(days=2)


def _target_filter(target: Model) -> dict[str, Any]:
    return {
        "target_type": ContentType.objects.get_for_model(target),
        "target_id": target.pk,
    }


def follow_set(*, user: Any, target: Model, following: bool) -> bool:
    """Starts or stops following; doing it twice changes nothing. Returns the new state."""
    if following:
        Follow.objects.get_or_create(user=user, **_target_filter(target))
    else:
        Follow.objects.filter(user=user, **_target_filter(target)).delete()
    return following


def is_following(user: Any, target: Model) -> bool:
    return Follow.objects.filter(user=user, **_target_filter(target)).exists()


def followed_pks(user: Any, model: type[Model]) -> set[int]:
    """Which rows of `model` the person follows: one query for a whole list."""
    if not user.is_authenticated:
        return set()
    return set(
        Follow.objects.filter(
            user=user, target_type=ContentType.objects.get_for_model(model)
        ).values_list("target_id", flat=True)
    )


def _formatted(params: Mapping[str, Any]) -> dict[str, str]:
    """The values of a notice's line as the portal prints them (in the language active): a
    time in its own zone (pass it in the zone of its place), a date, or the value's text."""
    printed = {}
    for name, value in params.items():
        if isinstance(value, datetime):
            printed[name] = formats.date_format(value, "DATETIME_FORMAT")
        elif isinstance(value, date):
            printed[name] = formats.date_format(value, "DATE_FORMAT")
        else:
            printed[name] = str(value)
    return printed


def notify_followers(
    target: Model,
    *,
    text: str | Promise,
    url: str,
    params: Mapping[str, Any] | None = None,
    actor: Any = None,
) -> int:
    """Tells everyone following `target` what happened: `text` (a translatable string, with
    `params` put in, see `_formatted`) in the portal's language, and a link to `url`. The
    person who did it (`actor`) is not told. Returns how many were told."""
    with translation.override(settings.LANGUAGE_CODE):
        line = (str(text) % _formatted(params)) if params else str(text)
    about = _target_filter(target)
    followers = Follow.objects.filter(user__is_active=True, **about)
    if actor is not None:
        followers = followers.exclude(user=actor)
    notices = Notice.objects.bulk_create(
        [
            Notice(user_id=pk, text=line[:500], url=url, **about)
            for pk in followers.values_list("user_id", flat=True)
        ],
        batch_size=500,
    )
    if notices:
        enqueue_after_commit(mail_immediate_notices)
    return len(notices)


# --- How a person is told -------------------------------------------------------------------


def delivery_of(user: Any) -> str:
    choice = DeliveryChoice.objects.filter(user=user).values_list("delivery", flat=True).first()
    return choice or DEFAULT_DELIVERY


def delivery_set(*, user: Any, delivery: str) -> str:
    if delivery not in Delivery.values:
        raise ValueError(delivery)
    DeliveryChoice.objects.update_or_create(
        user=user, defaults={"delivery": delivery, "changed_at": timezone.now()}
    )
    return delivery


def unsubscribe_url(user_pk: int) -> str:
    return unsubscribe.unsubscribe_url("follows:unsubscribe", user_pk, UNSUBSCRIBE_SCOPE)


def _with_delivery(notices: QuerySet) -> QuerySet:
    """The notices with the delivery their person chose (`delivery`), in the same query."""
    annotated: QuerySet = notices.annotate(
        delivery=Coalesce("user__notice_delivery__delivery", Value(DEFAULT_DELIVERY))
    )
    return annotated


def _mail(template: str, *, email: str, user_pk: int, context: dict[str, Any]) -> Any:
    """A letter of the follows, with the person's unsubscribe link in its text and headers."""
    url = unsubscribe_url(user_pk)
    return send_templated(
        f"follows/email/{template}",
        to=[email],
        context={
            "base_url": settings.PORTAL_BASE_URL,
            "notifications_url": portal_url("follows:notifications"),
            "unsubscribe_url": url,
            **context,
        },
        headers=unsubscribe.list_headers(url),
    )


def mail_immediate(*, now: datetime | None = None) -> list[int]:
    """The notices of people who chose «as it happens», one letter each. A notice is marked
    mailed by a conditional update in the transaction that writes its letter, so two runs at
    once mail it once. Returns the notices mailed."""
    now = now or timezone.now()
    due = (
        _with_delivery(
            Notice.objects.filter(
                emailed_at__isnull=True,
                created_at__gte=now - IMMEDIATE_WITHIN,
                user__is_active=True,
            )
        )
        .filter(delivery=Delivery.IMMEDIATELY)
        .select_related("user")
        .order_by("created_at", "id")
    )
    mailed = []
    for notice in due:
        with transaction.atomic():
            if not Notice.objects.filter(pk=notice.pk, emailed_at__isnull=True).update(
                emailed_at=now
            ):
                continue
            _mail(
                "notice",
                email=notice.user.email,
                user_pk=notice.user_id,
                context={"notice": notice},
            )
            mailed.append(notice.pk)
    return mailed


@shared_task(base=BackgroundJob)
def mail_immediate_notices() -> list[int]:
    """After a change that told followers, and every few minutes by beat (a lost message
    loses nothing): the letters of people who chose «as it happens»."""
    return mail_immediate()


# --- Digests --------------------------------------------------------------------------------


def last_period(delivery: str, *, now: datetime) -> tuple[date, datetime]:
    """The last whole period before `now`, in the centre's time: yesterday for the daily
    digest, last week (Monday to Sunday) for the weekly one. Returns its first day and the
    moment it ended."""
    today = timezone.localdate(now)
    if delivery == Delivery.DAILY:
        start, end = today - timedelta(days=1), today
    elif delivery == Delivery.WEEKLY:
        monday = today - timedelta(days=today.weekday())
        start, end = monday - timedelta(days=7), monday
    else:
        raise ValueError(delivery)
    return start, timezone.make_aware(datetime.combine(end, time.min))


def digest_due_user_pks(delivery: str, *, now: datetime) -> list[int]:
    """People of this delivery with notices not yet mailed from before the period's end and
    no digest for the period yet."""
    start, end = last_period(delivery, now=now)
    done = Digest.objects.filter(delivery=delivery, period_start=start).values("user_id")
    return list(
        _with_delivery(
            Notice.objects.filter(emailed_at__isnull=True, created_at__lt=end, user__is_active=True)
        )
        .filter(delivery=delivery)
        .exclude(user_id__in=done)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )


def digest_send(*, user_pk: int, delivery: str, now: datetime) -> Digest | None:
    """The digest of the last period for one person, at most once: its row is unique per
    person and period, and the letter, the row and the notices' marks are written in one
    transaction. A second run for the same period finds the row (or waits for the first
    run's transaction and then finds it) and sends nothing."""
    start, end = last_period(delivery, now=now)
    try:
        with transaction.atomic():
            digest, created = Digest.objects.get_or_create(
                user_id=user_pk, delivery=delivery, period_start=start
            )
            if not created:
                return None
            notices = list(
                Notice.objects.select_for_update()
                .filter(
                    user_id=user_pk,
                    emailed_at__isnull=True,
                    created_at__lt=end,
                    user__is_active=True,
                )
                .order_by("created_at", "id")
            )
            if not notices:
                transaction.set_rollback(True)
                return None
            Notice.objects.filter(pk__in=[n.pk for n in notices]).update(
                emailed_at=now, digest=digest
            )
            user = digest.user
            digest.email = _mail(
                "digest",
                email=user.email,
                user_pk=user_pk,
                context={
                    "notices": notices,
                    "weekly": delivery == Delivery.WEEKLY,
                    "period_start": start,
                    "period_end": end.date() - timedelta(days=1),
                },
            )
            digest.save(update_fields=["email"])
            return digest
    except IntegrityError:
        # Another run made this period's digest between our look and our insert.
        return None


def digests_send(*, delivery: str, user_pks: Iterable[int], now: datetime) -> list[int]:
    """A batch of digests; returns the digests sent."""
    sent = []
    for pk in user_pks:
        digest = digest_send(user_pk=pk, delivery=delivery, now=now)
        if digest is not None:
            sent.append(digest.pk)
    return sent


# --- Unsubscribing --------------------------------------------------------------------------


def unsubscribe_by_token(token: str) -> Any | None:
    """One click from a letter: no more e-mail about what the person follows (the page of
    notifications stays). Returns the person, or None for a token that is not genuine."""
    user = unsubscribe.person_from(token, UNSUBSCRIBE_SCOPE)
    if user is not None:
        delivery_set(user=user, delivery=Delivery.OFF)
    return user


def kind_and_target(kind: str, pk: int) -> Model | None:
    followable = followables.get(kind)
    return followable.find(pk) if followable is not None else None
