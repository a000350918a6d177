"""Practice passports: the editor's tables, versions, publication and the PDF."""

import re
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation

from celery import shared_task
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from civiccenter.kernel.jobs import BackgroundJob, JobState, enqueue, enqueue_after_commit
from civiccenter.kernel.mail import send_templated
from civiccenter.kernel.pdf import render_pdf
from civiccenter.kernel.safe_links import validate_public_url
from events.models import Event
from events.totals import event_figures
from initiatives.models import Membership, Organisation
from initiatives.services.team import membership_require
from training.models import Attendance, Programme

from .. import passport_sections
from ..models import PassportVersion, PracticePassport
from ..passport_tables import TABLES

PASSPORT_PDF_JOB = JobState(
    PracticePassport,
    state="pdf_state",
    queued_at="pdf_requested_at",
    started_at="pdf_started_at",
    queued=PracticePassport.PdfState.PENDING,
    running=PracticePassport.PdfState.RUNNING,
    failed=PracticePassport.PdfState.FAILED,
    error="pdf_error",
    finished_at=None,
)

FIELDS = [
    "organisation",
    "title",
    "territory",
    "donor_practice",
    "preconditions",
    "period",
    "indicators_before",
    "goals",
    "taking_part",
    "reached",
    "business_model",
    "description",
    "indicators_after",
    "team_leader",
    "event",
    "series",
    "programme",
]
_CELL = re.compile(r"^t-(?P<table>[a-z_]+)-(?P<row>\d+)-(?P<column>[a-z_]+)$")


# More than any practice of a city could cost: a typo, or «1e99».
AMOUNT_LIMIT = Decimal(10) ** 12


def parse_amount(text: str) -> Decimal:
    """«365 000», «10000», «1 500,50 руб.» → Decimal. Not a number (including «NaN» and
    «Infinity», which Decimal reads), negative or beyond AMOUNT_LIMIT: ValueError."""
    cleaned = re.sub(r"[\s\u00a0]|руб\.?|₽", "", text).replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if not value.is_finite() or value < 0 or value >= AMOUNT_LIMIT:
        raise ValueError(text)
    return value


def parse_tables(data: Mapping[str, str]) -> tuple[dict, dict]:
    """Reads the editor's table cells (`t-<table>-<row>-<column>`). Returns the tables as typed
    (empty rows dropped) and the errors by table, in Russian; nothing typed is lost."""
    raw: dict[str, dict[int, dict[str, str]]] = {}
    for key, value in data.items():
        match = _CELL.match(key)
        if match and match["table"] in TABLES:
            raw.setdefault(match["table"], {}).setdefault(int(match["row"]), {})[
                match["column"]
            ] = value.strip()
    tables: dict[str, list[dict[str, str]]] = {}
    errors: dict[str, list[str]] = {}
    for name, rows in raw.items():
        columns = TABLES[name][1]
        kept: list[dict[str, str]] = []
        for number in sorted(rows):
            row = {key: rows[number].get(key, "") for key, _label, _kind in columns}
            if not any(row.values()):
                continue
            for key, _label, kind in columns:
                if kind == "number" and row[key]:
                    try:
                        parse_amount(row[key])
                    except ValueError:
                        errors.setdefault(name, []).append(
                            _("Row %(row)s: «%(value)s» is not a number.")
                            % {"row": len(kept) + 1, "value": row[key]}
                        )
                if kind == "url" and row[key]:
                    try:
                        validate_public_url(row[key])
                    except ValidationError:
                        errors.setdefault(name, []).append(
                            _("Row %(row)s: «%(value)s» is not a link to a public web site.")
                            % {"row": len(kept) + 1, "value": row[key]}
                        )
            if name == "costs" and not row["source"]:
                errors.setdefault(name, []).append(
                    _("Row %(row)s: name the funding source.") % {"row": len(kept) + 1}
                )
            kept.append(row)
        tables[name] = kept
    return tables, errors


def costs_total(tables: dict) -> Decimal:
    return sum(
        (parse_amount(row["amount"]) for row in tables.get("costs", []) if row.get("amount")),
        Decimal(0),
    )


def _snapshot(passport: PracticePassport) -> dict:
    data = {
        name: getattr(passport, name)
        for name in FIELDS
        if name not in ("organisation", "event", "series", "programme")
    }
    data.update(
        organisation=passport.organisation_id,
        event=passport.event_id,
        series=passport.series_id,
        programme=passport.programme_id,
        tables=passport.tables,
    )
    return data


def is_moderator(user: User) -> bool:
    """Coordinators approve passports (and publish their own at once)."""
    return user.has_perm("portal.change_practicepassport")


def may_edit(user: User, passport: PracticePassport) -> bool:
    """The author, the team of the passport's initiative, and the moderators."""
    if not user.is_authenticated:
        return False
    return (
        passport.author_id == user.pk
        or is_moderator(user)
        or (
            passport.organisation_id is not None
            and Membership.objects.filter(organisation=passport.organisation_id, user=user).exists()
        )
    )


def _require_initiative(user: User, organisation: Organisation | None) -> None:
    """An activist describes the practice of an initiative of theirs; the centre's staff may
    describe the centre's own practices."""
    if organisation is None:
        if not user.has_perm("portal.add_practicepassport"):
            raise ValidationError(
                _("Choose the initiative whose practice this passport describes."),
                code="no_initiative",
            )
        return
    if not is_moderator(user):
        membership_require(organisation=organisation, user=user)


@transaction.atomic
def passport_save(
    *, author: User, fields: dict, tables: dict, passport: PracticePassport | None = None
) -> PracticePassport:
    """Creates or changes a passport; every save is kept as a numbered version. A published
    passport changed by someone who is no moderator goes back for approval."""
    if "organisation" in fields or passport is None:
        _require_initiative(author, fields.get("organisation"))
    if passport is None:
        passport = PracticePassport(author=author, version=0)
        before: dict = {}
    else:
        passport = PracticePassport.objects.select_for_update().get(pk=passport.pk)
        before = audit.snapshot(passport, FIELDS)
    for name in FIELDS:
        if name in fields:
            setattr(passport, name, fields[name])
    tables_changed = passport.tables != tables
    passport.tables = tables
    passport.version += 1
    if passport.status == PracticePassport.Status.PUBLISHED and not is_moderator(author):
        passport.status = PracticePassport.Status.PENDING
    passport.full_clean()
    passport.save()
    PassportVersion.objects.create(
        passport=passport, number=passport.version, snapshot=_snapshot(passport), author=author
    )
    changes = audit.diff(before, audit.snapshot(passport, FIELDS))
    if tables_changed:
        changes["tables"] = [None, _("version %(number)s") % {"number": passport.version}]
    audit.record(passport, actor=author, action="edited" if before else "created", changes=changes)
    return passport


def _publish(passport: PracticePassport, moderator: User, action: str) -> PracticePassport:
    if not passport.title.strip():
        raise ValidationError(_("A passport needs a name before it is published."))
    passport.status = PracticePassport.Status.PUBLISHED
    passport.returned_reason = ""
    passport.approved_by, passport.approved_at = moderator, timezone.now()
    passport.save(
        update_fields=["status", "returned_reason", "approved_by", "approved_at", "updated_at"]
    )
    audit.record(passport, actor=moderator, action=action)
    return passport


@transaction.atomic
def passport_publish(*, passport: PracticePassport, user: User) -> PracticePassport:
    """A moderator publishes a passport at once (their own, or one they have read)."""
    if not is_moderator(user):
        raise ValidationError(
            _("A passport is published once a coordinator of the centre approves it."),
            code="not_moderator",
        )
    passport = PracticePassport.objects.select_for_update().get(pk=passport.pk)
    return _publish(passport, user, "published")


@transaction.atomic
def passport_submit(*, passport: PracticePassport, user: User) -> PracticePassport:
    """The author or the team sends a draft (or a returned passport) for approval."""
    passport = PracticePassport.objects.select_for_update().get(pk=passport.pk)
    if passport.status not in (PracticePassport.Status.DRAFT, PracticePassport.Status.RETURNED):
        raise ValidationError(_("This passport has already been sent."), code="not_draft")
    if not passport.title.strip():
        raise ValidationError(_("A passport needs a name before it is published."))
    passport.status = PracticePassport.Status.PENDING
    passport.save(update_fields=["status", "updated_at"])
    audit.record(passport, actor=user, action="submitted")
    return passport


@transaction.atomic
def passport_approve(*, passport: PracticePassport, moderator: User) -> PracticePassport:
    passport = PracticePassport.objects.select_for_update().get(pk=passport.pk)
    if not is_moderator(moderator):
        raise ValidationError(_("Only a coordinator approves passports."), code="not_moderator")
    if passport.status != PracticePassport.Status.PENDING:
        raise ValidationError(
            _("Only a passport awaiting approval can be approved."), code="not_pending"
        )
    _publish(passport, moderator, "approved")
    _tell_author(passport, "approved")
    return passport


@transaction.atomic
def passport_return(
    *, passport: PracticePassport, moderator: User, reason: str
) -> PracticePassport:
    """Sends a passport back to its author with what should be changed."""
    if not reason.strip():
        raise ValidationError(_("Say what should be changed."), code="no_reason")
    passport = PracticePassport.objects.select_for_update().get(pk=passport.pk)
    if not is_moderator(moderator):
        raise ValidationError(_("Only a coordinator approves passports."), code="not_moderator")
    if passport.status != PracticePassport.Status.PENDING:
        raise ValidationError(
            _("Only a passport awaiting approval can be returned."), code="not_pending"
        )
    passport.status, passport.returned_reason = PracticePassport.Status.RETURNED, reason.strip()
    passport.save(update_fields=["status", "returned_reason", "updated_at"])
    audit.record(passport, actor=moderator, action="returned", changes={"reason": [None, reason]})
    _tell_author(passport, "returned")
    return passport


def _tell_author(passport: PracticePassport, template: str) -> None:
    send_templated(
        f"passports/email/{template}", to=[passport.author.email], context={"passport": passport}
    )


def figures_for(passport: PracticePassport) -> list[dict]:
    """Rows for the results table from what the linked event, series or programme recorded."""
    rows: list[tuple] = []
    if passport.event is not None:
        rows += _event_rows([passport.event])
    if passport.series is not None:
        rows += _event_rows(list(passport.series.events.all()), prefix=_("Series: "))
    if passport.programme is not None:
        rows += _programme_rows(passport.programme)
    return [
        {"indicator": str(label), "last_year": str(value), "whole_period": str(value)}
        for label, value in rows
    ]


def _event_rows(events: list[Event], prefix: str = "") -> list[tuple]:
    totals = dict.fromkeys(
        ["events", "registered", "came", "made", "done", "speeches", "classes", "media"], 0
    )
    for event in events:
        figures = event_figures(event)
        outcome = figures["outcome"]
        totals["events"] += 1
        totals["registered"] += figures["registered"]
        totals["came"] += figures["arrived"] + (outcome.other_participants if outcome else 0)
        totals["made"] += figures["commitments_made"]
        totals["done"] += figures["commitments_done"]
        totals["media"] += figures["media_publications"]
        if outcome:
            totals["speeches"] += outcome.speeches
            totals["classes"] += outcome.master_classes
    rows = [
        (_("Participants registered, people"), totals["registered"]),
        (_("Participants who came, people"), totals["came"]),
        (_("Commitments made at the event, pcs"), totals["made"]),
        (_("Commitments done, pcs"), totals["done"]),
        (_("Speeches, pcs"), totals["speeches"]),
        (_("Master-classes, pcs"), totals["classes"]),
        (_("Publications in the media, pcs"), totals["media"]),
    ]
    if prefix:
        rows.insert(0, (_("Events held, pcs"), totals["events"]))
    return [(f"{prefix}{label}", value) for label, value in rows]


def _programme_rows(programme: Programme) -> list[tuple]:
    sessions = programme.sessions.filter(is_cancelled=False)
    attended = Attendance.objects.filter(day__session__in=sessions, present=True).aggregate(
        people=Count("enrolment__user", distinct=True), marks=Count("id", filter=Q(present=True))
    )
    return [
        (_("Sessions held, pcs"), sessions.count()),
        (_("People who attended, people"), attended["people"]),
        (_("Attendances, pcs"), attended["marks"]),
    ]


@transaction.atomic
def passport_pdf_request(*, passport: PracticePassport) -> bool:
    """Queues the PDF of the current version; False when it is already there."""
    passport = PracticePassport.objects.select_for_update().get(pk=passport.pk)
    if (
        passport.pdf_state == PracticePassport.PdfState.READY
        and passport.pdf_version == passport.version
    ):
        return False
    PracticePassport.objects.filter(pk=passport.pk).update(
        pdf_state=PracticePassport.PdfState.PENDING, pdf_error="", pdf_requested_at=timezone.now()
    )
    enqueue_after_commit(generate_passport_pdf, passport.pk, passport.version)
    return True


def passport_pdf_generate(*, passport_id: int, version: int) -> PracticePassport:
    """Renders the A4 document of `version`. A task for a version edited since, or a
    duplicate while another worker makes the PDF, does nothing; a repeated one leaves one
    file."""
    if not PASSPORT_PDF_JOB.take(passport_id, version=version):
        return PracticePassport.objects.get(pk=passport_id)
    passport = PracticePassport.objects.select_related("event", "series", "programme").get(
        pk=passport_id
    )
    context = {
        "passport": passport,
        "sections": passport_sections.sections(passport),
        "costs_total": costs_total(passport.tables),
        "centre_name": settings.CENTRE_NAME,
        "generated_at": timezone.now(),
    }
    with translation.override(settings.LANGUAGE_CODE):
        pdf = render_pdf(render_to_string("passports/passport_pdf.html", context))
    with transaction.atomic():
        locked = PracticePassport.objects.select_for_update().get(pk=passport_id)
        if locked.pdf_version > version:
            return locked  # a PDF of a later version was made meanwhile
        old = locked.pdf.name
        locked.pdf.save(f"passport-{locked.pk}-v{version}.pdf", ContentFile(pdf), save=False)
        locked.pdf_version, locked.pdf_error = version, ""
        if locked.pdf_state == PracticePassport.PdfState.RUNNING:
            # Otherwise the passport was edited and its new PDF requested while this one was
            # made: it stays pending for that task.
            locked.pdf_state = PracticePassport.PdfState.READY
        locked.save(update_fields=["pdf", "pdf_state", "pdf_version", "pdf_error"])
        storage, new = locked.pdf.storage, locked.pdf.name
        if old and old != new:
            transaction.on_commit(lambda: storage.delete(old))
    return locked


def passport_pdf_resend_stale(*, now: datetime | None = None) -> list[int]:
    """Celery beat: PDFs whose task was lost (a broker restarted, a worker killed) are queued
    again from their PostgreSQL state."""
    return PASSPORT_PDF_JOB.resend_stale(
        lambda passport: enqueue(generate_passport_pdf, passport.pk, passport.version), now=now
    )


# --- Celery tasks -------------------------------------------------------------------------


@shared_task(base=BackgroundJob, job_state=PASSPORT_PDF_JOB)
def generate_passport_pdf(passport_id: int, version: int) -> str:
    """Makes a passport's PDF (retries and failures: civiccenter/kernel/jobs.py)."""
    return passport_pdf_generate(passport_id=passport_id, version=version).pdf_state


@shared_task
def resend_stale_passports() -> list[int]:
    """Every 5 minutes (Celery beat): passport PDFs whose task was lost are queued again."""
    return passport_pdf_resend_stale()
