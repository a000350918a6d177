"""The registry's part of what the portal holds about a person."""

from .models import Membership


def memberships(user) -> list[dict]:
    return [
        {"initiative": m.organisation.name, "role": m.get_role_display(), "since": m.created_at}
        for m in Membership.objects.filter(user=user).select_related("organisation")
    ]
