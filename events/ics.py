"""Calendar files of events (RFC 5545, via the icalendar library): the feed of what is
coming, each event in its own place's time zone."""

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Event as CalendarEvent

from civiccenter.kernel import calendars
from civiccenter.kernel.links import portal_url

from .models import Event

FEED_LIMIT = 500


def feed(events) -> bytes:
    calendar = calendars.calendar(
        "events", name=_("%(centre)s: events") % {"centre": settings.CENTRE_NAME}
    )
    shown = list(events[:FEED_LIMIT])
    changes = calendars.sequences(shown)
    for event in shown:
        calendar.add_component(_item(event, changes[event.pk]))
    return calendars.finished(calendar)


def _item(event: Event, sequence: int) -> CalendarEvent:
    item = CalendarEvent()
    item.add("uid", calendars.uid("event", event.pk))
    item.add("dtstamp", event.starts_at)
    item.add("dtstart", calendars.local(event.starts_at, event.time_zone))
    item.add("dtend", calendars.local(event.ends_at, event.time_zone))
    item.add("sequence", sequence)
    item.add("summary", event.title)
    item.add("location", ", ".join(filter(None, [event.city, event.venue])))
    item.add("url", portal_url("events:event", event.slug))
    if event.is_cancelled:
        item.add("status", "CANCELLED")
    return item
