"""What a signed-in page costs in-process, beside the bare view, in rounds of one process.

Run with `scripts/benchmark signed_in` (BENCH_ROUNDS rounds of BENCH_REQUESTS views each, 3 and
200 by default). Through Django's test client with DEBUG off, it times the bare view without a
session and with a coordinator's (the session, the user, what they may do, the consent and
two-factor gates), the policy page signed in (the lightest page with the base template and
the menu), the booking page of the load run's topic as an activist, and the staff hours list
of the previous quarter. It prints each page's median of every round: this machine's
in-process figures move by 2× within a day, so only figures of one run compare, and the
rounds show how much they move within it. BENCH_PROFILE=booking (or hours, policy) also
prints where that page's time goes.
"""

import cProfile
import os
import pstats
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiccenter.settings.local")
os.environ["DEBUG"] = "false"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from benchmarks.booking_posts import _topic_with_consultants  # noqa: E402
from benchmarks.data import dataset_ensure  # noqa: E402
from benchmarks.load import staff_cookie  # noqa: E402
from benchmarks.sessions import session_cookie  # noqa: E402
from civiccenter.kernel.quarters import Quarter  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))


def _pages() -> dict[str, tuple[Client, str]]:
    activist, _created = get_user_model().objects.get_or_create(
        email="bench-activist-0@example.org",
        defaults={"last_name": "Активистов 0", "first_name": "Иван"},
    )
    staff = Client(HTTP_COOKIE=staff_cookie())
    return {
        "bare view, no session": (Client(), "/healthz"),
        "bare view, a coordinator's session": (staff, "/healthz"),
        "policy page, signed in": (staff, reverse("privacy")),
        "booking page, an activist": (
            Client(HTTP_COOKIE=session_cookie(activist)),
            reverse("consulting:book", args=[_topic_with_consultants().pk]),
        ),
        "staff hours list": (staff, f"/consulting/log/?quarter={Quarter.current().previous()}"),
    }


def _median_ms(client: Client, path: str) -> float:
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code} {response.get('Location', '')}")
    return statistics.median(timings)


def main() -> int:
    dataset_ensure(registrations=False)
    pages = _pages()
    queries = {}
    for name, (client, path) in pages.items():
        client.get(path)  # the first view fills the caches a page reads
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries[name] = len(captured)
    medians: dict[str, list[float]] = {name: [] for name in pages}
    for _round in range(ROUNDS):
        for name, (client, path) in pages.items():
            medians[name].append(_median_ms(client, path))
    print(f"{ROUNDS} rounds of {REQUESTS} views a page, in-process, DEBUG off; median ms a round")
    print("| page | queries | " + " | ".join(f"round {n + 1}" for n in range(ROUNDS)) + " |")
    print("|---|---:|" + "---:|" * ROUNDS)
    for name, figures in medians.items():
        cells = " | ".join(f"{figure:.2f}" for figure in figures)
        print(f"| {name} | {queries[name]} | {cells} |")
    profiled = os.environ.get("BENCH_PROFILE")
    if profiled:
        chosen = {"booking": "booking page", "hours": "staff hours", "policy": "policy page"}
        name = next(name for name in pages if name.startswith(chosen[profiled]))
        client, path = pages[name]
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(REQUESTS):
            client.get(path)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
