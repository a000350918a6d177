"""Reads for the home page: a fixed number of queries, whatever the registry's size."""

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from consulting.models import ConsultingTopic
from events.models import Event
from initiatives.models import Organisation
from initiatives.selectors import published
from training.models import Programme


def registry_summary() -> dict:
    """Counts for the home page, in one aggregate query."""
    return published().aggregate(
        total=Count("id"),
        active=Count("id", filter=Q(status=Organisation.Status.ACTIVE)),
        communities=Count("id", filter=Q(kind=Organisation.Kind.COMMUNITY)),
        ngos=Count("id", filter=Q(kind=Organisation.Kind.NGO)),
        members=Sum("members_count", default=0),
    )


def upcoming_events(limit: int = 5) -> QuerySet[Event]:
    return Event.objects.filter(is_published=True, ends_at__gte=timezone.now()).order_by(
        "starts_at"
    )[:limit]


def largest_communities(limit: int = 6) -> QuerySet[Organisation]:
    return (
        published()
        .filter(status=Organisation.Status.ACTIVE)
        .order_by("-members_count", "name")
        .prefetch_related("links")[:limit]
    )


def consulting_topics() -> QuerySet[ConsultingTopic]:
    return ConsultingTopic.objects.all()


def training_programmes() -> QuerySet[Programme]:
    return Programme.objects.all()
