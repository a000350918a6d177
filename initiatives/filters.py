import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from civiccenter.kernel.pagination import CappedPaginator

from .caching import district_choices, topic_choices
from .models import Grant, Organisation
from .search import RankedRecords, prefix_query, ranked, ranked_keys, search

SORTS = {
    "name": ("name",),
    "newest": ("-published_at", "name"),
    "members": ("-members_count", "name"),
}


class CatalogueFilter(django_filters.FilterSet):
    """The public catalogue's filters: kind, topic, district, status, grants, founding year,
    full-text search and sorting."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Organisation.Kind.choices, empty_label=_("All")
    )
    # Options from the versioned cache (initiatives/caching.py), not two queries per view.
    topic = django_filters.ChoiceFilter(
        label=_("Topic"), method="filter_topic", choices=topic_choices, empty_label=_("All")
    )
    district = django_filters.ChoiceFilter(
        label=_("District"), field_name="district", choices=district_choices, empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Organisation.Status.choices, empty_label=_("All")
    )
    has_grants = django_filters.BooleanFilter(
        label=_("Has grants"),
        method="filter_has_grants",
        widget=forms.Select(choices=[("", _("Any")), ("true", _("Yes")), ("false", _("No"))]),
    )
    founded_year = django_filters.NumberFilter(
        label=_("Founded in"), field_name="founded_on", lookup_expr="year"
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        method="filter_sort",
        choices=[("name", _("Name")), ("newest", _("Newest")), ("members", _("Members"))],
        empty_label=_("Relevance or name"),
    )

    class Meta:
        model = Organisation
        fields: list[str] = []

    def filter_search(self, queryset, name, value):
        return search(queryset, value)

    def filter_topic(self, queryset, name, value):
        """By `topic_ids`, which a GIN index answers together with the search's."""
        return queryset.filter(topic_ids__contains=[int(value)]) if value else queryset

    def filter_has_grants(self, queryset, name, value):
        if value is None:
            return queryset
        has = Exists(Grant.objects.filter(organisation=OuterRef("pk")))
        return queryset.filter(has) if value else queryset.exclude(has)

    def filter_sort(self, queryset, name, value):
        return queryset  # applied in `ordered`, after the search has ranked the rows

    def _sort(self) -> str | None:
        return self.form.cleaned_data.get("sort") if self.form.is_valid() else None

    def _ranked_search(self) -> SearchQuery | None:
        """The search whose matches are listed by rank: a query, and no other order asked."""
        if not self.form.is_valid() or self._sort() in SORTS:
            return None
        query = prefix_query(self.form.cleaned_data.get("q") or "")
        return query if query is not None and "rank" in self.qs.query.annotations else None

    def page_rows(self) -> "QuerySet | RankedRecords":
        """What a page of the catalogue lists: `ordered`, but a search's matches as their
        ranked keys (one search for the pager's count and the page, not one each; found at
        100,000 records: 23 → 14 ms of queries a searched view)."""
        query = self._ranked_search()
        if query is None:
            return self.ordered()
        keys = ranked_keys(self.qs, query, limit=CappedPaginator.cap + 1)
        return RankedRecords(keys, self.queryset)

    def ordered(self) -> QuerySet:
        sort = self._sort()
        if sort in SORTS:
            return self.qs.order_by(*SORTS[sort])
        query = self._ranked_search()
        if query is not None:
            # Rank at most as many matches as the pages reach (the count stops there too).
            return ranked(self.qs, self.queryset, query, limit=CappedPaginator.cap)
        return self.qs.order_by("name")
