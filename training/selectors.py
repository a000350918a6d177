from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import User

from .models import Enrolment, Programme, Session, SessionDay, Trainer

# The versioned cache namespace of the public pages made from the training schedule (the
# home page lists the programmes): bumped when a programme, a session, its days or a
# trainer is saved or deleted.
TRAINING_CACHE = "training"


def trainee_pks(programme: Programme) -> QuerySet:
    """The people enrolled in any session of the programme, as a subquery of user ids: a
    newsletter's segment."""
    return Enrolment.objects.filter(
        session__programme=programme, status=Enrolment.Status.ENROLLED
    ).values("user")


def sessions_with_places(queryset: QuerySet | None = None) -> QuerySet:
    return (
        (queryset if queryset is not None else Session.objects.all())
        .select_related("programme")
        .annotate(
            taken=Count(
                "enrolments", filter=Q(enrolments__status=Enrolment.Status.ENROLLED), distinct=True
            ),
            first_day=Min("days__starts_at"),
        )
        .prefetch_related(
            Prefetch("days", queryset=SessionDay.objects.order_by("starts_at")),
            Prefetch("trainers", queryset=Trainer.objects.select_related("user")),
        )
    )


def upcoming_sessions() -> QuerySet:
    return sessions_with_places(
        Session.objects.filter(is_cancelled=False, days__ends_at__gte=timezone.now()).distinct()
    ).order_by("first_day")


def programmes() -> QuerySet:
    return Programme.objects.prefetch_related(
        Prefetch("trainers", queryset=Trainer.objects.select_related("user"))
    )


def enrolments_of(user: User) -> QuerySet:
    return (
        Enrolment.objects.filter(user=user)
        .select_related("session__programme", "organisation", "certificate")
        .annotate(first_day=Min("session__days__starts_at"), last_day=Max("session__days__ends_at"))
        .order_by("-first_day")
    )
