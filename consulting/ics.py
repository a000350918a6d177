"""Calendar files for bookings (RFC 5545, via the icalendar library)."""

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from .models import Booking


def booking_calendar(booking: Booking, *, cancelled: bool = False) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//civiccenter//consulting//RU")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", f"booking-{booking.pk}@{settings.PORTAL_BASE_URL.split('://')[-1]}")
    event.add("dtstamp", booking.updated_at)
    event.add("dtstart", booking.starts_at)
    event.add("dtend", booking.ends_at)
    event.add("summary", _("Consultation: %(topic)s") % {"topic": booking.topic.name})
    event.add("description", booking.question)
    event.add("location", settings.CENTRE_NAME)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("sequence", int(booking.updated_at.timestamp()))
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = vText(settings.CENTRE_NAME)
    event["organizer"] = organizer
    calendar.add_component(event)
    return calendar.to_ical()
