"""How the cost of the pages that show a fixed amount grows with the registry.

Run with `scripts/benchmark growth` (10,000 records) and `BENCH_RECORDS=100000 scripts/benchmark
growth`: each run times, in-process through Django's test client with DEBUG off and the page
cache bypassed (a visitor with a message waiting gets a page made for them), the catalogue
searched with a different word and filters on each request, its plain first page and the home
page. It keeps its medians in .local/bench/growth-<records>.json and, when the other size has
been measured, prints the ratio of the 100,000-record cost to the 10,000-record one (goal:
at most 1.3). BENCH_PROFILE=1 also prints where the searched catalogue's time goes: the
functions that take most of it, and the share of it spent waiting for PostgreSQL.
"""

import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiccenter.settings.local")
os.environ["DEBUG"] = "false"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from benchmarks.data import ADJECTIVES, NOUNS, RECORDS, dataset_ensure  # noqa: E402
from initiatives.models import Organisation, Topic  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / ".local" / "bench"
REQUESTS = 200
WARMUP = 20
STATUSES = ["", "active", "idea", "dormant"]


def _timed(client: Client, requests: list[tuple[str, dict]]) -> dict:
    for path, params in requests[:WARMUP]:
        client.get(path, params)
    timings = []
    for path, params in requests:
        started = time.perf_counter()
        response = client.get(path, params)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200 or "X-Page-Cache" in response:
            raise SystemExit(f"{path} {params}: {response.status_code}, not a fresh page")
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
    }


def _profile(client: Client, requests: list[tuple[str, dict]]) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for path, params in requests:
        client.get(path, params)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    total = stats.total_tt  # type: ignore[attr-defined]
    waiting = sum(
        row[3]  # cumulative: the call and the wait inside it
        for (file, _line, name), row in stats.stats.items()  # type: ignore[attr-defined]
        if name in ("execute", "fetchmany", "fetchall", "fetchone")
        and file.endswith("psycopg/cursor.py")
    )
    print(
        f"profile of {len(requests)} searched catalogue requests: {total:.2f} s in all, "
        f"{waiting / total:.0%} waiting for PostgreSQL"
    )
    stats.sort_stats("cumulative").print_stats(
        r"(template|forms|filters|query|compiler|search|paginat|render|views)", 25
    )
    print(out.getvalue()[-6000:])


def main() -> int:
    dataset_ensure(registrations=False)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    topics = [""] + [str(pk) for pk in Topic.objects.values_list("pk", flat=True)]
    words = [word.lower() for word in ADJECTIVES + NOUNS]
    client = Client()
    client.cookies["messages"] = "a message waiting"  # never served from the page cache
    searched = [
        (
            "/initiatives/",
            {
                "q": words[n % len(words)],
                "status": STATUSES[n // len(words) % len(STATUSES)],
                "topic": topics[n % len(topics)],
            },
        )
        for n in range(REQUESTS)
    ]
    if os.environ.get("BENCH_PROFILE"):
        _profile(client, searched)
    measured = {
        "catalogue, searched (query mix)": _timed(client, searched),
        "catalogue, first page": _timed(client, [("/initiatives/", {})] * REQUESTS),
        "home page": _timed(client, [("/", {})] * REQUESTS),
    }
    records = Organisation.objects.count()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"growth-{RECORDS}.json").write_text(json.dumps(measured, indent=2))
    print(f"records: {records}; {REQUESTS} requests per page, in-process, page cache bypassed")
    for page, figures in measured.items():
        print(f"{page}: median {figures['median']:.1f} ms, p95 {figures['p95']:.1f} ms")
    small, large = RESULTS / "growth-10000.json", RESULTS / "growth-100000.json"
    if small.exists() and large.exists():
        before, after = json.loads(small.read_text()), json.loads(large.read_text())
        print("growth from 10,000 to 100,000 records (median; goal: at most 1.3):")
        for page in before:
            print(f"  {page}: {after[page]['median'] / before[page]['median']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
