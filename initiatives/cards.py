"""The catalogue's result cards, each kept as HTML in the versioned cache until the registry
changes (found: writing twenty cards was a fifth of a searched catalogue view, and reading
their rows and topics two of its three queries; the same records come up in many searches).

A card is cached per record and language with the registry's version, which any change of a
record, a topic or a district bumps after its commit (read with the cards in one round trip).
A page of ranked keys (`search.RecordsByKey`) reads from PostgreSQL only the records whose
cards are not cached; a page of rows (a sort, no search) has them already and writes only
the missing cards.

    cards.for_page(page.object_list)  # [SafeString, …] in the page's order
"""

from collections.abc import Callable, Sequence

from django.contrib.humanize.templatetags.humanize import intcomma
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, ngettext

from civiccenter.kernel import versioned_cache

from .caching import REGISTRY_CACHE
from .search import RecordsByKey

TIMEOUT = 3600


def card(organisation) -> SafeString:
    """A record as the catalogue lists it: logo or initial, name, kind, status, place,
    members, description and topics (the record read with its district and topics)."""
    if organisation.logo:
        logo = format_html(
            '<img class="logo" src="{}" alt="" width="56" height="56" loading="lazy">',
            organisation.logo.url,
        )
    else:
        logo = format_html(
            '<span class="logo logo-placeholder" aria-hidden="true">{}</span>',
            organisation.name[:1].upper(),
        )
    place = organisation.city
    if organisation.district:
        place = f"{place}, {organisation.district.name}" if place else organisation.district.name
    facts = [organisation.get_kind_display(), organisation.get_status_display()]
    if place:
        facts.append(place)
    members = ngettext("%(members)s member", "%(members)s members", organisation.members_count) % {
        "members": intcomma(organisation.members_count)
    }
    facts.append(members)
    description = (
        format_html("<p>{}</p>", organisation.short_description)
        if organisation.short_description
        else ""
    )
    topics = list(organisation.topics.all())
    tags = (
        format_html(
            '<p class="tags">{}</p>',
            format_html_join("", '<span class="tag">{}</span>', ((t.label,) for t in topics)),
        )
        if topics
        else ""
    )
    return format_html(
        '<li class="result">{}<div><h3><a href="{}">{}</a></h3><p class="muted">{}</p>{}{}</div>'
        "</li>",
        logo,
        reverse("initiatives:profile", args=[organisation.slug]),
        organisation.name,
        " · ".join(facts),
        description,
        tags,
    )


def for_page(records: Sequence) -> list[SafeString]:
    """The cards of a page's records, in its order: from the cache where they are, written
    (and cached) for the rest."""
    read: Callable[[list], dict]
    if isinstance(records, RecordsByKey):
        keys, read = list(records.keys), records.read
    else:
        rows = {record.pk: record for record in records}
        keys, read = list(rows), lambda _missing: rows
    language = get_language()

    def written(missing: list) -> dict:
        found = read(missing)
        return {key: card(found[key]) for key in missing if key in found}

    found = versioned_cache.cached_each(
        {key: (REGISTRY_CACHE, f"card:{language}:{key}") for key in keys}, written, timeout=TIMEOUT
    )
    return [SafeString(found[key]) for key in keys if key in found]
