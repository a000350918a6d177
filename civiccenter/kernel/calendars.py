"""What every calendar file of the portal shares (RFC 5545, via the icalendar library).

Found: every `.ics` was in UTC with no TZID, its UIDs held the host and port
(`booking-1@127.0.0.1:8000`, new ones after any move of the portal), and SEQUENCE was epoch
seconds. Now times carry their place's zone with its VTIMEZONE, a UID names only the record
(`civiccenter-booking-1`, the same on any domain), and SEQUENCE is the number of changes the
audit trail has recorded for the record — it grows by one with each.
"""

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Model
from django.utils import timezone
from icalendar import Calendar

from . import audit

UID_PREFIX = "civiccenter"


def calendar(product: str, *, name: str = "", method: str = "") -> Calendar:
    result = Calendar()
    result.add("prodid", f"-//civiccenter//{product}//RU")
    result.add("version", "2.0")
    if method:
        result.add("method", method)
    if name:
        result.add("x-wr-calname", name)
    return result


def uid(kind: str, pk: int) -> str:
    return f"{UID_PREFIX}-{kind}-{pk}"


def local(moment: datetime, zone: str | None = None) -> datetime:
    """The moment in its place's zone (the centre's by default), written with TZID."""
    return moment.astimezone(ZoneInfo(zone or settings.TIME_ZONE))


def sequences(records: Sequence[Model]) -> dict[Any, int]:
    """{pk: how many times the record has changed since it was made} for records of one
    model, in one query whatever their number (a feed lists hundreds)."""
    if not records:
        return {}
    counted = dict(
        audit.entries_of(type(records[0]))
        .filter(object_id__in=[record.pk for record in records])
        .values("object_id")
        .annotate(entries=Count("id"))
        .values_list("object_id", "entries")
    )
    return {record.pk: max(counted.get(record.pk, 0) - 1, 0) for record in records}


def sequence(record: Model) -> int:
    return sequences([record])[record.pk]


def finished(result: Calendar) -> bytes:
    """The calendar with a VTIMEZONE for every TZID its times use, holding the zone's rules
    from the calendar's first day on. A zone's whole history is misread by some readers:
    Krasnoyarsk's summer times to 2010 and its permanent +08 of 2011–2014 made vobject read
    10:00 in 2027 as UTC+8, an hour off (tests/events/test_time_zones.py)."""
    starts = [
        component.decoded("dtstart")
        for component in result.walk()
        if "dtstart" in component and component.name in ("VEVENT", "VTODO")
    ]
    first = min((_day_of(start) for start in starts), default=timezone.localdate())
    result.add_missing_timezones(first_date=first - timedelta(days=1))
    return bytes(result.to_ical())


def _day_of(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value
