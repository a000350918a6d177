"""Activists posting the consultation booking form, for the load run.

A topic of its own with four consultants who receive every day 08:00–20:00 in 30-minute slots
(about 2,000 free slots over the booking horizon), 32 signed-in activists, and a wrk script
whose every request books the next free slot as the next activist — each POST is a real
booking stored under the exclusion constraint, queued e-mails included. Bookings from earlier
runs are deleted first, so runs are comparable.
"""

import json
import secrets
from datetime import time
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.urls import reverse

from benchmarks.sessions import session_cookie
from consulting import selectors
from consulting.forms import slot_value
from consulting.models import Booking, Consultant, ConsultingTopic, WeeklyAvailability

TOPIC = "Нагрузочная проверка: запись на консультацию"
CONSULTANTS = 4
ACTIVISTS = 32
QUESTION = "Как оформить заявку на муниципальный грант для нашего двора?"

# wrk's Lua: each of its threads takes every THREADS-th body, so no two requests share a slot.
SCRIPT = """
local bodies = %(bodies)s
local cookies = %(cookies)s
local path = %(path)s
local csrf = %(csrf)s
local thread_count = %(threads)d
local threads, number = 0, 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function request()
  local i = number * thread_count + tid
  number = number + 1
  local headers = {}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Cookie"] = cookies[(i %% #cookies) + 1] .. "; csrftoken=" .. csrf
  return wrk.format("POST", path, headers, bodies[(i %% #bodies) + 1])
end
"""


def _lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string of ASCII is a valid Lua string


def _lua_list(values: list[str]) -> str:
    return "{" + ",".join(_lua_string(v) for v in values) + "}"


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
    csrf = secrets.token_hex(16)  # a CSRF secret: 32 characters, sent as cookie and field
    bodies = [
        urlencode(
            {"csrfmiddlewaretoken": csrf, "slot": slot, "organisation": "", "question": QUESTION}
        )
        for slot in slots
    ]
    path = reverse("consulting:book", args=[topic.pk])
    script = SCRIPT % {
        "bodies": _lua_list(bodies[1:]),
        "cookies": _lua_list(cookies),
        "path": _lua_string(path),
        "csrf": _lua_string(csrf),
        "threads": threads,
    }
    return {
        "path": path,
        "script": script,
        "probe_body": bodies[0],
        "probe_cookie": f"{cookies[0]}; csrftoken={csrf}",
        "slots": len(slots),
        "topic": topic,
    }


def bookings_stored(topic: ConsultingTopic) -> int:
    return Booking.objects.filter(topic=topic).count()
