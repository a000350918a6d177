"""Consulting's part of what the portal holds about a person: their bookings."""

from .models import Booking


def bookings(user) -> list[dict]:
    return [
        {
            "topic": b.topic.name,
            "starts_at": b.starts_at,
            "ends_at": b.ends_at,
            "status": b.get_status_display(),
            "question": b.question,
            "note_from_the_centre": b.staff_note,
            "initiative": b.organisation.name if b.organisation else None,
        }
        for b in Booking.objects.filter(activist=user).select_related("topic", "organisation")
    ]


def erase(user, identity) -> int:
    """The person's questions and the centre's notes on their bookings, and the private notes
    and follow-up of consultations logged from those bookings, are blanked."""
    from .models import ConsultationLog

    touched = Booking.objects.filter(activist=user).update(question="", staff_note="")
    ConsultationLog.objects.filter(booking__activist=user).update(private_notes="", follow_up="")
    return touched
