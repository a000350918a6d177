"""Tables of published records for open data and staff exports: never personal data."""

from collections.abc import Iterable, Iterator

from django.db.models import Prefetch, QuerySet

from civiccenter.kernel import tables
from civiccenter.kernel.links import portal_url

from .models import Organisation, OrganisationLink, Topic

COLUMNS = [
    "name",
    "kind",
    "status",
    "city",
    "district",
    "topics",
    "founded_on",
    "members_count",
    "volunteers_count",
    "website",
    "links",
    "inn",
    "ogrn",
    "registered_on",
    "published_at",
    "url",
]


def export_queryset(queryset: QuerySet) -> QuerySet:
    return (
        queryset.select_related("district")
        .prefetch_related(None)
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("position", "name")),
            Prefetch("links", queryset=OrganisationLink.objects.order_by("url")),
        )
    )


def rows(queryset: QuerySet) -> Iterator[dict]:
    """One dictionary a record; contacts and team are left out on purpose (152-FZ)."""
    for organisation in export_queryset(queryset).iterator(chunk_size=500):
        yield {
            "name": organisation.name,
            "kind": organisation.kind,
            "status": organisation.status,
            "city": organisation.city,
            "district": organisation.district.name if organisation.district else "",
            "topics": "; ".join(topic.name for topic in organisation.topics.all()),
            "founded_on": organisation.founded_on.isoformat() if organisation.founded_on else "",
            "members_count": organisation.members_count,
            "volunteers_count": organisation.volunteers_count,
            "website": organisation.website,
            "links": " ".join(link.url for link in organisation.links.all()),
            "inn": organisation.inn if organisation.kind == Organisation.Kind.NGO else "",
            "ogrn": organisation.ogrn if organisation.kind == Organisation.Kind.NGO else "",
            "registered_on": organisation.registered_on.isoformat()
            if organisation.registered_on
            else "",
            "published_at": organisation.published_at.isoformat()
            if organisation.published_at
            else "",
            "url": portal_url("initiatives:profile", organisation.slug),
        }


def csv_lines(records: Iterable[dict]) -> Iterator[str]:
    return tables.csv_lines(records, COLUMNS)


def xlsx_bytes(records: Iterable[dict], *, title: str) -> bytes:
    return tables.xlsx_bytes(records, COLUMNS, title=title)
