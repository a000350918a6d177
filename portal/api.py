"""The read API for the city's systems (`/api/`, OpenAPI at `/api/openapi.json`): the published
registry without personal data, events with their programme, the training schedule, the
commitments of meetings and their status, and the figures of the quarterly reports made; and
the staff exports (`/api/staff/…`), with a key its owner made (accounts/api_tokens.py).

django-ninja rather than DRF with drf-spectacular: the API only reads, its schemas are plain
pydantic classes that give the OpenAPI document and validate the query at once, and it adds
one dependency instead of two. Filters are the pages' own (the catalogue's filterset, the
calendar's selector), so the API lists what the pages list. No page of it loads anything from
a third-party host: the interactive documentation, which would fetch Swagger UI from a CDN,
is switched off; the schema itself is served."""

from datetime import date, datetime
from typing import Annotated, Any

from django.db.models import F, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.pagination import PaginationBase, paginate
from ninja.security import HttpBearer
from pydantic import StringConstraints

from accounts import api_tokens
from civiccenter.kernel import access_log
from civiccenter.kernel.links import portal_url
from civiccenter.kernel.quarters import Quarter
from consulting import exports as consulting_exports
from consulting import selectors as consulting_selectors
from consulting.models import ConsultationLog
from events import selectors as event_selectors
from events.models import AgendaItem, Commitment, Event
from initiatives import selectors as registry
from initiatives.models import Organisation
from training import selectors as training_selectors

from .models import QuarterlyReport

api = NinjaAPI(
    title="Civic centre portal: read API",
    version="1",
    description=(
        "Published data of the civic-initiative support centre, without personal data. "
        "Lists are paged (`page`, `page_size` up to 100) and filtered like the portal's pages."
    ),
    docs_url=None,
    urls_namespace="api",
)

# Query text as the pages take it: a line of at most 100 characters, no NUL (PostgreSQL
# refuses one in a string).
Text = Annotated[str, StringConstraints(max_length=100, pattern=r"^[^\x00]*$")]


class Page(PaginationBase):
    """`page` and `page_size`, bounded so that no offset can overflow the database."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1000)
        page_size: int = Field(20, ge=1, le=100)

    class Output(Schema):
        count: int
        items: list[Any]

    def paginate_queryset(
        self, queryset: QuerySet, pagination: Any, request: HttpRequest, **params: Any
    ) -> Any:
        offset = (pagination.page - 1) * pagination.page_size
        return {
            "count": queryset.count() if isinstance(queryset, QuerySet) else len(queryset),
            "items": list(queryset[offset : offset + pagination.page_size]),
        }


def _as_page_query(filters: Schema) -> dict[str, str]:
    """The filters given, as the page's query string would carry them to its selector."""
    return {key: str(value) for key, value in filters.dict().items() if value not in (None, "")}


class ValidationErrors(Schema):
    detail: list[dict[str, Any]]


class NotFound(Schema):
    detail: str


# --- The registry -------------------------------------------------------------------------


class InitiativeOut(Schema):
    name: str
    slug: str
    kind: str
    status: str
    city: str
    district: str | None
    topics: list[str]
    founded_on: date | None
    members_count: int
    short_description: str
    url: str

    @staticmethod
    def resolve_district(record: Organisation) -> str | None:
        return record.district.name if record.district else None

    @staticmethod
    def resolve_topics(record: Organisation) -> list[str]:
        return [topic.name for topic in record.topics.all()]

    @staticmethod
    def resolve_url(record: Organisation) -> str:
        return portal_url("initiatives:profile", record.slug)


class InitiativeFilters(Schema):
    q: Text = ""
    kind: Organisation.Kind | None = None
    status: Organisation.Status | None = None
    topic: int | None = Field(None, ge=1, le=2**31 - 1)
    district: int | None = Field(None, ge=1, le=2**31 - 1)


@api.get(
    "/initiatives/",
    response={200: list[InitiativeOut], 422: ValidationErrors},
    tags=["registry"],
    summary="Published records of the registry",
)
@paginate(Page)
def initiatives(request: HttpRequest, filters: Query[InitiativeFilters]) -> QuerySet:
    _filterset, records = registry.catalogue_page(_as_page_query(filters))
    return records


@api.get(
    "/initiatives/{slug}/",
    response={200: InitiativeOut, 404: NotFound, 422: ValidationErrors},
    tags=["registry"],
    summary="One published record",
)
def initiative(request: HttpRequest, slug: Text) -> Organisation:
    return get_object_or_404(
        registry.published().select_related("district").prefetch_related("topics"), slug=slug
    )


# --- Events -------------------------------------------------------------------------------


class AgendaItemOut(Schema):
    title: str
    starts_at: datetime
    ends_at: datetime
    speakers: str


class EventOut(Schema):
    slug: str
    title: str
    kind: str
    city: str
    venue: str
    time_zone: str
    starts_at: datetime
    ends_at: datetime
    cancelled: bool
    programme: list[AgendaItemOut]
    url: str

    @staticmethod
    def resolve_cancelled(event: Event) -> bool:
        return event.is_cancelled

    @staticmethod
    def resolve_programme(event: Event) -> list[AgendaItem]:
        return list(event.agenda.all())

    @staticmethod
    def resolve_url(event: Event) -> str:
        return portal_url("events:event", event.slug)


class EventFilters(Schema):
    kind: Event.Kind | None = None
    city: Text = ""
    month: str = Field("", pattern=r"^(\d{4}-(0[1-9]|1[0-2]))?$")


@api.get(
    "/events/",
    response={200: list[EventOut], 422: ValidationErrors},
    tags=["events"],
    summary="Published events: upcoming ones, or those of a month (`2026-12`)",
)
@paginate(Page)
def events(request: HttpRequest, filters: Query[EventFilters]) -> QuerySet:
    found, _chosen = event_selectors.calendar(_as_page_query(filters))
    return found.prefetch_related(
        Prefetch("agenda", queryset=AgendaItem.objects.order_by("starts_at", "id"))
    )


# --- Training -----------------------------------------------------------------------------


class SessionDayOut(Schema):
    starts_at: datetime
    ends_at: datetime


class SessionOut(Schema):
    id: int
    programme: str
    place: str
    places: int
    places_left: int
    days: list[SessionDayOut]

    @staticmethod
    def resolve_programme(session: Any) -> str:
        return str(session.programme.title)

    @staticmethod
    def resolve_places(session: Any) -> int:
        return int(session.capacity)

    @staticmethod
    def resolve_places_left(session: Any) -> int:
        return max(int(session.capacity) - int(session.taken), 0)

    @staticmethod
    def resolve_days(session: Any) -> list[Any]:
        return list(session.days.all())


@api.get(
    "/training/sessions/",
    response={200: list[SessionOut], 422: ValidationErrors},
    tags=["training"],
    summary="The training schedule: sessions not yet over",
)
@paginate(Page)
def training_sessions(request: HttpRequest) -> QuerySet:
    return training_selectors.upcoming_sessions()


# --- Commitments --------------------------------------------------------------------------


class CommitmentOut(Schema):
    what: str
    responsible: str
    due_on: date
    done_on: date | None
    status: str = Field(description="`done`, `overdue` or `open`")
    event: str
    event_url: str

    @staticmethod
    def resolve_status(commitment: Commitment) -> str:
        if commitment.done_on is not None:
            return "done"
        return "overdue" if commitment.due_on < timezone.localdate() else "open"

    @staticmethod
    def resolve_event(commitment: Commitment) -> str:
        return commitment.event.title

    @staticmethod
    def resolve_event_url(commitment: Commitment) -> str:
        return portal_url("events:event", commitment.event.slug)


@api.get(
    "/commitments/",
    response={200: list[CommitmentOut], 422: ValidationErrors},
    tags=["events"],
    summary="Commitments made at meetings: open ones first, the most overdue at the top",
)
@paginate(Page)
def commitments(request: HttpRequest) -> QuerySet:
    return Commitment.objects.select_related("event").order_by(
        F("done_on").desc(nulls_first=True), "due_on", "id"
    )


# --- Figures ------------------------------------------------------------------------------


class FigureOut(Schema):
    label: str
    unit: str
    target: str
    quarter: str
    previous: str
    year_to_date: str


class QuarterFiguresOut(Schema):
    year: int
    quarter: int
    made_at: datetime | None
    figures: list[FigureOut]

    @staticmethod
    def resolve_made_at(report: QuarterlyReport) -> datetime | None:
        return report.finished_at


@api.get(
    "/figures/quarters/",
    response={200: list[QuarterFiguresOut], 422: ValidationErrors},
    tags=["figures"],
    summary="The figures of every quarterly report made, as the reports print them",
)
@paginate(Page)
def quarter_figures(request: HttpRequest) -> QuerySet:
    return QuarterlyReport.objects.filter(state=QuarterlyReport.State.DONE).order_by(
        "-year", "-quarter"
    )


# --- Staff exports, with a key ------------------------------------------------------------


class StaffKey(HttpBearer):
    """`Authorization: Bearer <key>` with a key its owner made on the «API keys» page; the
    request then acts as the owner, with their permissions, and is recorded as theirs."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_tokens.user_for(token)
        if user is not None:
            request.user = user
        return user


class Detail(Schema):
    detail: str


class ConsultationOut(Schema):
    date: date
    hours: float
    topic: str
    form: str
    consultants: str
    initiatives: str
    people: int
    summary: str
    follow_up: str


class ConsultationsOut(Schema):
    quarter: str
    count: int
    items: list[ConsultationOut]


class ConsultationFilters(Schema):
    quarter: str | None = Field(None, pattern=r"^20[0-9]{2}-Q[1-4]$")
    page: int = Field(1, ge=1, le=1000)
    page_size: int = Field(100, ge=1, le=500)


@api.get(
    "/staff/consultations/",
    auth=StaffKey(),
    response={200: ConsultationsOut, 401: Detail, 403: Detail, 422: ValidationErrors},
    tags=["staff exports"],
    summary="The quarter's consultation log, as its CSV export (a key with the log's permission)",
)
def staff_consultations(request: HttpRequest, filters: Query[ConsultationFilters]) -> Status:
    if not request.user.has_perm("consulting.view_consultationlog"):
        return Status(403, {"detail": "This key's owner may not see the consultation log."})
    quarter = Quarter.parse(filters.quarter) if filters.quarter else Quarter.current()
    queryset = consulting_selectors.logs(
        ConsultationLog.objects.filter(held_on__range=(quarter.start, quarter.end))
    ).order_by("held_on", "id")
    offset = (filters.page - 1) * filters.page_size
    items = list(consulting_exports.rows(queryset[offset : offset + filters.page_size]))
    access_log.record_export(request, rows=len(items))
    return Status(200, {"quarter": str(quarter), "count": queryset.count(), "items": items})


def not_found(request: HttpRequest, error: Http404 | type[Http404]) -> HttpResponse:
    return api.create_response(request, {"detail": "Not found."}, status=404)


api.add_exception_handler(Http404, not_found)
