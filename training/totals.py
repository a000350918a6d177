"""Training figures: one tested SQL source for the dashboard and the quarterly report.

Training hours are the hours of session days held in the period (a day with several groups
counts once); participant-hours add up, for every person marked present, the hours of that
day. Cancelled sessions count for nothing.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from .models import Attendance

_SQL = """
SELECT
    COALESCE(SUM(EXTRACT(EPOCH FROM d.ends_at - d.starts_at)), 0) / 3600 AS hours,
    COUNT(DISTINCT d.session_id) AS sessions,
    COALESCE(SUM(p.present_count * EXTRACT(EPOCH FROM d.ends_at - d.starts_at)), 0) / 3600
        AS participant_hours,
    COALESCE(SUM(p.present_count), 0) AS attendances
FROM training_sessionday d
JOIN training_session s ON s.id = d.session_id AND NOT s.is_cancelled
LEFT JOIN LATERAL (
    SELECT COUNT(*) AS present_count FROM training_attendance a
    WHERE a.day_id = d.id AND a.present
) p ON TRUE
WHERE d.starts_at >= %(begin)s AND d.starts_at < %(end)s AND d.ends_at <= %(now)s
"""

_PEOPLE_SQL = """
SELECT COUNT(DISTINCT e.user_id)
FROM training_attendance a
JOIN training_enrolment e ON e.id = a.enrolment_id
JOIN training_sessionday d ON d.id = a.day_id
WHERE a.present AND d.starts_at >= %(begin)s AND d.starts_at < %(end)s
"""


def training_totals(start: date, end: date, *, now: datetime | None = None) -> dict:
    """Hours of training held between two local dates (inclusive), in two queries."""
    params = {
        "begin": timezone.make_aware(datetime.combine(start, time.min)),
        "end": timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min)),
        "now": now or timezone.now(),
    }
    with connection.cursor() as cursor:
        cursor.execute(_SQL, params)
        hours, sessions, participant_hours, attendances = cursor.fetchone()
        cursor.execute(_PEOPLE_SQL, params)
        (people,) = cursor.fetchone()
    return {
        "hours": Decimal(hours).quantize(Decimal("0.01")),
        "sessions": sessions,
        "participant_hours": Decimal(participant_hours).quantize(Decimal("0.01")),
        "attendances": attendances,
        "people": people,
    }


def initiatives_supported(start: date, end: date) -> list[QuerySet]:
    """The records whose people were trained in the period: marked present on a day held in
    it, enrolled on the record's behalf."""
    begin = timezone.make_aware(datetime.combine(start, time.min))
    finish = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    return [
        Attendance.objects.filter(
            present=True,
            day__starts_at__gte=begin,
            day__starts_at__lt=finish,
            day__session__is_cancelled=False,
            enrolment__organisation__isnull=False,
        ).values("enrolment__organisation")
    ]
