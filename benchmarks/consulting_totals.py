"""Consulting benchmark: 1,000,000 logged consultations, the quarter's totals.

Run with `scripts/benchmark consulting_totals`. It fills its own database (civiccenter_bench)
once (benchmarks/data.py): 10,000 registry records and a million log entries spread over five
years, with their consultants and initiatives. Then it times `consulting.totals.quarter_totals`
(the function the dashboard and the quarterly report use). Goal (issue 5): under 1 s on the project's 2-core machines.
"""

import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiccenter.settings.local")
os.environ["DEBUG"] = "false"
django.setup()

from benchmarks.data import dataset_ensure  # noqa: E402
from civiccenter.kernel.quarters import Quarter  # noqa: E402
from consulting.models import ConsultationLog  # noqa: E402
from consulting.totals import grant_review_totals, quarter_totals  # noqa: E402

RUNS = 7


def main() -> int:
    dataset_ensure(registrations=False)
    quarter = Quarter.current().previous()  # a complete quarter
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        figures = quarter_totals(quarter)
        grant_review_totals(quarter.start, quarter.end)
        timings.append(time.perf_counter() - started)
    print(f"log entries: {ConsultationLog.objects.count():,}".replace(",", " "))
    print(f"quarter: {quarter}, {figures['sessions']} consultations, {figures['hours']} hours")
    topics, consultants, initiatives = (
        len(figures[key]) for key in ("by_topic", "by_consultant", "by_initiative")
    )
    print(f"breakdowns: {topics} topics, {consultants} consultants, {initiatives} initiatives")
    print(f"quarter totals, median of {RUNS}: {statistics.median(timings) * 1000:.0f} ms")
    print(f"quarter totals, slowest:     {max(timings) * 1000:.0f} ms  (goal: under 1000 ms)")
    return 0 if max(timings) < 1 else 2


if __name__ == "__main__":
    sys.exit(main())
