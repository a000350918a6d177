"""The catalogue's result cards, each kept as HTML in the versioned cache until the registry
changes (found: writing twenty cards was a fifth of a searched catalogue view, and reading
their rows and topics two of its three queries; the same records come up in many searches).

A card is cached per record and language with the registry's version, which any change of a
record, a topic or a district bumps after its commit (read with the cards in one round trip).
A page of ranked keys (`search.RecordsByKey`) reads from PostgreSQL only the facts a card
shows of the records whose cards are not cached, in one query (`facts_read`); a page of rows
(a sort, no search) has them already and writes only the missing cards.

A card is written with the standard library's `html.escape` (what Django's `escape` calls)
rather than through `format_html` and the models' display methods: found, a page of twenty
cold cards cost 7 ms to write and 10 ms to read as full model instances with their districts
and prefetched topics, most of a new search's time on a freshly started server.

    cards.for_page(page.object_list)  # [SafeString, …] in the page's order
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape

from django.contrib.humanize.templatetags.humanize import intcomma
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.safestring import SafeString
from django.utils.translation import get_language, ngettext

from civiccenter.kernel import versioned_cache

from .caching import REGISTRY_CACHE
from .models import Organisation, Topic
from .search import RecordsByKey

TIMEOUT = 3600
# A slug is letters, digits, hyphens and underscores (`SlugField(allow_unicode=True)`): put
# into the profiles' address reversed once for this placeholder, and quoted as `reverse` does.
_SLUG = "__slug__"
_CARD_FIELDS = (
    "pk",
    "name",
    "slug",
    "logo",
    "kind",
    "status",
    "city",
    "members_count",
    "short_description",
)


@dataclass(frozen=True, slots=True)
class CardFacts:
    """What a card shows of a record: its own columns, its district's name and its topics'
    labels in the visitor's language (in the topics' order)."""

    pk: int
    name: str
    slug: str
    logo: str
    kind: str
    status: str
    city: str
    members_count: int
    short_description: str
    district: str
    topics: Sequence[str]


def facts_of(organisation: Organisation) -> CardFacts:
    """The facts of a record read with its district and topics."""
    return CardFacts(
        **{field: getattr(organisation, field) for field in _CARD_FIELDS if field != "logo"},
        logo=organisation.logo.name or "",
        district=organisation.district.name if organisation.district else "",
        topics=tuple(topic.label for topic in organisation.topics.all()),
    )


def facts_read(rows: QuerySet, keys: Iterable[int]) -> dict[int, CardFacts]:
    """{key: facts} of those of `keys` still among `rows`, in one query: the record's columns,
    its district's name by join and its topics' labels as an array."""
    label = Coalesce(NullIf("name_en", Value("")), "name") if get_language() == "en" else F("name")
    topics = (
        Topic.objects.filter(organisation=OuterRef("pk"))
        .order_by("position", "name")
        .values_list(label)
    )
    found = (
        rows.filter(pk__in=list(keys))
        .select_related(None)
        .prefetch_related(None)
        .order_by()
        .values_list(*_CARD_FIELDS, Coalesce("district__name", Value("")), ArraySubquery(topics))
    )
    return {row[0]: CardFacts(*row) for row in found}


@dataclass(frozen=True)
class CardWriter:
    """Writes cards in the active language; made once for a page's missing cards (the kinds'
    and statuses' names, the logos' storage and the profiles' address are the same for all)."""

    kinds: dict[str, str]
    statuses: dict[str, str]
    logo_url: Callable[[str], str]
    profile_url: str  # with «__slug__» where a record's slug goes

    @classmethod
    def active(cls) -> "CardWriter":
        return cls(
            kinds={value: str(label) for value, label in Organisation.Kind.choices},
            statuses={value: str(label) for value, label in Organisation.Status.choices},
            logo_url=Organisation._meta.get_field("logo").storage.url,
            profile_url=reverse("initiatives:profile", args=[_SLUG]),
        )

    def card(self, facts: CardFacts) -> SafeString:
        """A record as the catalogue lists it: logo or initial, name, kind, status, place,
        members, description and topics."""
        if facts.logo:
            logo = (
                f'<img class="logo" src="{escape(self.logo_url(facts.logo))}" alt="" '
                'width="56" height="56" loading="lazy">'
            )
        else:
            logo = (
                '<span class="logo logo-placeholder" aria-hidden="true">'
                f"{escape(facts.name[:1].upper())}</span>"
            )
        place = facts.city
        if facts.district:
            place = f"{place}, {facts.district}" if place else facts.district
        shown = [
            self.kinds.get(facts.kind, facts.kind),
            self.statuses.get(facts.status, facts.status),
        ]
        if place:
            shown.append(place)
        shown.append(
            ngettext("%(members)s member", "%(members)s members", facts.members_count)
            % {"members": intcomma(facts.members_count)}
        )
        description = f"<p>{escape(facts.short_description)}</p>" if facts.short_description else ""
        tags = "".join(f'<span class="tag">{escape(label)}</span>' for label in facts.topics)
        tags = f'<p class="tags">{tags}</p>' if tags else ""
        address = iri_to_uri(self.profile_url.replace(_SLUG, facts.slug))
        return SafeString(
            f'<li class="result">{logo}<div><h3><a href="{escape(address)}">'
            f'{escape(facts.name)}</a></h3><p class="muted">{escape(" · ".join(shown))}</p>'
            f"{description}{tags}</div></li>"
        )


def for_page(records: Sequence) -> list[SafeString]:
    """The cards of a page's records, in its order: from the cache where they are, written
    (and cached) for the rest."""
    read: Callable[[list], dict[int, CardFacts]]
    if isinstance(records, RecordsByKey):
        keys, rows = list(records.keys), records.rows
        read = lambda missing: facts_read(rows, missing)  # noqa: E731
    else:
        loaded = {record.pk: record for record in records}
        keys = list(loaded)
        read = lambda missing: {key: facts_of(loaded[key]) for key in missing}  # noqa: E731
    language = get_language()

    def written(missing: list) -> dict:
        found = read(missing)
        writer = CardWriter.active()
        return {key: writer.card(found[key]) for key in missing if key in found}

    found = versioned_cache.cached_each(
        {key: (REGISTRY_CACHE, f"card:{language}:{key}") for key in keys}, written, timeout=TIMEOUT
    )
    return [SafeString(found[key]) for key in keys if key in found]
