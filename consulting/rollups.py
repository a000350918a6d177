"""Keeps the log's sums (models/rollups.py) equal to the log.

The services of the log call `entry_removed` with an entry as it was before a change and
`entry_added` with it as it is after, inside their transaction; each adds or takes away the
entry's minutes and one session on its rows with one atomic statement per row (an upsert),
so concurrent writers never lose each other's share and no lock is held longer than the
row's. `rebuild()` recomputes everything from the log (after a bulk load that wrote the log
directly, and in the migration that made the tables)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Model

from civiccenter.kernel.quarters import Quarter

from .models import ConsultationLog


@dataclass(frozen=True)
class Entry:
    """What of a log entry its sums are made of."""

    held_on: date
    minutes: int
    topic_id: int
    people: int
    consultant_ids: tuple[int, ...]
    organisation_ids: tuple[int, ...]


def _keys(given: Iterable[Model] | None, related: Any) -> tuple[int, ...]:
    """The records just set on the entry (once each, as `set()` keeps them), or else those
    the database holds."""
    if given is None:
        return tuple(related.values_list("pk", flat=True))
    return tuple(dict.fromkeys(record.pk for record in given))


def entry_of(
    log: ConsultationLog,
    consultants: Iterable[Model] | None = None,
    organisations: Iterable[Model] | None = None,
) -> Entry:
    return Entry(
        log.held_on,
        log.duration_minutes,
        log.topic_id,
        log.people_count,
        _keys(consultants, log.consultants),
        _keys(organisations, log.organisations),
    )


_UPSERTS = {
    "topic": """
        INSERT INTO consulting_dailytopictotal AS t (day, topic_id, minutes, sessions, people)
        VALUES (%(day)s, %(key)s, %(minutes)s, %(sessions)s, %(people)s)
        ON CONFLICT (day, topic_id) DO UPDATE SET minutes = t.minutes + EXCLUDED.minutes,
            sessions = t.sessions + EXCLUDED.sessions, people = t.people + EXCLUDED.people
    """,
    "consultant": """
        INSERT INTO consulting_dailyconsultanttotal AS t (day, consultant_id, minutes, sessions)
        VALUES (%(day)s, %(key)s, %(minutes)s, %(sessions)s)
        ON CONFLICT (day, consultant_id) DO UPDATE SET minutes = t.minutes + EXCLUDED.minutes,
            sessions = t.sessions + EXCLUDED.sessions
    """,
    "organisation": """
        INSERT INTO consulting_quarterinitiativetotal AS t
            (quarter_start, organisation_id, minutes, sessions)
        VALUES (%(day)s, %(key)s, %(minutes)s, %(sessions)s)
        ON CONFLICT (quarter_start, organisation_id) DO UPDATE
            SET minutes = t.minutes + EXCLUDED.minutes, sessions = t.sessions + EXCLUDED.sessions
    """,
}


def _apply(entry: Entry, sign: int) -> None:
    shares = {"minutes": sign * entry.minutes, "sessions": sign, "people": sign * entry.people}
    rows = [("topic", entry.held_on, entry.topic_id)]
    rows += [("consultant", entry.held_on, pk) for pk in entry.consultant_ids]
    quarter_start = Quarter.of(entry.held_on).start
    rows += [("organisation", quarter_start, pk) for pk in entry.organisation_ids]
    with connection.cursor() as cursor:
        for table, day, key in rows:
            cursor.execute(_UPSERTS[table], {"day": day, "key": key, **shares})


def entry_added(entry: Entry) -> None:
    _apply(entry, +1)


def entry_removed(entry: Entry) -> None:
    _apply(entry, -1)


REBUILD_SQL = """
DELETE FROM consulting_dailytopictotal;
DELETE FROM consulting_dailyconsultanttotal;
DELETE FROM consulting_quarterinitiativetotal;
INSERT INTO consulting_dailytopictotal (day, topic_id, minutes, sessions, people)
SELECT held_on, topic_id, SUM(duration_minutes), COUNT(*), SUM(people_count)
FROM consulting_consultationlog GROUP BY held_on, topic_id;
INSERT INTO consulting_dailyconsultanttotal (day, consultant_id, minutes, sessions)
SELECT l.held_on, c.consultant_id, SUM(l.duration_minutes), COUNT(*)
FROM consulting_consultationlog l
JOIN consulting_consultationlog_consultants c ON c.consultationlog_id = l.id
GROUP BY l.held_on, c.consultant_id;
INSERT INTO consulting_quarterinitiativetotal (quarter_start, organisation_id, minutes, sessions)
SELECT date_trunc('quarter', l.held_on)::date, o.organisation_id,
       SUM(l.duration_minutes), COUNT(*)
FROM consulting_consultationlog l
JOIN consulting_consultationlog_organisations o ON o.consultationlog_id = l.id
GROUP BY 1, o.organisation_id;
"""


ANALYZE_SQL = """
ANALYZE consulting_dailytopictotal, consulting_dailyconsultanttotal,
    consulting_quarterinitiativetotal
"""


def rebuild() -> None:
    """Every sum from the whole log, then the planner told what the tables now hold (the
    first quarter's totals after a rebuild of 5 million entries took 16 s on a guessed plan
    instead of 0.6 s)."""
    with connection.cursor() as cursor:
        cursor.execute(REBUILD_SQL)
        cursor.execute(ANALYZE_SQL)
