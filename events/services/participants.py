"""Initiatives taking a stand, and people joining a business game."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from civiccenter.kernel.integrity import duplicate_refused
from initiatives.models import Organisation
from initiatives.services.activity import record_activity
from initiatives.services.team import membership_require

from ..models import Event, GameParticipant, Registration, Stand
from .games import late_joiner_place
from .registration import registration_create


@transaction.atomic
def stand_register(
    *, event: Event, organisation: Organisation, user: User, note: str = ""
) -> Stand:
    """An initiative registers as an exhibitor, separately from the people who come."""
    if not event.registration_open:
        raise ValidationError(_("Registration for this event is closed."), code="closed")
    membership_require(organisation=organisation, user=user)
    with duplicate_refused(
        ValidationError(_("This initiative already has a stand at this event."), code="twice")
    ):
        stand = Stand.objects.create(
            event=event, organisation=organisation, registered_by=user, note=note
        )
    audit.record(stand, actor=user, action="registered")
    record_activity(organisation_ids=[organisation.pk])
    return stand


def _from_list(value: str, choices: list[str], message: str) -> str:
    """The list's own spelling of `value` (any case, any spaces), or `value` tidied when the
    coordinator keeps no list."""
    tidy = " ".join(value.split())
    if not choices:
        return tidy
    for choice in choices:
        if choice.casefold() == tidy.casefold():
            return choice
    raise ValidationError(message, code="not_in_list")


@transaction.atomic
def game_join(*, event: Event, user: User, social_group: str, field: str) -> GameParticipant:
    """A person joins the game: they are registered for the event (a ticket, or refused when
    it is full), and placed into a team at once if the teams are already formed."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.kind != Event.Kind.BUSINESS_GAME:
        raise ValidationError(_("This event is not a business game."))
    if not social_group.strip() or not field.strip():
        raise ValidationError(
            _("Say which social group you represent and your field."), code="empty"
        )
    social_group = _from_list(
        social_group, event.social_group_choices, _("Choose a social group from the list.")
    )
    field = _from_list(field, event.field_choices, _("Choose a field from the list."))
    if GameParticipant.objects.filter(event=event, user=user).exists():
        raise ValidationError(_("You are already in the game."), code="twice")
    live = (Registration.Status.REGISTERED, Registration.Status.WAITLISTED)
    if not event.registrations.filter(user=user, status__in=live).exists():
        registration_create(event=event, user=user)
    with duplicate_refused(ValidationError(_("You are already in the game."), code="twice")):
        participant = GameParticipant.objects.create(
            event=event, user=user, social_group=social_group, field=field
        )
    team = late_joiner_place(participant)
    audit.record(
        participant,
        actor=user,
        action="registered",
        changes={"team": [None, team.number]} if team else {},
    )
    return participant


@transaction.atomic
def game_leave(*, event: Event, user: User) -> None:
    """A player leaves the game (their registration for the event stays theirs to cancel)."""
    participant = GameParticipant.objects.filter(event=event, user=user).first()
    if participant is None:
        raise ValidationError(_("You are not in the game."), code="not_in_game")
    audit.record(participant, actor=user, action="deleted")
    participant.delete()
