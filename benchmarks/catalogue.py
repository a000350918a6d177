"""Catalogue benchmark: 10,000 records, the filtered and searched page's server time.

Run with `scripts/benchmark catalogue`. It uses a database of its own
(civiccenter_bench), fills it once, then requests the catalogue in-process through Django's
test client with DEBUG off and prints the median and 95th percentile. Goal (issue 4):
p95 under 150 ms on the project's 2-core machines.
"""

import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiccenter.settings.local")
os.environ["DEBUG"] = "false"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from benchmarks.data import fill_registry  # noqa: E402
from initiatives.models import District, Organisation, Topic  # noqa: E402

TARGET = 10_000
WARMUP = 20
REQUESTS = 300


def main() -> int:
    have = Organisation.objects.count()
    if have < TARGET:
        started = time.perf_counter()
        fill_registry(TARGET - have)
        print(f"filled {TARGET - have} records in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    topics = list(Topic.objects.values_list("pk", flat=True))
    districts = list(District.objects.values_list("pk", flat=True))
    searches = ["экология", "двор", "музей истории", "спорт", "волонтёры", "Пензы", "арт"]
    client = Client()

    def params(i: int) -> dict:
        query = {"q": searches[i % len(searches)], "status": "active"}
        if i % 2:
            query["topic"] = topics[i % len(topics)]
        if i % 3 == 0:
            query["district"] = districts[i % len(districts)]
        if i % 4 == 0:
            query["sort"] = "members"
        if i % 5 == 0:
            query["page"] = 2
        return query

    for i in range(WARMUP):
        client.get("/initiatives/", params(i))
    timings = []
    for i in range(REQUESTS):
        started = time.perf_counter()
        response = client.get("/initiatives/", params(i))
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            print(f"unexpected status {response.status_code} for {params(i)}")
            return 1
    query_counts = set()
    for i in range(10):
        with CaptureQueriesContext(connection) as queries:
            client.get("/initiatives/", params(i))
        query_counts.add(len(queries.captured_queries))
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"records: {Organisation.objects.count()}")
    print(f"requests: {REQUESTS} (filtered by status, topic, district; searched; sorted; paged)")
    print(f"queries per request: {sorted(query_counts)}")
    print(f"median: {statistics.median(timings):.1f} ms")
    print(f"p95:    {p95:.1f} ms  (goal: under 150 ms)")
    print(f"max:    {timings[-1]:.1f} ms")
    return 0 if p95 < 150 else 2


if __name__ == "__main__":
    sys.exit(main())
