"""Follows' part of what the portal holds about a person."""

from typing import Any

from .models import DeliveryChoice, Digest, Follow, Notice


def follows_of_person(user: Any) -> dict[str, Any]:
    choice = DeliveryChoice.objects.filter(user=user).first()
    return {
        "delivery": choice.get_delivery_display() if choice else None,
        "follows": [
            {"what": f"{f.target_type.app_label}.{f.target_type.model}", "id": f.target_id}
            for f in Follow.objects.filter(user=user).select_related("target_type")
        ],
        "notifications": [
            {"text": n.text, "at": n.created_at, "read_at": n.read_at, "emailed_at": n.emailed_at}
            for n in Notice.objects.filter(user=user)
        ],
        "digests": [
            {"period_start": d.period_start, "delivery": d.get_delivery_display()}
            for d in Digest.objects.filter(user=user)
        ],
    }


def erase(user: Any, identity: Any) -> int:
    """Follows, notifications, digests and the choice of delivery exist only for the person:
    they go."""
    removed = Notice.objects.filter(user=user).delete()[0]
    removed += Follow.objects.filter(user=user).delete()[0]
    removed += Digest.objects.filter(user=user).delete()[0]
    removed += DeliveryChoice.objects.filter(user=user).delete()[0]
    return removed
