"""Reads of the registry that pages, exports and reports share."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from accounts.models import User

from . import caching
from .filters import CatalogueFilter
from .models import (
    District,
    Grant,
    HeadcountRecord,
    Membership,
    Organisation,
    OrganisationLink,
    Partnership,
    Relation,
    StatusChange,
    Topic,
)

# The versioned cache namespace of figures and pages made from the registry (bumped by
# `initiatives/receivers.py`), defined with the cached filter options.
REGISTRY_CACHE = caching.REGISTRY_CACHE


def published() -> QuerySet:
    return Organisation.objects.filter(moderation=Organisation.Moderation.PUBLISHED)


def team_member_pks(
    *, topic: Topic | None = None, district: District | None = None, kind: str = ""
) -> QuerySet:
    """The people in the teams of published records of this topic, district and kind (each
    optional), as a subquery of user ids: a newsletter's segment."""
    records = published()
    if topic is not None:
        records = records.filter(topics=topic)
    if district is not None:
        records = records.filter(district=district)
    if kind:
        records = records.filter(kind=kind)
    return Membership.objects.filter(organisation__in=records.values("pk")).values("user")


def _catalogue_filter(params: Mapping[str, Any], queryset: QuerySet | None) -> CatalogueFilter:
    return CatalogueFilter(
        params,
        queryset=(queryset if queryset is not None else published())
        .select_related("district")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("position", "name"))),
    )


def catalogue(
    params: Mapping[str, Any], queryset: QuerySet | None = None
) -> tuple[CatalogueFilter, QuerySet]:
    """The filtered, searched and sorted catalogue, with what a list row shows."""
    filterset = _catalogue_filter(params, queryset)
    return filterset, filterset.ordered()


def catalogue_page(params: Mapping[str, Any]) -> tuple[CatalogueFilter, Any]:
    """The catalogue as a page lists it: a search's matches ranked once, the page's rows read
    by key (`CatalogueFilter.page_rows`); exports take `catalogue`'s queryset."""
    filterset = _catalogue_filter(params, None)
    return filterset, filterset.page_rows()


def moderation_queue() -> QuerySet:
    return (
        Organisation.objects.filter(moderation=Organisation.Moderation.PENDING)
        .select_related("created_by", "district")
        .prefetch_related("topics")
        .order_by("submitted_at", "id")
    )


def organisations_of(user: User) -> QuerySet:
    """The initiatives a person may act for (book, enrol, register, submit a report): those
    whose team they are in."""
    return Organisation.objects.filter(memberships__user=user).order_by("name")


def drafts_of(user: User) -> QuerySet:
    return (
        Organisation.objects.filter(memberships__user=user)
        .annotate(team_size=Count("memberships"))
        .order_by("-updated_at")
    )


def profile(slug: str) -> Organisation:
    return (
        Organisation.objects.select_related("district")
        .prefetch_related(
            "topics",
            Prefetch("links", queryset=OrganisationLink.objects.order_by("network", "url")),
            Prefetch("headcounts", queryset=HeadcountRecord.objects.order_by("recorded_on")),
            "memberships__user",
        )
        .get(slug=slug)
    )


def timeline(organisation: Organisation) -> list[dict]:
    """The record's history as one dated list: status steps, relations both ways, grants
    and partnerships. Five queries whatever its length."""
    items = [
        {"date": change.changed_at.date(), "kind": "status", "item": change}
        for change in StatusChange.objects.filter(organisation=organisation)
    ]
    items += [
        {"date": relation.occurred_on, "kind": "relation", "item": relation}
        for relation in Relation.objects.filter(organisation=organisation).select_related("other")
    ]
    items += [
        {"date": relation.occurred_on, "kind": "inverse_relation", "item": relation}
        for relation in Relation.objects.filter(other=organisation).select_related("organisation")
    ]
    items += [
        {"date": grant.awarded_on or _year_start(grant.year), "kind": "grant", "item": grant}
        for grant in Grant.objects.filter(organisation=organisation)
    ]
    items += [
        {"date": partnership.signed_on, "kind": "partnership", "item": partnership}
        for partnership in Partnership.objects.filter(organisation=organisation)
    ]
    return sorted(items, key=lambda entry: entry["date"], reverse=True)


def _year_start(year: int) -> date:
    return date(year, 1, 1)
