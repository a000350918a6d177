"""Calendar files for bookings (RFC 5545, via the icalendar library)."""

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Event, vCalAddress, vText

from civiccenter.kernel import calendars

from .models import Booking


def booking_calendar(booking: Booking, *, cancelled: bool = False) -> bytes:
    calendar = calendars.calendar("consulting", method="CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", calendars.uid("booking", booking.pk))
    event.add("dtstamp", booking.updated_at)
    event.add("dtstart", calendars.local(booking.starts_at))
    event.add("dtend", calendars.local(booking.ends_at))
    event.add("summary", _("Consultation: %(topic)s") % {"topic": booking.topic.name})
    event.add("description", booking.question)
    event.add("location", settings.CENTRE_NAME)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("sequence", calendars.sequence(booking))
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = vText(settings.CENTRE_NAME)
    event["organizer"] = organizer
    calendar.add_component(event)
    return calendars.finished(calendar)
