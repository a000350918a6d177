"""The team of a record: leaders, editors and members, invited by e-mail."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from civiccenter.kernel.integrity import duplicate_refused

from .. import notifications
from ..models import Invitation, Membership, Organisation


def membership_require(*, organisation: Organisation | None, user: User) -> None:
    """Acting for an initiative needs a place in its team; acting for oneself (no
    organisation) needs nothing."""
    if (
        organisation is not None
        and not Membership.objects.filter(organisation=organisation, user=user).exists()
    ):
        raise ValidationError(_("You are not in the team of this initiative."), code="not_member")


@transaction.atomic
def invitation_send(*, organisation: Organisation, email: str, role: str, user: User) -> Invitation:
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ValidationError(_("%(email)s is already in the team.") % {"email": email})
    with duplicate_refused(
        ValidationError(_("%(email)s has already been invited.") % {"email": email})
    ):
        invitation = Invitation.objects.create(
            organisation=organisation, email=email, role=role, invited_by=user
        )
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["sent_at"])
    audit.record(organisation, actor=user, action="invited", changes={"email": [None, email]})
    notifications.send(
        "invitation",
        to=[email],
        context={
            "organisation": organisation,
            "invitation": invitation,
            "inviter": user,
            "url": settings.PORTAL_BASE_URL
            + reverse("initiatives:invitation_accept", args=[invitation.token]),
        },
    )
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> Membership:
    """The signed-in person who opens the link joins the team with the invited role."""
    try:
        invitation = Invitation.objects.select_for_update().get(
            token=token, accepted_at__isnull=True
        )
    except Invitation.DoesNotExist as error:
        raise ValidationError(_("This invitation is no longer valid.")) from error
    if invitation.email.lower() != user.email.lower():
        raise ValidationError(
            _("This invitation was sent to another e-mail address."), code="not_invitee"
        )
    membership, _created = Membership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit.record(
        invitation.organisation,
        actor=user,
        action="joined",
        changes={"role": [None, membership.role]},
    )
    return membership
