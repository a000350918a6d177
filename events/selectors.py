from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import User

from .models import Event, Registration

# The versioned cache namespace of the pages made from this app's records (the home page,
# the public pages): bumped when any of them is saved or deleted.
EVENTS_CACHE = "events"


def registrant_pks(event: Event) -> QuerySet:
    """The people registered for the event (not those on its waitlist), as a subquery of
    user ids: a newsletter's segment."""
    return Registration.objects.filter(event=event, status=Registration.Status.REGISTERED).values(
        "user"
    )


def calendar(params: Mapping[str, str]) -> tuple[QuerySet, dict]:
    """Published events, filtered by kind, city and month (`2026-12`)."""
    events = Event.objects.filter(is_published=True).select_related("series", "parent")
    chosen = {
        "kind": params.get("kind", ""),
        "city": params.get("city", ""),
        "month": params.get("month", ""),
    }
    if chosen["kind"] in Event.Kind.values:
        events = events.filter(kind=chosen["kind"])
    else:
        chosen["kind"] = ""
    if chosen["city"]:
        events = events.filter(city=chosen["city"])
    try:
        year, month = (int(part) for part in chosen["month"].split("-"))
        first = date(year, month, 1)
    except ValueError:
        first = None
        events = events.filter(ends_at__gte=timezone.now())
        chosen["month"] = ""
    if first is not None:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        events = events.filter(
            starts_at__lt=timezone.make_aware(datetime.combine(following, time.min)),
            ends_at__gte=timezone.make_aware(datetime.combine(first, time.min)),
        )
    return events.order_by("starts_at"), chosen


def month_grid(first: date, events: Iterable[Event]) -> list[list[dict]]:
    """Weeks of the month, Monday first, each day with its events."""
    by_day: dict[date, list] = {}
    for event in events:
        by_day.setdefault(timezone.localdate(event.starts_at), []).append(event)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    last = following - timedelta(days=1)
    day, end = first - timedelta(days=first.weekday()), last + timedelta(days=6 - last.weekday())
    weeks: list[list[dict]] = []
    while day <= end:
        if day.weekday() == 0:
            weeks.append([])
        weeks[-1].append(
            {"date": day, "in_month": day.month == first.month, "events": by_day.get(day, [])}
        )
        day += timedelta(days=1)
    return weeks


def questions_of(event: Event, user: User) -> QuerySet:
    questions = event.questions.select_related("organisation", "author").annotate(
        support_count=Count("supports")
    )
    if user.is_authenticated:
        questions = questions.annotate(supported=Count("supports", filter=Q(supports__user=user)))
    return questions.order_by("position", "-support_count", "created_at")


def tickets_of(user: User) -> QuerySet:
    return (
        Registration.objects.filter(user=user).select_related("event").order_by("-event__starts_at")
    )


def events_for_staff(*, past: bool, kind: str = "") -> QuerySet:
    """The centre's events for its staff, published or not: upcoming ones soonest first, past
    ones latest first, each with its registrations counted and whether its outcomes are in
    (one query, whatever the number of events)."""
    now = timezone.now()
    events = Event.objects.select_related("series", "parent", "outcome").annotate(
        registered=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.REGISTERED)
        ),
        waiting=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)
        ),
        arrived=Count(
            "registrations",
            filter=Q(
                registrations__status=Registration.Status.REGISTERED,
                registrations__checked_in_at__isnull=False,
            ),
        ),
    )
    if kind in Event.Kind.values:
        events = events.filter(kind=kind)
    if past:
        return events.filter(ends_at__lt=now).order_by("-starts_at", "-id")
    return events.filter(ends_at__gte=now).order_by("starts_at", "id")
