"""Russian full-text search over the registry.

PostgreSQL's `russian` stemmer turns «экология» into `эколог` but «экологическое» into
`экологическ`, so a plain query would miss the word a person means. Each word of the query
is therefore stemmed by the same configuration and matched as a prefix (`эколог:*`).
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
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
