"""The quarter's consultation log as a table (for CSV and XLSX). Private notes stay out."""

from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from civiccenter.kernel import tables

COLUMNS = [
    "date",
    "hours",
    "topic",
    "form",
    "consultants",
    "initiatives",
    "people",
    "summary",
    "follow_up",
]


def rows(queryset: QuerySet) -> Iterator[dict]:
    for log in queryset.iterator(chunk_size=1000):
        yield {
            "date": log.held_on.isoformat(),
            "hours": log.duration_minutes / 60,
            "topic": log.topic.name,
            "form": log.get_channel_display(),
            "consultants": "; ".join(str(c) for c in log.consultants.all()),
            "initiatives": "; ".join(o.name for o in log.organisations.all()),
            "people": log.people_count,
            "summary": log.summary,
            "follow_up": log.follow_up,
        }


def csv_lines(records: Iterable[dict]) -> Iterator[str]:
    return tables.csv_lines(records, COLUMNS)


def xlsx_bytes(records: Iterable[dict], *, title: str) -> bytes:
    return tables.xlsx_bytes(records, COLUMNS, title=title)
