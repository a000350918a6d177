"""Consulting benchmark: 1,000,000 logged consultations, the quarter's totals.

Run with `scripts/benchmark consulting_totals`. It fills its own database (civiccenter_bench)
once: 10,000 registry records and a million log entries spread over five years, with their
consultants and initiatives, written by PostgreSQL's generate_series in a few statements.
Then it times `consulting.totals.quarter_totals` (the function the dashboard and the
quarterly report use). Goal (issue 5): under 1 s on the project's 2-core machines.
"""

import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiccenter.settings.local")
os.environ["DEBUG"] = "false"
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402

from benchmarks.data import fill_registry  # noqa: E402
from civiccenter.quarters import Quarter  # noqa: E402
from consulting.models import Consultant, ConsultationLog, ConsultingTopic  # noqa: E402
from consulting.totals import grant_review_totals, quarter_totals  # noqa: E402
from initiatives.models import Organisation  # noqa: E402

LOGS = 1_000_000
RECORDS = 10_000
CONSULTANTS = 12
RUNS = 7


def prepare() -> None:
    if Organisation.objects.count() < RECORDS:
        fill_registry(RECORDS - Organisation.objects.count())
    for number in range(ConsultingTopic.objects.count(), 11):
        ConsultingTopic.objects.create(name=f"Тема {number + 1}")
    User = get_user_model()
    while Consultant.objects.count() < CONSULTANTS:
        number = Consultant.objects.count()
        user = User.objects.create_user(
            email=f"bench-consultant-{number}@example.org", last_name=f"Консультант {number}"
        )
        Consultant.objects.create(user=user)
    have = ConsultationLog.objects.count()
    if have >= LOGS:
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO consulting_consultationlog
                (held_on, duration_minutes, topic_id, people_count, channel, summary,
                 private_notes, follow_up, created_at, updated_at)
            SELECT current_date - (random() * 1825)::int,
                   15 * (1 + (random() * 11)::int),
                   (SELECT array_agg(id) FROM consulting_consultingtopic)[1 + (g %% 11)],
                   1 + (random() * 5)::int,
                   (ARRAY['walk_in','phone','online','group','booked'])[1 + (g %% 5)],
                   'Консультация', '', '', now(), now()
            FROM generate_series(1, %s) AS g
            """,
            [LOGS - have],
        )
        cursor.execute(
            """
            INSERT INTO consulting_consultationlog_consultants (consultationlog_id, consultant_id)
            SELECT l.id, (SELECT array_agg(id) FROM consulting_consultant)[1 + (l.id %% %s)]
            FROM consulting_consultationlog l
            WHERE NOT EXISTS (SELECT 1 FROM consulting_consultationlog_consultants c
                              WHERE c.consultationlog_id = l.id)
            """,
            [CONSULTANTS],
        )
        cursor.execute(
            """
            INSERT INTO consulting_consultationlog_organisations
                (consultationlog_id, organisation_id)
            SELECT l.id, o.ids[1 + (l.id % array_length(o.ids, 1))]
            FROM consulting_consultationlog l,
                 (SELECT array_agg(id) AS ids FROM initiatives_organisation) o
            WHERE l.id % 4 <> 0
              AND NOT EXISTS (SELECT 1 FROM consulting_consultationlog_organisations x
                              WHERE x.consultationlog_id = l.id)
            """
        )
        cursor.execute("ANALYZE")
    print(f"filled {LOGS - have} log entries in {time.perf_counter() - started:.1f} s")


def main() -> int:
    prepare()
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
