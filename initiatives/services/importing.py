"""Importing an existing list of organisations from CSV or XLSX.

Nothing is written until a person has seen the preview: every row is checked, likely
duplicates (the same social link, or the same name once normalised) are flagged against the
file itself and the registry, and the commit writes all rows or none.
"""

import csv
import io
import re
from datetime import date, datetime
from typing import Any

from celery import shared_task
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from accounts.models import User
from civiccenter.kernel import audit
from civiccenter.kernel.jobs import (
    QUEUED_TOO_LONG,
    BackgroundJob,
    JobState,
    enqueue,
    enqueue_after_commit,
)
from civiccenter.kernel.safe_links import validate_public_url

from ..links import network_of, with_scheme
from ..models import (
    District,
    HeadcountRecord,
    ImportJob,
    Organisation,
    OrganisationLink,
    StatusChange,
    Topic,
)
from ..names import normalise_name, normalise_url
from .organisations import unique_slug

PROGRESS_EVERY = 200
IMPORT_CHECK_JOB = JobState(
    ImportJob,
    queued_at="queued_at",
    queued=ImportJob.State.QUEUED,
    running=ImportJob.State.PARSING,
    failed=ImportJob.State.FAILED,
)
# The import itself runs under the job's row lock and does nothing once done, so it needs no
# lease: its state is only where a failure is recorded.
IMPORT_COMMIT_JOB = JobState(
    ImportJob,
    queued_at="queued_at",
    queued=ImportJob.State.IMPORTING,
    running=ImportJob.State.IMPORTING,
    failed=ImportJob.State.FAILED,
)

# Each column's names in a header, compared without case, spaces around or a trailing «:»/«*»
# (found: a «Ссылка» column was silently ignored, so links were lost and duplicates missed).
COLUMNS = {
    "name": ("name", "название", "наименование", "название инициативы", "организация"),
    "kind": ("kind", "вид", "тип"),
    "members_count": ("members_count", "members", "участники", "участников", "численность"),
    "volunteers_count": ("volunteers_count", "volunteers", "волонтёры", "волонтеры"),
    "city": ("city", "город"),
    "district": ("district", "район"),
    "links": (
        "links",
        "link",
        "url",
        "ссылки",
        "ссылка",
        "соцсети",
        "соцсеть",
        "социальные сети",
        "группа вконтакте",
    ),
    "website": ("website", "site", "web", "сайт", "веб-сайт"),
    "short_description": ("short_description", "description", "описание"),
    "topics": ("topics", "темы", "тематика"),
    "founded": ("founded", "founded_on", "основано", "год основания"),
}

KIND_WORDS = {
    "initiative_group": ("initiative_group", "инициативная группа", "инициатива"),
    "community": ("community", "городское сообщество", "сообщество"),
    "ngo": ("ngo", "нко", "со нко", "некоммерческая организация"),
    "coalition": ("coalition", "коалиция"),
}


class ImportFileError(ValidationError):
    pass


# --- Reading the file --------------------------------------------------------------------


def read_table(name: str, content: bytes) -> tuple[list[dict[str, str]], list[str]]:
    """Rows of a CSV or XLSX file as dictionaries keyed by our column names.

    The type is decided by the content: an XLSX file is a ZIP archive that openpyxl opens;
    a CSV file is text without NUL bytes.
    """
    if content.startswith(b"PK\x03\x04"):
        rows = _xlsx_rows(content)
    elif b"\x00" not in content[:4096] and content.strip():
        rows = _csv_rows(content)
    else:
        raise ImportFileError(_("The file must be a CSV or XLSX table."))
    if not rows:
        raise ImportFileError(_("The file has no rows."))
    header, *data = rows
    mapping = _map_header(header)
    if "name" not in mapping.values():
        raise ImportFileError(_("The file needs a column «name» (название)."))
    table = [
        {mapping[i]: (cell or "").strip() for i, cell in enumerate(row) if i in mapping}
        for row in data
        if any((cell or "").strip() for cell in row)
    ]
    if not table:
        raise ImportFileError(_("The file has a header but no rows: there is nothing to import."))
    unknown = [
        (title or "").strip()
        for index, title in enumerate(header)
        if index not in mapping and (title or "").strip()
    ]
    return table, unknown


def _xlsx_rows(content: bytes) -> list[list[str]]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken archive
        raise ImportFileError(_("The file must be a CSV or XLSX table.")) from error
    sheet = workbook.worksheets[0]
    rows = [
        ["" if value is None else _cell_text(value) for value in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    workbook.close()
    return rows


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _csv_rows(content: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(_("The file must be a CSV or XLSX table."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _header_key(title: str) -> str:
    return " ".join((title or "").casefold().replace("ё", "е").strip(" :*").split())


_NAMES = {_header_key(name): column for column, names in COLUMNS.items() for name in names}


def _map_header(header: list[str]) -> dict[int, str]:
    """{column index: field}; the first column of a field's names wins."""
    mapping: dict[int, str] = {}
    for index, title in enumerate(header):
        column = _NAMES.get(_header_key(title))
        if column is not None and column not in mapping.values():
            mapping[index] = column
    return mapping


# --- Checking rows -----------------------------------------------------------------------


def check_row(row: dict[str, str], topics: dict[str, Topic]) -> tuple[dict, list[str]]:
    """Returns the cleaned values of one row and its errors, in Russian."""
    errors: list[str] = []
    data: dict[str, Any] = {}
    data["name"] = row.get("name", "")
    if not data["name"]:
        errors.append(_("The name is empty."))
    elif len(data["name"]) > 255:
        errors.append(_("The name is longer than 255 characters."))
    data["kind"] = _kind(row.get("kind", ""))
    if data["kind"] is None:
        errors.append(_("Unknown kind «%(kind)s».") % {"kind": row.get("kind")})
    for field in ("members_count", "volunteers_count"):
        raw = re.sub(r"\s", "", row.get(field, "")) or "0"
        if raw.isdigit():
            data[field] = int(raw)
        else:
            errors.append(_("«%(value)s» is not a whole number.") % {"value": row.get(field)})
    data["city"] = row.get("city", "")[:100]
    data["district"] = row.get("district", "")[:100]
    data["short_description"] = row.get("short_description", "")[:500]
    data["links"] = []
    for url in re.split(r"[\s,]+", row.get("links", "")):
        if url:
            full = with_scheme(url)
            try:
                validate_public_url(full)
            except ValidationError:
                errors.append(_("«%(url)s» is not a link to a public web site.") % {"url": url})
            else:
                data["links"].append(full)
    data["website"] = ""
    if row.get("website"):
        try:
            validate_public_url(with_scheme(row["website"]))
            data["website"] = with_scheme(row["website"])
        except ValidationError:
            errors.append(
                _("«%(url)s» is not a link to a public web site.") % {"url": row["website"]}
            )
    data["topics"] = []
    for word in filter(None, (t.strip() for t in row.get("topics", "").split(","))):
        topic = topics.get(word.casefold())
        if topic is None:
            errors.append(_("Unknown topic «%(topic)s».") % {"topic": word})
        else:
            data["topics"].append(topic.pk)
    data["founded_on"] = None
    founded = row.get("founded", "")
    if founded:
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})-(\d{2}))?", founded)
        if match and 1900 <= int(match.group(1)) <= timezone.localdate().year:
            year, month, day = match.groups()
            data["founded_on"] = date(int(year), int(month or 1), int(day or 1)).isoformat()
        else:
            errors.append(_("«%(value)s» is not a year or a date.") % {"value": founded})
    return data, errors


def _kind(word: str) -> str | None:
    word = word.strip().casefold()
    if not word:
        return Organisation.Kind.COMMUNITY
    for kind, words in KIND_WORDS.items():
        if word in words:
            return kind
    return None


def find_duplicates(rows: list[dict]) -> None:
    """Adds `duplicates` to each row: earlier rows of the file and registry records with the
    same normalised name or the same social link."""
    names = {normalise_name(row["data"]["name"]) for row in rows if row["data"]["name"]}
    links = {normalise_url(url) for row in rows for url in row["data"]["links"]}
    known_names: dict[str, tuple[int, str, str]] = {}
    for key, pk, name, slug in Organisation.objects.filter(name_key__in=names).values_list(
        "name_key", "pk", "name", "slug"
    ):
        known_names.setdefault(key, (pk, name, slug))
    known_links: dict[str, tuple[int, str, str]] = {}
    for key, pk, name, slug in OrganisationLink.objects.filter(url_key__in=links).values_list(
        "url_key", "organisation_id", "organisation__name", "organisation__slug"
    ):
        known_links.setdefault(key, (pk, name, slug))

    seen_names: dict[str, int] = {}
    seen_links: dict[str, int] = {}
    for row in rows:
        found = []
        name_key = normalise_name(row["data"]["name"])
        if name_key in seen_names:
            found.append({"where": "file", "line": seen_names[name_key], "reason": "name"})
        if name_key in known_names:
            pk, name, slug = known_names[name_key]
            found.append(
                {"where": "registry", "id": pk, "name": name, "slug": slug, "reason": "name"}
            )
        for url in row["data"]["links"]:
            key = normalise_url(url)
            if key in seen_links and seen_links[key] != row["line"]:
                found.append(
                    {"where": "file", "line": seen_links[key], "reason": "link", "url": url}
                )
            if key in known_links:
                pk, name, slug = known_links[key]
                found.append(
                    {
                        "where": "registry",
                        "id": pk,
                        "name": name,
                        "slug": slug,
                        "reason": "link",
                        "url": url,
                    }
                )
            seen_links.setdefault(key, row["line"])
        seen_names.setdefault(name_key, row["line"])
        row["duplicates"] = _unique(found)


def _unique(found: list[dict]) -> list[dict]:
    result, keys = [], set()
    for item in found:
        key = (item["where"], item.get("line"), item.get("id"), item["reason"])
        if key not in keys:
            keys.add(key)
            result.append(item)
    return result


# --- The job -----------------------------------------------------------------------------


def import_job_create(*, upload: UploadedFile, user: User, max_bytes: int) -> ImportJob:
    if (upload.size or 0) > max_bytes:
        raise ImportFileError(
            _("The file is too large: at most %(size)s MB.") % {"size": max_bytes // (1024 * 1024)}
        )
    head = upload.read(4096)
    upload.seek(0)
    if not (head.startswith(b"PK\x03\x04") or (head.strip() and b"\x00" not in head)):
        raise ImportFileError(_("The file must be a CSV or XLSX table."))
    job = ImportJob.objects.create(
        file=upload, original_name=(upload.name or "")[:255], created_by=user
    )
    enqueue_after_commit(import_preview_task, job.pk)
    return job


def import_preview(*, job_id: int) -> ImportJob:
    """Parses the file and stores the checked rows; writes nothing to the registry."""
    if not IMPORT_CHECK_JOB.take(job_id):
        return ImportJob.objects.get(pk=job_id)  # done, or another worker checks it
    job = ImportJob.objects.get(pk=job_id)
    try:
        with job.file.open("rb") as handle:
            table, unknown = read_table(job.original_name, handle.read())
    except ImportFileError as error:
        job.state, job.error = ImportJob.State.FAILED, " ".join(error.messages)
        job.finished_at = timezone.now()
        job.save(update_fields=["state", "error", "finished_at"])
        return job
    job.total_rows = len(table)
    topics = {t.name.casefold(): t for t in Topic.objects.all()}
    topics.update({t.name_en.casefold(): t for t in topics.values() if t.name_en})
    rows = []
    for number, raw in enumerate(table, start=2):  # line 1 is the header
        data, errors = check_row(raw, topics)
        rows.append({"line": number, "data": data, "errors": errors})
        if len(rows) % PROGRESS_EVERY == 0:
            ImportJob.objects.filter(pk=job.pk).update(processed_rows=len(rows))
    find_duplicates(rows)
    job.preview = rows
    job.unknown_columns = unknown
    job.processed_rows = len(rows)
    job.state = ImportJob.State.PREVIEW
    job.save(update_fields=["preview", "unknown_columns", "processed_rows", "total_rows", "state"])
    return job


@transaction.atomic
def import_commit(*, job_id: int, user: User | None = None) -> ImportJob:
    """Writes every row of a checked file, or none. Running it twice imports once."""
    job = ImportJob.objects.select_for_update().get(pk=job_id)
    if job.state == ImportJob.State.DONE:
        return job
    if job.state not in (ImportJob.State.PREVIEW, ImportJob.State.IMPORTING):
        raise ValidationError(_("This file has not been checked yet."))
    if job.error_rows:
        raise ValidationError(_("Fix the rows with errors and upload the file again."))
    now = timezone.now()
    districts: dict[tuple[str, str], District] = {}
    created = 0
    for row in job.preview:
        if row["duplicates"] and job.skip_duplicates:
            continue
        data = row["data"]
        district = None
        if data["district"]:
            key = (data["city"], data["district"])
            if key not in districts:
                districts[key], _created = District.objects.get_or_create(city=key[0], name=key[1])
            district = districts[key]
        organisation = Organisation.objects.create(
            kind=data["kind"],
            name=data["name"],
            slug=unique_slug(data["name"]),
            short_description=data["short_description"],
            city=data["city"],
            district=district,
            website=data["website"],
            founded_on=data["founded_on"],
            members_count=data["members_count"],
            volunteers_count=data["volunteers_count"],
            status=Organisation.Status.ACTIVE,
            moderation=Organisation.Moderation.PUBLISHED,
            published_at=now,
            last_activity_at=now,
            created_by=job.created_by,
        )
        organisation.topics.set(data["topics"])
        OrganisationLink.objects.bulk_create(
            [
                OrganisationLink(organisation=organisation, url=url, network=network_of(url))
                for url in dict.fromkeys(data["links"])
            ]
        )
        HeadcountRecord.objects.create(
            organisation=organisation,
            recorded_on=timezone.localdate(),
            members=data["members_count"],
            volunteers=data["volunteers_count"],
            recorded_by=job.created_by,
        )
        StatusChange.objects.create(
            organisation=organisation, to_status=organisation.status, changed_at=now
        )
        audit.record(
            organisation,
            actor=user or job.created_by,
            action="imported",
            changes={"file": [None, job.original_name]},
        )
        created += 1
        if created % PROGRESS_EVERY == 0:
            ImportJob.objects.filter(pk=job.pk).update(processed_rows=created)
    job.state = ImportJob.State.DONE
    job.created_count = created
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "created_count", "finished_at"])
    return job


def import_commit_queue(*, job: ImportJob, skip_duplicates: bool) -> bool:
    """The reviewer confirms a checked file: the import is queued (False if the file is not
    in review any more, e.g. confirmed twice)."""
    queued = ImportJob.objects.filter(pk=job.pk, state=ImportJob.State.PREVIEW).update(
        skip_duplicates=skip_duplicates,
        state=ImportJob.State.IMPORTING,
        processed_rows=0,
        queued_at=timezone.now(),
    )
    if queued:
        enqueue_after_commit(import_commit_task, job.pk)
    return bool(queued)


def import_resend_stale(*, now: datetime | None = None) -> list[int]:
    """Celery beat: checks and imports whose task was lost are sent again. Both are safe to
    repeat: the check is taken by one worker, the import runs under the job's row lock and
    does nothing once done."""
    now = now or timezone.now()
    resent = IMPORT_CHECK_JOB.resend_stale(
        lambda job: enqueue(import_preview_task, job.pk), now=now
    )
    importing = ImportJob.objects.filter(
        state=ImportJob.State.IMPORTING, queued_at__lt=now - QUEUED_TOO_LONG
    )
    for job_id in importing.values_list("pk", flat=True):
        ImportJob.objects.filter(pk=job_id).update(queued_at=now)
        enqueue(import_commit_task, job_id)
        resent.append(job_id)
    return resent


@shared_task(base=BackgroundJob, job_state=IMPORT_CHECK_JOB)
def import_preview_task(job_id: int) -> str:
    """Checks an uploaded file (retries and failures: civiccenter/kernel/jobs.py)."""
    return import_preview(job_id=job_id).state


@shared_task(base=BackgroundJob, job_state=IMPORT_COMMIT_JOB)
def import_commit_task(job_id: int) -> str:
    """Writes a checked file into the registry (retries and failures: as above)."""
    return import_commit(job_id=job_id).state
