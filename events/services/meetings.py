"""Coffee with the Mayor: questions submitted in advance, supported, put on the agenda,
answered at the meeting, and the commitments that follow tracked to done."""

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from civiccenter.kernel.integrity import duplicate_refused
from civiccenter.kernel.mail import send_templated
from initiatives.models import Organisation
from initiatives.services.activity import record_activity
from initiatives.services.team import membership_require

from ..models import Commitment, Event, Question, QuestionSupport
from . import news

MEETING_KINDS = (Event.Kind.COFFEE_WITH_MAYOR, Event.Kind.HEAD_MEETING, Event.Kind.CIVIC_VERNISSAGE)


@transaction.atomic
def question_submit(
    *, event: Event, author: User, text: str, organisation: Organisation | None = None
) -> Question:
    if event.kind not in MEETING_KINDS:
        raise ValidationError(_("Questions are collected for meetings with the city's head only."))
    if not text.strip():
        raise ValidationError(_("Write the question or proposal."), code="empty")
    if event.starts_at <= timezone.now():
        raise ValidationError(_("Questions are collected before the meeting."), code="too_late")
    membership_require(organisation=organisation, user=author)
    question = Question.objects.create(
        event=event, author=author, text=text.strip(), organisation=organisation
    )
    audit.record(question, actor=author, action="submitted")
    if organisation is not None:
        record_activity(organisation_ids=[organisation.pk])
    return question


def question_support(*, question: Question, user: User) -> QuestionSupport:
    """One vote of support per account and question, not for one's own."""
    if question.status in (Question.Status.REJECTED,):
        raise ValidationError(_("This question was not accepted."))
    if question.author_id == user.pk:
        raise ValidationError(_("You cannot support your own question."), code="own_question")
    with duplicate_refused(
        ValidationError(_("You have already supported this question."), code="twice")
    ):
        return QuestionSupport.objects.create(question=question, user=user)


@transaction.atomic
def question_moderate(
    *, question: Question, accept: bool, position: int | None = None, user: User | None = None
) -> Question:
    before = audit.snapshot(question, ["status", "position"])
    question.status = Question.Status.ON_AGENDA if accept else Question.Status.REJECTED
    question.position = position if accept else None
    question.save(update_fields=["status", "position"])
    audit.record(
        question,
        actor=user,
        action="approved" if accept else "declined",
        changes=audit.diff(before, audit.snapshot(question, ["status", "position"])),
    )
    return question


@transaction.atomic
def question_answer(
    *,
    question: Question,
    answer: str,
    commitments: Sequence[tuple[str, str, date]] = (),
    user: User | None = None,
) -> Question:
    """Records the answer given at the meeting and the commitments it made:
    (what, responsible, due date)."""
    if not answer.strip():
        raise ValidationError(_("Write down the answer."), code="empty")
    event = question.event
    if event.starts_at > timezone.now():
        raise ValidationError(
            _("Answers are recorded at the meeting, not before it."), code="early"
        )
    meeting_day = timezone.localdate(event.starts_at)
    if any(due_on < meeting_day for _what, _who, due_on in commitments):
        raise ValidationError(
            _("A commitment falls due after the meeting, not before."), code="due_on"
        )
    question.answer, question.status, question.answered_at = (
        answer.strip(),
        Question.Status.ANSWERED,
        timezone.now(),
    )
    question.save(update_fields=["answer", "status", "answered_at"])
    audit.record(question, actor=user, action="answered", changes={"answer": [None, answer]})
    for what, responsible, due_on in commitments:
        commitment = Commitment(
            event=question.event,
            question=question,
            what=what,
            responsible=responsible,
            due_on=due_on,
        )
        commitment.full_clean()
        commitment.save()
        audit.record(commitment, actor=user, action="created")
    return question


def commitments_overdue_notify(*, today: date | None = None) -> list[int]:
    """Daily (Celery beat): each commitment that has fallen overdue is reported once to its
    responsible (when their e-mail is known) and to the administration. The mark is set with
    a conditional update before the letter is queued in the same transaction, so a repeated
    or duplicated run never sends a second letter."""
    from accounts.roles import Role

    today = today or timezone.localdate()
    overdue = Commitment.objects.filter(
        done_on=None, due_on__lt=today, overdue_notified_at=None
    ).values_list("pk", flat=True)
    administration = list(
        User.objects.filter(groups__name=Role.ADMINISTRATION, is_active=True).values_list(
            "email", flat=True
        )
    )
    notified = []
    for pk in overdue:
        with transaction.atomic():
            taken = Commitment.objects.filter(pk=pk, overdue_notified_at=None).update(
                overdue_notified_at=timezone.now()
            )
            if not taken:
                continue
            commitment = Commitment.objects.select_related("event").get(pk=pk)
            recipients = sorted(set(administration) | {commitment.responsible_email} - {""})
            send_templated(
                "events/email/commitment_overdue",
                to=recipients,
                context={"commitment": commitment, "event": commitment.event},
            )
            audit.record(commitment, actor=None, action="overdue_notified")
            news.commitment_told(commitment, news.COMMITMENT_OVERDUE)
            notified.append(pk)
    return notified


@transaction.atomic
def commitment_done(
    *, commitment: Commitment, done_on: date, report: str, user: User | None = None
) -> Commitment:
    if done_on > timezone.localdate():
        raise ValidationError(_("A commitment cannot be done in the future."), code="future")
    commitment.done_on, commitment.report = done_on, report.strip()
    commitment.save(update_fields=["done_on", "report"])
    audit.record(
        commitment,
        actor=user,
        action="done",
        changes={"done_on": [None, done_on.isoformat()], "report": [None, commitment.report]},
    )
    news.commitment_told(commitment, news.COMMITMENT_DONE, user)
    return commitment
