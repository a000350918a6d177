"""Calendar files: one session, or the feed of all upcoming sessions."""

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from civiccenter.kernel.links import portal_url

from .models import Session


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//civiccenter//training//RU")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("%(centre)s: training") % {"centre": settings.CENTRE_NAME})
    return calendar


def _add(calendar: Calendar, session: Session) -> None:
    host = settings.PORTAL_BASE_URL.split("://")[-1]
    for day in session.days.all():
        event = Event()
        event.add("uid", f"training-day-{day.pk}@{host}")
        event.add("dtstamp", session.created_at)
        event.add("dtstart", day.starts_at)
        event.add("dtend", day.ends_at)
        event.add("summary", session.programme.title)
        event.add("location", session.place)
        event.add("url", portal_url("training:session", session.pk))
        calendar.add_component(event)


def session_calendar(session: Session) -> bytes:
    calendar = _calendar()
    _add(calendar, session)
    return calendar.to_ical()


def feed(sessions) -> bytes:
    calendar = _calendar()
    for session in sessions:
        _add(calendar, session)
    return calendar.to_ical()
