"""What the centre's staff do with their events: create and edit them with their site plan,
programme and partners; raise or lower the places; cancel; copy one as the next edition;
enter the outcomes; record commitments and a business-game team's results.

Every change goes into the audit trail (`civiccenter.kernel.editing`)."""

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.forms import BaseInlineFormSet, ModelForm
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit, editing
from civiccenter.kernel.mail import send_templated

from ..models import (
    AgendaItem,
    Commitment,
    Event,
    EventSeries,
    Outcome,
    Partner,
    Registration,
    SiteZone,
    Team,
)
from . import news
from .registration import places_taken, waitlist_fill

R = Registration.Status

# Slugs that name the staff's pages (events/urls.py) and so cannot name an event.
RESERVED_SLUGS = frozenset({"manage", "tickets", "registrations", "commitments", "questions"})


def unique_slug(title: str, starts_at: datetime, *, exclude_pk: int | None = None) -> str:
    """The title and the year: «Диалог» of 2027 is `диалог-2027`, its second edition in the
    year `диалог-2027-2`."""
    year = timezone.localtime(starts_at).year
    base = f"{slugify(title, allow_unicode=True)[:200] or 'event'}-{year}"
    if base in RESERVED_SLUGS:
        base = f"{base}-event"
    taken = Event.objects.all() if exclude_pk is None else Event.objects.exclude(pk=exclude_pk)
    slug, number = base, 2
    while taken.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def too_few_places(taken: int) -> ValidationError:
    return ValidationError(
        _("%(taken)s people are registered: the event cannot have fewer places.")
        % {"taken": taken},
        code="capacity",
    )


@transaction.atomic
def event_save(*, form: ModelForm, formsets: Sequence[BaseInlineFormSet] = (), user: User) -> Event:
    """Saves the event form (new or existing) and its formsets. Places may not fall below the
    people registered; places added go to the waitlist first, in the order people joined."""
    event = cast(Event, form.instance)
    is_new, changed = event.pk is None, list(form.changed_data)
    if is_new:
        event.slug = unique_slug(form.cleaned_data["title"], form.cleaned_data["starts_at"])
    else:
        # Locked like a registration locks it: no one takes a place while we count them.
        Event.objects.select_for_update().get(pk=event.pk)
        taken = places_taken(event)
        capacity = form.cleaned_data.get("capacity")
        if capacity is not None and capacity < taken:
            raise too_few_places(taken)
    event = cast(Event, editing.save_model_form(form, actor=user))
    for formset in formsets:
        formset.instance = event
        editing.save_formset(formset, actor=user)
    waitlist_fill(event)
    if is_new:
        news.event_announced(event, user)
    else:
        news.event_changed(event, changed, user)
    return event


@transaction.atomic
def programme_save(*, event: Event, formsets: Sequence[BaseInlineFormSet], user: User) -> Event:
    """The programme's points (each in a zone of the event's own plan) and its partners."""
    for formset in formsets:
        formset.instance = event
        editing.save_formset(formset, actor=user)
    return event


@transaction.atomic
def event_cancel(*, event: Event, user: User) -> Event:
    """Cancels the event: registration closes, it stays in the calendar marked as cancelled,
    and everyone registered or waiting gets a letter. Cancelling twice changes nothing."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_cancelled:
        return event
    if event.ends_at <= timezone.now():
        raise ValidationError(_("The event is over: it can no longer be cancelled."), code="past")
    event.cancelled_at = timezone.now()
    event.registration_open = False
    event.save(update_fields=["cancelled_at", "registration_open"])
    audit.record(event, actor=user, action="cancelled")
    news.event_cancelled(event, user)
    people = event.registrations.filter(
        status__in=[R.REGISTERED, R.WAITLISTED], user__is_active=True
    )
    for registration in people.select_related("user"):
        send_templated(
            "events/email/cancelled", to=[registration.user.email], context={"event": event}
        )
    return event


def _copy[M: Model](instance: M, **changes: Any) -> M:
    instance.pk = None
    instance._state.adding = True
    for name, value in changes.items():
        setattr(instance, name, value)
    instance.save()
    return instance


@transaction.atomic
def event_copy(*, event: Event, title: str, starts_at: datetime, user: User) -> Event:
    """The next edition of an event: the same kind, place, series, places, site plan,
    programme and partners, and its parts, all moved by the same time; unpublished, so staff
    check it before people see it. Registrations, questions and outcomes are not copied."""
    shift = starts_at - event.starts_at
    copy = _edition(event, shift, title=title.strip(), slug=unique_slug(title, starts_at))
    for part in event.sub_events.all():
        _edition(part, shift, parent=copy, slug=unique_slug(part.title, part.starts_at + shift))
    audit.record(copy, actor=user, action="created", changes={"copied from": [None, str(event)]})
    return copy


def _edition(source: Event, shift: timedelta, **changes: Any) -> Event:
    """A copy of one event with its plan, programme and partners, every time moved by
    `shift`; unpublished, open for registration, not cancelled."""
    moved = {}
    for name in ("starts_at", "ends_at", "registration_closes_at", "reports_deadline"):
        value = getattr(source, name)
        moved[name] = None if value is None else value + shift
    copy = _copy(
        Event.objects.get(pk=source.pk),
        **moved,
        is_published=False,
        registration_open=True,
        cancelled_at=None,
        **changes,
    )
    _copy_contents(source, copy, shift)
    return copy


def _copy_contents(source: Event, target: Event, shift: timedelta) -> None:
    zones = {}
    for zone in SiteZone.objects.filter(event=source):
        old_pk = zone.pk  # _copy gives the zone a new key
        zones[old_pk] = _copy(zone, event=target)
    for item in AgendaItem.objects.filter(event=source):
        _copy(
            item,
            event=target,
            zone=zones.get(item.zone_id) if item.zone_id is not None else None,
            starts_at=item.starts_at + shift,
            ends_at=item.ends_at + shift,
        )
    for partner in Partner.objects.filter(event=source):
        _copy(partner, event=target)


@transaction.atomic
def outcome_save(*, form: ModelForm, user: User) -> Outcome:
    """The outcomes staff enter after the event; only once it has started."""
    event: Event = form.instance.event
    if event.starts_at > timezone.now():
        raise ValidationError(
            _("Outcomes are entered once the event has taken place."), code="early"
        )
    return cast(Outcome, editing.save_model_form(form, actor=user))


@transaction.atomic
def commitment_save(*, form: ModelForm, user: User) -> Commitment:
    """A commitment's followers hear when it is marked done or its due date moves."""
    changed = [] if form.instance.pk is None else list(form.changed_data)
    commitment = cast(Commitment, editing.save_model_form(form, actor=user))
    if "done_on" in changed and commitment.done_on:
        news.commitment_told(commitment, news.COMMITMENT_DONE, user)
    elif "due_on" in changed and not commitment.done_on:
        news.commitment_told(commitment, news.COMMITMENT_NEW_DUE, user)
    return commitment


@transaction.atomic
def series_save(*, form: ModelForm, user: User) -> EventSeries:
    return cast(EventSeries, editing.save_model_form(form, actor=user))


@transaction.atomic
def team_results_save(*, form: ModelForm, user: User) -> Team:
    """A business-game team's problems, solutions and the initiatives it formed."""
    return cast(Team, editing.save_model_form(form, actor=user))
