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

from ..models import Event, GameParticipant, Stand


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


def game_join(*, event: Event, user: User, social_group: str, field: str) -> GameParticipant:
    if event.kind != Event.Kind.BUSINESS_GAME:
        raise ValidationError(_("This event is not a business game."))
    if not social_group.strip() or not field.strip():
        raise ValidationError(
            _("Say which social group you represent and your field."), code="empty"
        )
    with duplicate_refused(ValidationError(_("You are already in the game."), code="twice")):
        participant = GameParticipant.objects.create(
            event=event, user=user, social_group=social_group.strip(), field=field.strip()
        )
    audit.record(participant, actor=user, action="registered")
    return participant
