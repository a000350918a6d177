"""The consulting figures: one tested source for the dashboard, the XLSX and the report.

Everything is summed in PostgreSQL. A consultation given by two consultants counts once in
the centre's total and once for each of them in the breakdown by consultant; one given to
two initiatives counts once in the total and once for each initiative.
"""

from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from civiccenter.kernel.dashboards import share_of_target
from civiccenter.kernel.quarters import Quarter

from .models import (
    ConsultationLog,
    DailyConsultantTotal,
    DailyTopicTotal,
    ExpertCouncil,
    GrantReview,
    QuarterInitiativeTotal,
)

MINUTES_PER_HOUR = Decimal(60)


def _hours(minutes: int | None) -> Decimal:
    return (Decimal(minutes or 0) / MINUTES_PER_HOUR).quantize(Decimal("0.01"))


def consulting_summary(start: date, end: date) -> dict:
    """Hours, consultations and people between two local dates, inclusive (one query over
    the log's daily sums, consulting/rollups.py)."""
    overall = DailyTopicTotal.objects.filter(day__range=(start, end)).aggregate(
        minutes=Sum("minutes", default=0),
        sessions=Sum("sessions", default=0),
        people=Sum("people", default=0),
    )
    return {
        "hours": _hours(overall["minutes"]),
        "sessions": overall["sessions"],
        "people": overall["people"],
    }


def consulting_totals(start: date, end: date) -> dict:
    """The summary plus the breakdowns by topic, consultant and initiative, from the log's
    sums: per day for topics and consultants, per quarter for initiatives (a range that is not
    made of whole quarters reads the log for those)."""
    by_topic = (
        DailyTopicTotal.objects.filter(day__range=(start, end))
        .values("topic__name")
        .annotate(minutes=Sum("minutes"), sessions=Sum("sessions"))
        .filter(sessions__gt=0)
        .order_by("-minutes", "topic__name")
    )
    by_consultant = (
        DailyConsultantTotal.objects.filter(day__range=(start, end))
        .values("consultant_id", "consultant__user__last_name", "consultant__user__first_name")
        .annotate(minutes=Sum("minutes"), sessions=Sum("sessions"))
        .filter(sessions__gt=0)
        .order_by("-minutes", "consultant__user__last_name")
    )
    by_initiative = _by_initiative(start, end)
    return {
        **consulting_summary(start, end),
        "by_topic": [
            {
                "name": row["topic__name"],
                "hours": _hours(row["minutes"]),
                "sessions": row["sessions"],
            }
            for row in by_topic
        ],
        "by_consultant": [
            {
                "name": " ".join(
                    filter(
                        None,
                        [row["consultant__user__last_name"], row["consultant__user__first_name"]],
                    )
                ),
                "hours": _hours(row["minutes"]),
                "sessions": row["sessions"],
            }
            for row in by_consultant
        ],
        "by_initiative": [
            {
                "name": row["organisation__name"],
                "hours": _hours(row["minutes"]),
                "sessions": row["sessions"],
            }
            for row in by_initiative
        ],
    }


def _whole_quarters(start: date, end: date) -> bool:
    return Quarter.of(start).start == start and Quarter.of(end).end == end


def _by_initiative(start: date, end: date) -> QuerySet:
    if _whole_quarters(start, end):
        return (
            QuarterInitiativeTotal.objects.filter(quarter_start__range=(start, end))
            .values("organisation_id", "organisation__name")
            .annotate(minutes=Sum("minutes"), sessions=Sum("sessions"))
            .filter(sessions__gt=0)
            .order_by("-minutes", "organisation__name")
        )
    return (
        ConsultationLog.organisations.through.objects.filter(
            consultationlog__held_on__range=(start, end)
        )
        .values("organisation_id", "organisation__name")
        .annotate(
            minutes=Sum("consultationlog__duration_minutes"), sessions=Count("consultationlog_id")
        )
        .order_by("-minutes", "organisation__name")
    )


def quarter_totals(quarter: Quarter) -> dict:
    return consulting_totals(quarter.start, quarter.end)


def pace(*, target_hours: int, done_hours: Decimal, quarter: Quarter, today: date) -> dict:
    """What is left to reach the target, and how many hours a working day that needs."""
    left = max(Decimal(target_hours) - done_hours, Decimal(0))
    days = quarter.working_days_left(today)
    return {
        "left_hours": left,
        "working_days_left": days,
        "hours_per_day": (left / days).quantize(Decimal("0.1")) if days else None,
        "share": share_of_target(done_hours, target_hours),
    }


def grant_review_totals(start: date, end: date) -> dict:
    """Applications reviewed in the period, and of those decided in the period, how many won
    and how much was granted (Zelenogorsk: 38 reviewed, 23 won)."""
    reviewed = GrantReview.objects.filter(reviewed_on__range=(start, end)).aggregate(
        reviewed=Count("id"), requested=Sum("requested_amount", default=0)
    )
    decided = GrantReview.objects.filter(outcome_on__range=(start, end)).aggregate(
        won=Count("id", filter=Q(outcome=GrantReview.Outcome.WON)),
        lost=Count("id", filter=Q(outcome=GrantReview.Outcome.LOST)),
        granted=Sum("granted_amount", filter=Q(outcome=GrantReview.Outcome.WON), default=0),
    )
    return {**reviewed, **decided}


def initiatives_supported(start: date, end: date) -> list[QuerySet]:
    """The records the centre's consultants worked for in the period: a logged consultation,
    a grant application reviewed, an expert council held (keys of records; a record may be
    in several)."""
    return [
        ConsultationLog.objects.filter(held_on__range=(start, end)).values("organisations"),
        GrantReview.objects.filter(reviewed_on__range=(start, end)).values("organisation"),
        ExpertCouncil.objects.filter(held_on__range=(start, end)).values("organisation"),
    ]
