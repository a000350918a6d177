"""The lifecycle of a record and the events that real initiatives go through."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from civiccenter.kernel import audit
from follows.services import notify_followers

from ..models import Grant, Organisation, Partnership, Relation, StatusChange


@transaction.atomic
def status_set(
    *,
    organisation: Organisation,
    status: str,
    user: User | None = None,
    reason: str = "",
    at: datetime | None = None,
    from_status: str | None = None,
    already_saved: bool = False,
) -> StatusChange:
    """Moves a record along idea → active → dormant → closed and keeps the dated step."""
    if status not in Organisation.Status.values:
        raise ValidationError(_("Unknown status."))
    previous = organisation.status if from_status is None else from_status
    if not already_saved:
        organisation.status = status
        organisation.save(update_fields=["status"])
    has_history = organisation.status_changes.exists()
    change = StatusChange.objects.create(
        organisation=organisation,
        from_status=previous if has_history else "",
        to_status=status,
        changed_at=at or timezone.now(),
        reason=reason,
        changed_by=user,
    )
    if has_history:
        audit.record(
            organisation,
            actor=user,
            action="status",
            changes={"status": [change.get_from_status_display(), change.get_to_status_display()]},
        )
        _tell_followers(
            organisation,
            gettext_lazy("«%(name)s»: the status is now «%(status)s»"),
            user,
            status=change.get_to_status_display(),
        )
    return change


def _tell_followers(
    organisation: Organisation, text: Promise, user: User | None, **params: Any
) -> None:
    """What happened to a published record goes to the people following it."""
    if organisation.is_published:
        notify_followers(
            organisation,
            text=text,
            params={"name": organisation.name, **params},
            url=reverse("initiatives:profile", args=[organisation.slug]),
            actor=user,
        )


@transaction.atomic
def relation_add(
    *,
    organisation: Organisation,
    kind: str,
    other: Organisation,
    occurred_on: date,
    user: User | None = None,
    note: str = "",
) -> Relation:
    """Records a split, a coalition membership or an NGO registration.

    Joining a coalition needs a coalition on the other side; registering as an NGO needs an
    NGO record, which is then the one the initiative grew into.
    """
    if organisation.pk == other.pk:
        raise ValidationError(_("A record cannot be related to itself."))
    if kind == Relation.Kind.JOINED_COALITION and other.kind != Organisation.Kind.COALITION:
        raise ValidationError(_("The other record must be a coalition."))
    if kind == Relation.Kind.REGISTERED_AS_NGO and other.kind != Organisation.Kind.NGO:
        raise ValidationError(_("The other record must be an NGO."))
    relation = Relation(
        organisation=organisation, kind=kind, other=other, occurred_on=occurred_on, note=note
    )
    relation.full_clean()
    relation.save()
    audit.record(
        organisation,
        actor=user,
        action="relation",
        changes={"kind": [None, relation.get_kind_display()], "other": [None, other.name]},
    )
    return relation


@transaction.atomic
def grant_add(
    *,
    organisation: Organisation,
    funder: str,
    amount: Decimal,
    year: int,
    user: User | None = None,
    title: str = "",
    awarded_on: date | None = None,
) -> Grant:
    grant = Grant(
        organisation=organisation,
        funder=funder,
        amount=amount,
        year=year,
        title=title,
        awarded_on=awarded_on,
    )
    grant.full_clean()
    grant.save()
    audit.record(organisation, actor=user, action="grant", changes={"funder": [None, funder]})
    _tell_followers(
        organisation,
        gettext_lazy("«%(name)s» received a grant: %(funder)s, %(year)s"),
        user,
        funder=funder,
        year=year,
    )
    return grant


@transaction.atomic
def partnership_add(
    *,
    organisation: Organisation,
    partner_name: str,
    partner_type: str,
    signed_on: date,
    user: User | None = None,
    subject: str = "",
) -> Partnership:
    partnership = Partnership(
        organisation=organisation,
        partner_name=partner_name,
        partner_type=partner_type,
        signed_on=signed_on,
        subject=subject,
    )
    partnership.full_clean()
    partnership.save()
    audit.record(
        organisation, actor=user, action="partnership", changes={"partner": [None, partner_name]}
    )
    return partnership
