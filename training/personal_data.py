"""Training's part of what the portal holds about a person."""

from .models import Enrolment


def enrolments(user) -> list[dict]:
    rows = (
        Enrolment.objects.filter(user=user)
        .select_related("session__programme", "certificate", "feedback")
        .prefetch_related("attendance__day")
    )
    result = []
    for e in rows:
        certificate = getattr(e, "certificate", None)
        feedback = getattr(e, "feedback", None)
        result.append(
            {
                "programme": e.session.programme.title,
                "place": e.session.place,
                "status": e.get_status_display(),
                "enrolled_at": e.created_at,
                "attendance": [
                    {"day": mark.day.starts_at, "present": mark.present}
                    for mark in e.attendance.all()
                ],
                "certificate": certificate.code if certificate else None,
                "feedback": {"rating": feedback.rating, "comments": feedback.comments}
                if feedback
                else None,
            }
        )
    return result


def erase(user, identity) -> int:
    """Feedback comments are blanked (the rating stays in the averages); certificates, which
    print the full name, are deleted with their files."""
    from civiccenter.kernel import audit

    from .models import Certificate, Feedback

    audit.erase_fields(Feedback.objects.filter(enrolment__user=user), comments="")
    certificates = list(Certificate.objects.filter(enrolment__user=user))
    for certificate in certificates:
        if certificate.file:
            certificate.file.delete(save=False)
        certificate.delete()
    return len(certificates)
