"""Calendar files of events (RFC 5545, via the icalendar library): the feed of what is
coming."""

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from civiccenter.kernel.links import portal_url

from .models import Event

FEED_LIMIT = 500


def feed(events) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//civiccenter//events//RU")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("%(centre)s: events") % {"centre": settings.CENTRE_NAME})
    for event in events[:FEED_LIMIT]:
        calendar.add_component(_item(event))
    return calendar.to_ical()


def _item(event: Event) -> CalendarEvent:
    host = settings.PORTAL_BASE_URL.split("://")[-1]
    item = CalendarEvent()
    item.add("uid", f"event-{event.pk}@{host}")
    item.add("dtstamp", event.starts_at)
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("summary", event.title)
    item.add("location", ", ".join(filter(None, [event.city, event.venue])))
    item.add("url", portal_url("events:event", event.slug))
    return item
