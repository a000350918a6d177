"""Activists posting the consultation booking form, for the load run.

A topic of its own with four consultants who receive every day 08:00–20:00 in 30-minute slots
(about 2,000 free slots over the booking horizon), 32 signed-in activists, and a wrk script
whose every request books the next free slot as the next activist — each POST is a real
booking stored under the exclusion constraint, queued e-mails included. Bookings from earlier
runs are deleted first, so runs are comparable.
"""

from datetime import time
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.urls import reverse

from benchmarks.sessions import session_cookie
from benchmarks.wrk_posts import new_csrf_secret, post_script
from consulting import selectors
from consulting.forms import slot_value
from consulting.models import Booking, Consultant, ConsultingTopic, WeeklyAvailability

TOPIC = "Нагрузочная проверка: запись на консультацию"
CONSULTANTS = 4
ACTIVISTS = 32
QUESTION = "Как оформить заявку на муниципальный грант для нашего двора?"


def _topic_with_consultants() -> ConsultingTopic:
    topic, _created = ConsultingTopic.objects.get_or_create(name=TOPIC)
    User = get_user_model()
    for number in range(CONSULTANTS):
        user, _created = User.objects.get_or_create(
            email=f"bench-booking-consultant-{number}@example.org",
            defaults={"last_name": f"Консультантова {number}", "first_name": "Анна"},
        )
        consultant, _created = Consultant.objects.get_or_create(user=user)
        consultant.topics.add(topic)
        for weekday in range(7):
            WeeklyAvailability.objects.get_or_create(
                consultant=consultant,
                weekday=weekday,
                defaults={"starts": time(8), "ends": time(20), "slot_minutes": 30},
            )
    Booking.objects.filter(topic=topic).delete()
    return topic


def booking_load(threads: int) -> dict:
    """Prepares the data and returns {"path", "script", "probe_body", "probe_cookie", "csrf",
    "slots", "topic"}: the probe books one slot before the run to check the page answers 302."""
    topic = _topic_with_consultants()
    consultants = list(selectors.consultants_for(topic.pk))
    slots = [
        slot_value(slot)
        for consultant in consultants
        for slot in selectors.free_slots([consultant])[consultant.pk]
    ]
    User = get_user_model()
    cookies = []
    for number in range(ACTIVISTS):
        user, _created = User.objects.get_or_create(
            email=f"bench-activist-{number}@example.org",
            defaults={"last_name": f"Активистов {number}", "first_name": "Иван"},
        )
        cookies.append(session_cookie(user))
    csrf = new_csrf_secret()
    bodies = [
        urlencode(
            {"csrfmiddlewaretoken": csrf, "slot": slot, "organisation": "", "question": QUESTION}
        )
        for slot in slots
    ]
    path = reverse("consulting:book", args=[topic.pk])
    script = post_script(path=path, bodies=bodies[1:], cookies=cookies, csrf=csrf, threads=threads)
    return {
        "path": path,
        "script": script,
        "probe_body": bodies[0],
        "probe_cookie": f"{cookies[0]}; csrftoken={csrf}",
        "slots": len(slots),
        "consultants": len(consultants),
        "topic": topic,
    }


def bookings_stored(topic: ConsultingTopic) -> int:
    return Booking.objects.filter(topic=topic).count()
