"""Event figures: one tested source for the events pages, the quarterly report and passports.

Counted in SQL: events held, participants registered and arrived (plus those counted at the
door), speeches, master-classes, actions, media publications, initiatives formed, and the
commitments made at meetings and done — so that «meetings held → projects implemented» is a
number, not an impression."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from .models import Commitment, Event, MediaPublication, Outcome, Registration, Stand


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return (
        timezone.make_aware(datetime.combine(start, time.min)),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min)),
    )


def _held(start: date, end: date) -> QuerySet[Event]:
    """The events that started in the period, have ended and were not cancelled."""
    begin, finish = _bounds(start, end)
    return Event.objects.filter(
        starts_at__gte=begin,
        starts_at__lt=finish,
        ends_at__lte=timezone.now(),
        cancelled_at__isnull=True,
    )


def events_totals(start: date, end: date) -> dict:
    held = _held(start, end)
    by_kind = dict(held.values_list("kind").annotate(n=Count("id")).order_by())
    people = Registration.objects.filter(event__in=held).aggregate(
        registered=Count("id", filter=Q(status=Registration.Status.REGISTERED)),
        arrived=Count(
            "id", filter=Q(status=Registration.Status.REGISTERED, checked_in_at__isnull=False)
        ),
    )
    outcomes = Outcome.objects.filter(event__in=held).aggregate(
        speeches=Sum("speeches", default=0),
        master_classes=Sum("master_classes", default=0),
        actions=Sum("actions", default=0),
        counted_at_the_door=Sum("other_participants", default=0),
        initiatives_formed=Count("initiatives_formed", distinct=True),
    )
    commitments = Commitment.objects.filter(event__in=held).aggregate(
        made=Count("id"), done=Count("id", filter=Q(done_on__isnull=False))
    )
    # A publication counts in the period of its own date, whatever event it is about.
    media = MediaPublication.objects.filter(published_on__range=(start, end)).count()
    overdue = Commitment.objects.filter(
        done_on__isnull=True, due_on__lt=timezone.localdate()
    ).count()
    return {
        "events": sum(by_kind.values()),
        "by_kind": by_kind,
        **people,
        "participants": people["arrived"] + outcomes["counted_at_the_door"],
        **outcomes,
        "media_publications": media,
        "commitments_made": commitments["made"],
        "commitments_done": commitments["done"],
        "commitments_overdue": overdue,
    }


def event_figures(event: Event) -> dict:
    """One event's figures, for its page and its practice passport."""
    people = event.registrations.aggregate(
        registered=Count("id", filter=Q(status=Registration.Status.REGISTERED)),
        arrived=Count(
            "id", filter=Q(status=Registration.Status.REGISTERED, checked_in_at__isnull=False)
        ),
    )
    commitments = event.commitments.aggregate(
        made=Count("id"), done=Count("id", filter=Q(done_on__isnull=False))
    )
    outcome = Outcome.objects.filter(event=event).first()
    return {
        **people,
        "commitments_made": commitments["made"],
        "commitments_done": commitments["done"],
        "outcome": outcome,
        "media_publications": event.media_publications.count(),
    }


def initiatives_supported(start: date, end: date) -> list[QuerySet]:
    """The records that took part in the period's events: a stand, or a person registered
    on the record's behalf who came."""
    held = _held(start, end)
    return [
        Stand.objects.filter(event__in=held).values("organisation"),
        Registration.objects.filter(
            event__in=held,
            status=Registration.Status.REGISTERED,
            checked_in_at__isnull=False,
            organisation__isnull=False,
        ).values("organisation"),
    ]
