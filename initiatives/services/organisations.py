"""Registering, editing and moderating registry records."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit

from .. import notifications
from ..links import network_of, with_scheme
from ..models import HeadcountRecord, Membership, Organisation, OrganisationLink, Role, Topic
from ..names import normalise_url
from .activity import record_activity
from .lifecycle import status_set

M = Organisation.Moderation

# Fields a leader or an editor edits in the step-by-step form.
EDITABLE_FIELDS = [
    "kind",
    "name",
    "short_description",
    "description",
    "founded_on",
    "logo",
    "inn",
    "ogrn",
    "registered_on",
    "city",
    "district",
    "status",
    "public_email",
    "public_phone",
    "website",
    "contact_person",
    "private_email",
    "private_phone",
    "members_count",
    "volunteers_count",
]


# Slugs that name pages of the registry (initiatives/urls.py) and so cannot name a record.
RESERVED_SLUGS = frozenset(
    {"new", "mine", "moderation", "analytics", "import", "invitations", "passports"}
)


def unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name, allow_unicode=True)[:240] or "organisation"
    if base in RESERVED_SLUGS:
        base = f"{base}-organisation"
    slug, number = base, 2
    taken = Organisation.objects.all()
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def organisation_create_draft(*, user: User, **fields: Any) -> Organisation:
    """An activist starts a record; it stays a draft, visible to its team only, and the
    activist becomes its leader."""
    organisation = Organisation(moderation=M.DRAFT, created_by=user, **fields)
    organisation.slug = unique_slug(organisation.name)
    organisation.full_clean()
    organisation.save()
    Membership.objects.create(organisation=organisation, user=user, role=Role.LEADER)
    audit.record(
        organisation, actor=user, action="created", changes={"name": [None, fields.get("name")]}
    )
    return organisation


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    user: User,
    fields: dict | None = None,
    topics: list[Topic] | None = None,
    links: list[str] | None = None,
) -> Organisation:
    """Applies one step of the form. Every change is recorded; new member or volunteer
    counts go into the dated headcount history; a change by the team counts as activity."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    fields = fields or {}
    tracked = [name for name in fields if name in EDITABLE_FIELDS]
    before = audit.snapshot(organisation, tracked)
    for name in tracked:
        setattr(organisation, name, fields[name])
    if "name" in tracked and before["name"] != organisation.name and not organisation.is_published:
        organisation.slug = unique_slug(organisation.name, exclude_pk=organisation.pk)
    # A step checks what it changes: a value stored before a rule existed (a phone typed as
    # free text) is corrected on its own step, and does not block the others.
    untouched = [
        field.name for field in Organisation._meta.concrete_fields if field.name not in tracked
    ]
    organisation.full_clean(exclude=untouched)
    organisation.save()
    changes = audit.diff(before, audit.snapshot(organisation, tracked))

    if topics is not None:
        old = sorted(organisation.topics.values_list("name", flat=True))
        organisation.topics.set(topics)
        new = sorted(topic.name for topic in topics)
        if old != new:
            changes["topics"] = [old, new]
    if links is not None:
        old_links = sorted(organisation.links.values_list("url", flat=True))
        new_links = _links_set(organisation, links)
        if old_links != new_links:
            changes["links"] = [old_links, new_links]
    if {"members_count", "volunteers_count"} & set(changes):
        HeadcountRecord.objects.create(
            organisation=organisation,
            recorded_on=timezone.localdate(),
            members=organisation.members_count,
            volunteers=organisation.volunteers_count,
            recorded_by=user,
        )
    if "status" in changes:
        status_set(
            organisation=organisation,
            status=organisation.status,
            user=user,
            from_status=before["status"],
            already_saved=True,
        )
    if changes:
        audit.record(organisation, actor=user, action="edited", changes=changes)
        if organisation.is_published:
            record_activity(organisation_ids=[organisation.pk])
    return organisation


def _links_set(organisation: Organisation, urls: list[str]) -> list[str]:
    wanted: dict[str, str] = {}
    for url in urls:
        if url.strip():
            full = with_scheme(url)
            wanted.setdefault(normalise_url(full), full)
    organisation.links.exclude(url__in=wanted.values()).delete()
    kept = set(organisation.links.values_list("url", flat=True))
    for url in wanted.values():
        if url in kept:
            continue
        link = OrganisationLink(organisation=organisation, url=url, network=network_of(url))
        # The field's own checks (an http(s) address); the unique pair is certain here: the
        # links already kept were skipped, and `wanted` has each address once.
        link.full_clean(validate_unique=False, validate_constraints=False)
        link.save()
    return sorted(wanted.values())


@transaction.atomic
def organisation_submit(*, organisation: Organisation, user: User) -> Organisation:
    """A draft goes to the moderators once it says who it is and what it does."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not organisation.is_editable_draft:
        raise ValidationError(_("This record has already been submitted."))
    missing = []
    if not organisation.short_description:
        missing.append(_("a short description"))
    if not organisation.topics.exists():
        missing.append(_("at least one topic"))
    if missing:
        raise ValidationError(
            _("Before submitting, add %(missing)s.") % {"missing": ", ".join(missing)}
        )
    organisation.moderation = M.PENDING
    organisation.returned_reason = ""
    organisation.submitted_at = timezone.now()
    organisation.save(update_fields=["moderation", "returned_reason", "submitted_at"])
    audit.record(organisation, actor=user, action="submitted")
    return organisation


@transaction.atomic
def organisation_approve(*, organisation: Organisation, moderator: User) -> Organisation:
    """Publishes a record: it enters the catalogue and starts its lifecycle history."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.moderation != M.PENDING:
        raise ValidationError(_("Only a record awaiting moderation can be approved."))
    now = timezone.now()
    organisation.moderation = M.PUBLISHED
    organisation.published_at = organisation.published_at or now
    organisation.last_activity_at = now
    organisation.save(update_fields=["moderation", "published_at", "last_activity_at"])
    if not organisation.status_changes.exists():
        status_set(organisation=organisation, status=organisation.status, user=moderator, at=now)
    audit.record(organisation, actor=moderator, action="approved")
    notifications.notify_leaders(organisation, "approved")
    return organisation


@transaction.atomic
def organisation_return(
    *, organisation: Organisation, moderator: User, reason: str
) -> Organisation:
    """Sends a record back to its team with the moderator's reason."""
    if not reason.strip():
        raise ValidationError(_("Say what should be changed."))
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.moderation != M.PENDING:
        raise ValidationError(_("Only a record awaiting moderation can be returned."))
    organisation.moderation = M.RETURNED
    organisation.returned_reason = reason.strip()
    organisation.save(update_fields=["moderation", "returned_reason"])
    audit.record(organisation, actor=moderator, action="returned", changes={"reason": reason})
    notifications.notify_leaders(organisation, "returned", reason=organisation.returned_reason)
    return organisation
