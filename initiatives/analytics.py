"""The registry's figures: who is alive, how cohorts survive, what initiatives achieve.

One tested source for the analytics page, the quarterly report and its XLSX. Everything is
counted in PostgreSQL.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import connection
from django.db.models import Count, DateField, F, Func, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from civiccenter.kernel.quarters import Quarter

from .models import Grant, Organisation, Partnership, Relation

SURVIVAL_CHECKPOINTS = (1, 2, 4)  # quarters after the cohort's own quarter
# Alive means not dormant and not closed: an idea still being shaped counts as alive.
NOT_ALIVE = (Organisation.Status.DORMANT, Organisation.Status.CLOSED)


def status_kind_counts() -> dict[str, dict[str, int]]:
    """Published records by kind and status, in one query: {kind: {status: n}}."""
    counts: dict[str, dict[str, int]] = {
        kind: dict.fromkeys(Organisation.Status.values, 0) for kind in Organisation.Kind.values
    }
    rows = (
        Organisation.objects.filter(moderation=Organisation.Moderation.PUBLISHED)
        .values_list("kind", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    for kind, status, n in rows:
        counts[kind][status] = n
    return counts


@dataclass(frozen=True)
class CohortRow:
    quarter: date  # first day of the quarter in which the records were published
    size: int
    surviving: dict[int, float | None]  # checkpoint → share alive (None: not reached yet)

    @property
    def label(self) -> str:
        """The cohort's quarter as documents name it («IV квартал 2026»)."""
        return Quarter.of(self.quarter).label


_SURVIVAL_SQL = """
WITH cohort AS (
    SELECT o.id, date_trunc('quarter', o.published_at AT TIME ZONE %(tz)s) AS quarter
    FROM initiatives_organisation o
    WHERE o.moderation = 'published' AND o.published_at IS NOT NULL
      AND o.published_at < %(now)s
),
checkpoint AS (
    SELECT c.id, c.quarter, k,
           (c.quarter + make_interval(months => 3 * (k + 1))) AT TIME ZONE %(tz)s AS at
    FROM cohort c CROSS JOIN unnest(%(checkpoints)s::int[]) AS k
)
SELECT cp.quarter::date, cp.k, count(*) AS size,
       count(*) FILTER (WHERE s.to_status IS NOT NULL
                        AND s.to_status <> ALL(%(not_alive)s)) AS alive,
       bool_and(cp.at <= %(now)s) AS reached
FROM checkpoint cp
LEFT JOIN LATERAL (
    SELECT sc.to_status FROM initiatives_statuschange sc
    WHERE sc.organisation_id = cp.id AND sc.changed_at < cp.at
    ORDER BY sc.changed_at DESC, sc.id DESC LIMIT 1
) s ON TRUE
GROUP BY cp.quarter, cp.k
ORDER BY cp.quarter, cp.k
"""


def cohort_survival(*, now: datetime | None = None) -> list[CohortRow]:
    """Of the records published in each quarter before `now`, the share alive at the end of
    the 1st, 2nd and 4th quarter after it, from the dated status history (one query). A
    report of a past quarter passes the quarter's end: no later cohort, no later status."""
    params = {
        "tz": settings.TIME_ZONE,
        "checkpoints": list(SURVIVAL_CHECKPOINTS),
        "not_alive": list(NOT_ALIVE),
        "now": now or timezone.now(),
    }
    with connection.cursor() as cursor:
        cursor.execute(_SURVIVAL_SQL, params)
        rows = cursor.fetchall()
    cohorts: dict[date, dict] = {}
    for quarter, k, size, alive, reached in rows:
        entry = cohorts.setdefault(quarter, {"size": size, "surviving": {}})
        entry["surviving"][k] = round(alive / size, 4) if reached and size else None
    return [
        CohortRow(quarter=quarter, size=entry["size"], surviving=entry["surviving"])
        for quarter, entry in cohorts.items()
    ]


_STATUS_AT_SQL = """
SELECT s.to_status, count(*) FROM (
    SELECT DISTINCT ON (sc.organisation_id) sc.to_status
    FROM initiatives_statuschange sc
    JOIN initiatives_organisation o ON o.id = sc.organisation_id
    WHERE o.moderation = 'published' AND sc.changed_at < %(at)s
      AND (%(kind)s::text IS NULL OR o.kind = %(kind)s::text)
    ORDER BY sc.organisation_id, sc.changed_at DESC, sc.id DESC
) s GROUP BY s.to_status
"""


def status_counts_at(at: datetime, *, kind: str | None = None) -> dict[str, int]:
    """How many published records (of one kind, or all) were in each status at a moment
    (from the history)."""
    counts = dict.fromkeys(Organisation.Status.values, 0)
    with connection.cursor() as cursor:
        cursor.execute(_STATUS_AT_SQL, {"at": at, "kind": kind})
        counts.update(dict(cursor.fetchall()))
    return counts


def _period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start, end] as local days → an aware half-open range of instants."""
    begin = timezone.make_aware(datetime.combine(start, datetime.min.time()))
    finish = timezone.make_aware(datetime.combine(end + timedelta(days=1), datetime.min.time()))
    return begin, finish


def grant_date():
    """A grant counts on the day it was awarded; one known only by its year counts on the
    first day of that year."""
    return Coalesce(
        F("awarded_on"),
        Func(F("year"), Value(1), Value(1), function="make_date", output_field=DateField()),
    )


def registry_indicators(start: date, end: date) -> dict:
    """The registry's figures for a period (a quarter, the year to date…)."""
    begin, finish = _period_bounds(start, end)
    relations = Relation.objects.filter(occurred_on__range=(start, end)).aggregate(
        registered_as_ngo=Count("id", filter=Q(kind=Relation.Kind.REGISTERED_AS_NGO)),
        splits=Count("id", filter=Q(kind=Relation.Kind.SPLIT_FROM)),
        joined_coalitions=Count("id", filter=Q(kind=Relation.Kind.JOINED_COALITION)),
    )
    grants = (
        Grant.objects.annotate(effective_on=grant_date())
        .filter(effective_on__range=(start, end))
        .aggregate(grants_won=Count("id"), grants_amount=Sum("amount", default=0))
    )
    new = Organisation.objects.filter(
        moderation=Organisation.Moderation.PUBLISHED,
        published_at__gte=begin,
        published_at__lt=finish,
    ).count()
    at_end = status_counts_at(finish)
    ngo = Organisation.Kind.NGO
    active_ngos = status_counts_at(finish, kind=ngo)[Organisation.Status.ACTIVE]
    active_ngos_before = status_counts_at(begin, kind=ngo)[Organisation.Status.ACTIVE]
    return {
        "new": new,
        "status_at_end": at_end,
        # The registry's size: published records of any status at the period's end.
        "size": sum(at_end.values()),
        # An active NGO: a published record of the kind «НКО» whose status, by the registry's
        # history, was «Действует» at the moment — not dormant (no activity for the dormancy
        # term), not closed, not an idea. Growth: at the period's end less at its start.
        "active_ngos": active_ngos,
        "active_ngos_growth": active_ngos - active_ngos_before,
        **relations,
        **grants,
        "partnerships": Partnership.objects.filter(signed_on__range=(start, end)).count(),
    }


def relation_totals() -> dict:
    """All-time conversions to NGO, splits and coalition memberships, and grants won."""
    totals = Relation.objects.aggregate(
        registered_as_ngo=Count("id", filter=Q(kind=Relation.Kind.REGISTERED_AS_NGO)),
        splits=Count("id", filter=Q(kind=Relation.Kind.SPLIT_FROM)),
        joined_coalitions=Count("id", filter=Q(kind=Relation.Kind.JOINED_COALITION)),
    )
    totals.update(
        Grant.objects.aggregate(grants_won=Count("id"), grants_amount=Sum("amount", default=0))
    )
    totals["partnerships"] = Partnership.objects.count()
    return totals
