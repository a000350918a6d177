"""Russian full-text search over the registry.

PostgreSQL's `russian` stemmer turns «экология» into `эколог` but «экологическое» into
`экологическ`, so a plain query would miss the word a person means. Each word of the query
is therefore stemmed by the same configuration and matched as a prefix (`эколог:*`).
"""

import re
from collections.abc import Iterator, Sequence
from typing import Any, overload

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, QuerySet

_WORD = re.compile(r"[\w]+", re.UNICODE)


def prefix_query(text: str) -> SearchQuery | None:
    words = _WORD.findall(text)[:10]
    if not words:
        return None
    raw = " & ".join(f"{word}:*" for word in words)
    return SearchQuery(raw, config="russian", search_type="raw")


def search(queryset: QuerySet, text: str) -> QuerySet:
    query = prefix_query(text)
    if query is None:
        return queryset
    return queryset.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query))


def ranked(matches: QuerySet, rows: QuerySet, query: SearchQuery, *, limit: int) -> QuerySet:
    """At most `limit` of the matches, from `rows`, best first: a word found in 26,000 records
    costs what one found in 1,000 does."""
    return (
        rows.filter(pk__in=matches.order_by().values("pk")[:limit])
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "name", "pk")
    )


def ranked_keys(matches: QuerySet, query: SearchQuery, *, limit: int) -> list:
    """The keys of at most `limit` of the matches, best first (as `ranked` orders them), found
    and ranked in one scan: the matches' rank and name are taken by the same bitmap scan that
    finds them, and only those rows are sorted (found: `ranked` joins each match back to the
    table by key; at 10,000 records a ranking went 3.8–5.6 → 2.4–2.8 ms, the same keys).
    Django's ORM does not select from a subquery, so the outer sort is written here."""
    found = (
        matches.order_by()
        .annotate(rank=SearchRank(F("search_vector"), query))
        .values("pk", "rank", "name")[:limit]
    )
    sql, params = found.query.get_compiler(using=found.db).as_sql()
    with connections[found.db].cursor() as cursor:
        # The ORM's SQL, with its values as parameters.
        outer = f'SELECT "pk" FROM ({sql}) AS "matches" ORDER BY "rank" DESC, "name", "pk"'  # noqa: S608
        cursor.execute(outer, params)
        return [key for (key,) in cursor.fetchall()]


class RankedRecords(Sequence):
    """Records in the order of their ranked keys, read from `rows` only for the slice a page
    asks for: the pager counts the keys, the page reads its twenty rows by key."""

    def __init__(self, keys: list, rows: QuerySet) -> None:
        self.keys = keys
        self.rows = rows

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> "RecordsByKey": ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, int):
            return self[index : index + 1 or None][0]
        return RecordsByKey(self.keys[index], self.rows)


class RecordsByKey(Sequence):
    """A page's records in the order of their keys, read from `rows` when first listed; a
    reader that has some of them already reads only the rest from `rows` (the catalogue's
    cached cards: `cards.facts_read`). Its length is the keys' number: a record deleted
    between the ranking and the reading is left out when listed."""

    def __init__(self, keys: list, rows: QuerySet) -> None:
        self.keys = keys
        self.rows = rows
        self._records: list | None = None

    def read(self, keys: list) -> dict:
        """{key: record} of those of `keys` that still exist, in one query."""
        return {record.pk: record for record in self.rows.filter(pk__in=keys)} if keys else {}

    def _listed(self) -> list:
        if self._records is None:
            found = self.read(self.keys)
            self._records = [found[key] for key in self.keys if key in found]
        return self._records

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> list: ...

    def __getitem__(self, index: int | slice) -> Any:
        return self._listed()[index]

    def __iter__(self) -> Iterator:
        return iter(self._listed())
