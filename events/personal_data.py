"""Events' part of what the portal holds about a person."""

from .models import GameParticipant, PublicVote, Question, QuestionSupport, Registration


def registrations(user) -> list[dict]:
    return [
        {
            "event": r.event.title,
            "starts_at": r.event.starts_at,
            "status": r.get_status_display(),
            "ticket": r.ticket_code,
            "registered_at": r.created_at,
            "arrived_at": r.checked_in_at,
        }
        for r in Registration.objects.filter(user=user).select_related("event")
    ]


def questions(user) -> list[dict]:
    return [
        {
            "event": q.event.title,
            "text": q.text,
            "status": q.get_status_display(),
            "at": q.created_at,
        }
        for q in Question.objects.filter(author=user).select_related("event")
    ]


def participation(user) -> dict:
    return {
        "supported_questions": list(
            QuestionSupport.objects.filter(user=user).values_list("question__text", flat=True)
        ),
        "votes": list(PublicVote.objects.filter(user=user).values_list("report__title", flat=True)),
        "business_games": [
            {"event": p.event.title, "social_group": p.social_group, "field": p.field}
            for p in GameParticipant.objects.filter(user=user).select_related("event")
        ],
    }


QUESTION_REMOVED = "—"


def erase(user, identity) -> int:
    """Questions keep their place in a meeting's record (answers and commitments follow
    them) but lose their text, and so do comments on stand reports; business-game places,
    which exist only for the person, go; posters they submitted leave the storage (the report
    keeps its initiative's title and abstract, and its votes and awards)."""
    from civiccenter.kernel import audit

    from .models import ReportComment, StandReport

    touched = audit.erase_fields(Question.objects.filter(author=user), text=QUESTION_REMOVED)
    audit.erase_fields(ReportComment.objects.filter(author=user), text=QUESTION_REMOVED)
    GameParticipant.objects.filter(user=user).delete()
    posters = StandReport.objects.filter(submitted_by=user).exclude(poster="")
    for report in posters:
        report.poster.delete(save=False)
    audit.erase_fields(posters, poster="")
    return touched
