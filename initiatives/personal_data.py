"""The registry's part of what the portal holds about a person."""

from .models import Membership


def memberships(user) -> list[dict]:
    return [
        {"initiative": m.organisation.name, "role": m.get_role_display(), "since": m.created_at}
        for m in Membership.objects.filter(user=user).select_related("organisation")
    ]


def erase(user, identity) -> int:
    """Memberships go; invitations sent to the person's address go; a record that names the
    person as its contact (by their e-mail or phone) loses those contact fields."""
    from django.db.models import Q

    from civiccenter.kernel import audit

    from .models import Invitation, Organisation

    Membership.objects.filter(user=user).delete()
    Invitation.objects.filter(email__iexact=identity.email).delete()
    named = Q(private_email__iexact=identity.email)
    if identity.phone:
        named |= Q(private_phone=identity.phone)
    return audit.erase_fields(
        Organisation.objects.filter(named), contact_person="", private_email="", private_phone=""
    )
