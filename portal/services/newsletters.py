"""Newsletters: who a newsletter goes to, a test letter to its author, and the sending.

A newsletter goes only to people who agreed to receive newsletters (`receives_newsletters`,
a consent recorded apart from the one to processing), active and not anonymised, within its
segment. The consent is read again for every batch, so a person who withdraws it from an
earlier letter gets no more.

The sending is a chain of Celery tasks, one batch of NEWSLETTER_BATCH letters every
NEWSLETTER_BATCH_INTERVAL seconds: the rate stays bounded however many workers run. Each
letter is a unique delivery row written with the letter in one transaction, so a repeated
batch, two chains at once or a batch rerun after a killed worker writes to nobody twice;
beat's `resume_newsletters` restarts a chain that stopped (a killed worker, the broker away).
"""

from datetime import datetime, timedelta

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.services import newsletter_unsubscribe_url
from civiccenter.kernel import audit, unsubscribe
from civiccenter.kernel.jobs import BackgroundJob, enqueue, enqueue_after_commit
from civiccenter.kernel.mail import send_templated
from civiccenter.kernel.models import OutgoingEmail
from events.selectors import registrant_pks
from initiatives.selectors import team_member_pks
from training.selectors import trainee_pks

from ..models import Newsletter, NewsletterDelivery

LETTER = "portal/email/newsletter"


def recipients(newsletter: Newsletter) -> QuerySet[User]:
    """The consenting people of the newsletter's segment."""
    people = User.objects.filter(
        is_active=True, anonymised_at__isnull=True, receives_newsletters=True
    )
    audience = Newsletter.Audience
    if newsletter.audience == audience.INITIATIVES:
        return people.filter(
            pk__in=team_member_pks(
                topic=newsletter.topic, district=newsletter.district, kind=newsletter.kind
            )
        )
    if newsletter.audience == audience.EVENT:
        if newsletter.event is None:
            return people.none()
        return people.filter(pk__in=registrant_pks(newsletter.event))
    if newsletter.audience == audience.PROGRAMME:
        if newsletter.programme is None:
            return people.none()
        return people.filter(pk__in=trainee_pks(newsletter.programme))
    return people


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs: an empty line starts a new one."""
    blocks = text.replace("\r\n", "\n").split("\n\n")
    return [block.strip() for block in blocks if block.strip()]


def _letter(newsletter: Newsletter, user: User, *, test: bool = False) -> OutgoingEmail | None:
    url = newsletter_unsubscribe_url(user)
    return send_templated(
        LETTER,
        to=[user.email],
        context={
            "newsletter": newsletter,
            "paragraphs": paragraphs(newsletter.body),
            "unsubscribe_url": url,
            "test": test,
        },
        headers=unsubscribe.list_headers(url),
    )


@transaction.atomic
def test_send(newsletter: Newsletter, *, author: User) -> None:
    """The letter as its people will get it, marked as a test, to its author only."""
    _letter(newsletter, author, test=True)
    newsletter.test_sent_at = timezone.now()
    newsletter.save(update_fields=["test_sent_at"])


def send_start(newsletter: Newsletter, *, actor: User) -> bool:
    """Starts the sending of a draft; False when it was started already (a second click)."""
    with transaction.atomic():
        row = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
        if row.status != Newsletter.Status.DRAFT:
            return False
        row.status = Newsletter.Status.SENDING
        row.send_started_at = timezone.now()
        row.planned = recipients(row).count()
        row.save(update_fields=["status", "send_started_at", "planned"])
        audit.record(
            row, actor=actor, action="newsletter_sent", changes={"planned": [None, row.planned]}
        )
        enqueue_after_commit(send_newsletter_batch, row.pk)
    return True


def send_batch(newsletter_pk: int) -> tuple[int, bool]:
    """Writes the next batch of the newsletter's letters: to consenting people of its segment
    it has not gone to. Returns the letters written and whether the newsletter is done."""
    newsletter = Newsletter.objects.filter(
        pk=newsletter_pk, status=Newsletter.Status.SENDING
    ).first()
    if newsletter is None:
        return 0, True
    size = settings.NEWSLETTER_BATCH
    due = list(
        recipients(newsletter)
        .exclude(pk__in=NewsletterDelivery.objects.filter(newsletter=newsletter).values("user"))
        .order_by("pk")
        .only("pk", "email")[:size]
    )
    written = 0
    for user in due:
        with transaction.atomic():
            delivery, created = NewsletterDelivery.objects.get_or_create(
                newsletter=newsletter, user=user
            )
            if created:
                delivery.email = _letter(newsletter, user)
                delivery.save(update_fields=["email"])
                written += 1
    done = len(due) < size
    if done:
        Newsletter.objects.filter(pk=newsletter.pk, status=Newsletter.Status.SENDING).update(
            status=Newsletter.Status.SENT, sent_at=timezone.now()
        )
    return written, done


@shared_task(base=BackgroundJob)
def send_newsletter_batch(newsletter_pk: int) -> int:
    """One batch, then the next one NEWSLETTER_BATCH_INTERVAL seconds later."""
    written, done = send_batch(newsletter_pk)
    if not done:
        enqueue(send_newsletter_batch, newsletter_pk, countdown=settings.NEWSLETTER_BATCH_INTERVAL)
    return written


def stalled(*, now: datetime | None = None) -> QuerySet[Newsletter]:
    """Newsletters being sent whose chain has written nothing for three intervals."""
    now = now or timezone.now()
    quiet_since = now - timedelta(seconds=3 * settings.NEWSLETTER_BATCH_INTERVAL)
    return Newsletter.objects.filter(
        status=Newsletter.Status.SENDING, send_started_at__lt=quiet_since
    ).exclude(deliveries__created_at__gte=quiet_since)


@shared_task(base=BackgroundJob)
def resume_newsletters() -> list[int]:
    """By beat: restarts the chain of a newsletter whose sending stopped."""
    pks = list(stalled().values_list("pk", flat=True))
    for pk in pks:
        enqueue(send_newsletter_batch, pk)
    return pks


def with_counts(queryset: QuerySet[Newsletter]) -> QuerySet[Newsletter]:
    """Each newsletter with its letters written and those the mail server took."""
    return queryset.annotate(
        written=Count("deliveries"),
        delivered=Count("deliveries", filter=Q(deliveries__email__sent_at__isnull=False)),
    )
