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
    from civiccenter.kernel import audit

    from .models import ConsultationLog

    touched = audit.erase_fields(Booking.objects.filter(activist=user), question="", staff_note="")
    logs = ConsultationLog.objects.filter(booking__activist=user)
    audit.erase_fields(logs, private_notes="", follow_up="")
    for log in logs.exclude(summary=""):
        scrubbed = audit.scrub(log.summary, identity.needles())
        if scrubbed != log.summary:
            ConsultationLog.objects.filter(pk=log.pk).update(summary=scrubbed)
    return touched
