"""What the registry keeps in the versioned cache: the namespace its receivers bump on any
change of a record, a topic or a district, and the catalogue's filter options (two queries
and a few dozen rows on every view of the catalogue otherwise)."""

from django.utils.translation import get_language

from civiccenter.kernel import versioned_cache

from .models import District, Topic

REGISTRY_CACHE = "registry"


def topic_choices() -> list[tuple[int, str]]:
    """The topics in the catalogue's filter, named in the visitor's language."""
    return versioned_cache.cached(
        REGISTRY_CACHE,
        f"topic-choices:{get_language()}",
        lambda: [(topic.pk, str(topic)) for topic in Topic.objects.all()],
    )


def district_choices() -> list[tuple[int, str]]:
    return versioned_cache.cached(
        REGISTRY_CACHE,
        "district-choices",
        lambda: [(district.pk, str(district)) for district in District.objects.all()],
    )
