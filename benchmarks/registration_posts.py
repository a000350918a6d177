"""A forum's registration opening, for the load run: PEOPLE different signed-in people (from
the generated 20,000) each post the registration form once for one forum with 500 places; when
the places are gone they join the waitlist. Every request is a real registration under the
event's row lock, with its ticket (QR code) e-mail queued. The forum's registrations from
earlier runs are deleted first."""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from benchmarks.sessions import session_cookie
from benchmarks.wrk_posts import new_csrf_secret, post_script
from events.models import Event, Registration

SLUG = "bench-rush-forum"
PLACES = 500
PEOPLE = 4000


def _forum() -> Event:
    starts = timezone.now() + timedelta(days=30)
    event, _created = Event.objects.update_or_create(
        slug=SLUG,
        defaults={
            "kind": Event.Kind.FORUM,
            "title": "Гражданский форум «Город, в котором хочется жить»",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=8),
            "city": "Пермь",
            "capacity": PLACES,
            "registration_open": True,
            "is_published": True,
        },
    )
    Registration.objects.filter(event=event).delete()
    return event


def registration_load(threads: int) -> dict:
    """Prepares the forum and the people; returns {"path", "script", "probe_body",
    "probe_cookie", "event"}. The probe registers one more person before the run."""
    event = _forum()
    people = get_user_model().objects.filter(email__startswith="bench-person-").order_by("pk")
    cookies = [session_cookie(person) for person in people[: PEOPLE + 1]]
    csrf = new_csrf_secret()
    body = urlencode({"csrfmiddlewaretoken": csrf, "organisation": "", "waitlist": "1"})
    path = reverse("events:register", args=[event.slug])
    return {
        "path": path,
        "script": post_script(
            path=path, bodies=[body], cookies=cookies[1:], csrf=csrf, threads=threads
        ),
        "probe_body": body,
        "probe_cookie": f"{cookies[0]}; csrftoken={csrf}",
        "event": event,
    }


def registrations_stored(event: Event) -> dict[str, int]:
    return {
        status: Registration.objects.filter(event=event, status=status).count()
        for status in (Registration.Status.REGISTERED, Registration.Status.WAITLISTED)
    }
