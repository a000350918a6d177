"""Reads of the consulting app that pages, exports and reports share."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from django.conf import settings
from django.db import connection
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import User, full_name
from initiatives.models import Membership, Organisation

from .models import AvailabilityException, Booking, Consultant, ConsultationLog, WeeklyAvailability
from .slots import Slot, Window, slots_for

# The versioned cache namespace of the public pages made from the catalogue of consulting (the
# home page lists its topics): bumped when a topic or a consultant is saved or deleted, not
# by the bookings and the log, which no public page shows.
CONSULTING_CACHE = "consulting"


def consultants_for(topic_id: int | None = None) -> QuerySet:
    consultants = Consultant.objects.filter(is_active=True, user__is_active=True).select_related(
        "user"
    )
    if topic_id:
        consultants = consultants.filter(topics=topic_id)
    return consultants


def free_slots(
    consultants: list[Consultant],
    *,
    first_day: date | None = None,
    days: int | None = None,
    now: datetime | None = None,
    exclude_booking: int | None = None,
) -> dict[int, list[Slot]]:
    """{consultant id: free slots}, in three queries whatever the number of consultants."""
    now = now or timezone.now()
    first_day = first_day or timezone.localdate(now)
    days = days or settings.CONSULTING_BOOKING_HORIZON_DAYS
    ids = [consultant.pk for consultant in consultants]
    windows, days_off, taken = defaultdict(list), defaultdict(list), defaultdict(list)
    for row in WeeklyAvailability.objects.filter(consultant_id__in=ids):
        windows[row.consultant_id].append(
            Window(row.weekday, row.starts, row.ends, row.slot_minutes)
        )
    last_day = first_day + timedelta(days=days)
    for day_off in AvailabilityException.objects.filter(
        consultant_id__in=ids, ends_on__gte=first_day, starts_on__lte=last_day
    ):
        days_off[day_off.consultant_id].append((day_off.starts_on, day_off.ends_on))
    bookings = Booking.objects.filter(
        consultant_id__in=ids,
        status__in=Booking.LIVE,
        ends_at__gte=timezone.make_aware(datetime.combine(first_day, datetime.min.time())),
        starts_at__lte=timezone.make_aware(datetime.combine(last_day, datetime.min.time())),
    )
    if exclude_booking is not None:
        bookings = bookings.exclude(pk=exclude_booking)
    for consultant_id, starts_at, ends_at in bookings.values_list(
        "consultant_id", "starts_at", "ends_at"
    ):
        taken[consultant_id].append((starts_at, ends_at))
    not_before = now + timedelta(hours=settings.CONSULTING_MIN_LEAD_HOURS)
    return {
        consultant_id: slots_for(
            consultant_id=consultant_id,
            windows=windows[consultant_id],
            days_off=days_off[consultant_id],
            taken=taken[consultant_id],
            first_day=first_day,
            days=days,
            not_before=not_before,
        )
        for consultant_id in ids
    }


def bookings_of(user: User) -> QuerySet:
    """An activist's own bookings and those for their initiatives."""
    team = Membership.objects.filter(user=user).values("organisation_id")
    return (
        Booking.objects.filter(Q(activist=user) | Q(organisation_id__in=team))
        .select_related("consultant__user", "topic", "organisation", "activist")
        .order_by("-starts_at")
    )


def staff_bookings(*, consultant: Consultant | None, upcoming_only: bool = True) -> QuerySet:
    bookings = Booking.objects.select_related(
        "consultant__user", "topic", "organisation", "activist", "log"
    )
    if consultant is not None:
        bookings = bookings.filter(consultant=consultant)
    if upcoming_only:
        bookings = bookings.filter(ends_at__gte=timezone.now() - timedelta(days=7))
    return bookings.order_by("starts_at")


def logs(queryset: QuerySet | None = None) -> QuerySet:
    return (
        (queryset if queryset is not None else ConsultationLog.objects.all())
        .select_related("topic", "booking")
        .prefetch_related(
            Prefetch("consultants", queryset=Consultant.objects.select_related("user")),
            Prefetch("organisations", queryset=Organisation.objects.only("id", "name", "slug")),
        )
    )


def log_list_entries(queryset: QuerySet) -> QuerySet:
    """The staff list of the log as plain values of the columns it shows (the entries' private
    notes, the consultants' accounts and the bookings stay in the database; found: building
    fifty entries with their consultants' and initiatives' models was most of the page)."""
    return queryset.values(
        "id", "held_on", "duration_minutes", "people_count", "summary", "topic__name"
    )


@dataclass(frozen=True)
class LogRow:
    pk: int
    held_on: date
    hours: float
    topic: str
    consultants: list[str]
    organisations: list[str]
    people: int
    summary: str


_LOG_NAMES_SQL = """SELECT entry.id,
    (SELECT json_agg(json_build_array(u.last_name, u.first_name, u.patronymic, u.email)
            ORDER BY u.last_name, u.first_name, link.id)
        FROM {log_consultants} link
        JOIN {consultant} c ON c.id = link.{consultant_column}
        JOIN {user} u ON u.id = c.user_id
        WHERE link.{log_column} = entry.id),
    (SELECT json_agg(o.name ORDER BY o.name, link.id)
        FROM {log_organisations} link
        JOIN {organisation} o ON o.id = link.{organisation_column}
        WHERE link.{log_column} = entry.id)
    FROM unnest(%(ids)s::integer[]) AS entry(id)"""


@cache
def _log_names_sql() -> str:
    """The tables and columns are the models'."""
    consultants = ConsultationLog.consultants.through._meta
    organisations = ConsultationLog.organisations.through._meta
    return _LOG_NAMES_SQL.format(
        log_consultants=consultants.db_table,
        log_organisations=organisations.db_table,
        log_column=consultants.get_field("consultationlog").column,
        consultant_column=consultants.get_field("consultant").column,
        organisation_column=organisations.get_field("organisation").column,
        consultant=Consultant._meta.db_table,
        user=User._meta.db_table,
        organisation=Organisation._meta.db_table,
    )


def log_names(ids: list[int]) -> dict[int, tuple[list[str], list[str]]]:
    """{entry id: (its consultants' names, its initiatives' names)}, each in name order, in
    one plain query: through the ORM these were two queries whose compiling cost more than
    reading them (about a millisecond of the hours list's view)."""
    if not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_log_names_sql(), {"ids": ids})
        found = cursor.fetchall()
    return {
        log_id: (
            [
                full_name(last, first, patronymic) or email
                for last, first, patronymic, email in people or ()
            ],
            list(names or ()),
        )
        for log_id, people, names in found
    }


def log_rows(entries: Iterable[dict]) -> list[LogRow]:
    """A page of `log_list_entries` with its consultants' and initiatives' names: one more
    query for any number of entries."""
    entries = list(entries)
    names = log_names([entry["id"] for entry in entries])
    return [
        LogRow(
            pk=entry["id"],
            held_on=entry["held_on"],
            hours=entry["duration_minutes"] / 60,
            topic=entry["topic__name"],
            consultants=names[entry["id"]][0],
            organisations=names[entry["id"]][1],
            people=entry["people_count"],
            summary=entry["summary"],
        )
        for entry in entries
    ]


def initiative_history(user: User) -> QuerySet:
    """Consultations given to the activist's initiatives (no private notes are shown)."""
    team = Membership.objects.filter(user=user).values("organisation_id")
    return logs(ConsultationLog.objects.filter(organisations__in=team).distinct()).order_by(
        "-held_on"
    )
