"""Calendar files: one session, or the feed of all upcoming sessions."""

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from civiccenter.kernel import calendars
from civiccenter.kernel.links import portal_url

from .models import Session


def _calendar() -> Calendar:
    return calendars.calendar(
        "training", name=_("%(centre)s: training") % {"centre": settings.CENTRE_NAME}
    )


def _add(calendar: Calendar, session: Session) -> None:
    for day in session.days.all():
        event = Event()
        event.add("uid", calendars.uid("training-day", day.pk))
        event.add("dtstamp", session.created_at)
        event.add("dtstart", calendars.local(day.starts_at))
        event.add("dtend", calendars.local(day.ends_at))
        event.add("summary", session.programme.title)
        event.add("location", session.place)
        event.add("url", portal_url("training:session", session.pk))
        calendar.add_component(event)


def session_calendar(session: Session) -> bytes:
    calendar = _calendar()
    _add(calendar, session)
    return calendars.finished(calendar)


def feed(sessions) -> bytes:
    calendar = _calendar()
    for session in sessions:
        _add(calendar, session)
    return calendars.finished(calendar)
