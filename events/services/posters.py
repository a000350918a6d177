"""The poster session: stand reports by a deadline, review, jury scores, a public vote."""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from civiccenter.kernel.integrity import duplicate_refused
from civiccenter.kernel.mail import send_templated
from initiatives.models import Membership, Organisation
from initiatives.services.activity import record_activity
from initiatives.services.team import membership_require

from ..models import Event, JuryScore, PublicVote, ReportComment, StandReport


@transaction.atomic
def report_submit(
    *,
    event: Event,
    organisation: Organisation,
    user: User,
    title: str,
    abstract: str,
    poster: File,
) -> StandReport:
    if reports_deadline_passed(event):
        raise ValidationError(
            _("Stand reports are no longer accepted for this event."), code="deadline"
        )
    membership_require(organisation=organisation, user=user)
    report = (
        StandReport.objects.select_for_update()
        .filter(event=event, organisation=organisation)
        .first()
    )
    if report is None:
        report = StandReport(
            event=event,
            organisation=organisation,
            submitted_by=user,
            title=title,
            abstract=abstract,
            poster=poster,
        )
    elif report.status not in StandReport.OPEN_TO_AUTHOR:
        raise ValidationError(
            _(
                "The report is already %(status)s. To change it, ask the centre's staff to "
                "reopen it."
            )
            % {"status": report.get_status_display().lower()},
            code="decided",
        )
    else:
        # A new version: reviewed again as «resubmitted» once changes were asked for.
        report.title, report.abstract = title, abstract
        if poster:
            report.poster = poster
        if report.status == StandReport.Status.CHANGES:
            report.status = StandReport.Status.RESUBMITTED
    report.full_clean()
    report.save()
    audit.record(report, actor=user, action="submitted")
    record_activity(organisation_ids=[organisation.pk])
    return report


@transaction.atomic
def report_review(
    *, report: StandReport, staff: User, status: str, comment: str = "", award: str | None = None
) -> StandReport:
    """Staff accept a report or send it back with a comment; an accepted report may carry an
    award (None: the award stays as it was)."""
    if status not in StandReport.DECISIONS:
        raise ValidationError(_("Choose the review's outcome."), code="unknown_status")
    if status == StandReport.Status.CHANGES and not comment.strip():
        raise ValidationError(_("Say what should be changed."), code="no_comment")
    before = audit.snapshot(report, ["status", "award"])
    report.status = status
    if award is not None:
        report.award = award.strip() if status == StandReport.Status.ACCEPTED else ""
    report.save(update_fields=["status", "award", "updated_at"])
    if comment.strip():
        ReportComment.objects.create(report=report, author=staff, text=comment.strip())
    audit.record(
        report,
        actor=staff,
        action="reviewed",
        changes={**audit.diff(before, audit.snapshot(report, ["status", "award"]))},
    )
    send_templated(
        "events/email/report_reviewed",
        to=[report.submitted_by.email] if report.submitted_by.is_active else [],
        context={"report": report, "event": report.event, "comment": comment.strip()},
    )
    return report


def may_score(*, report: StandReport, user: User) -> bool:
    """The event's jury scores its reports: named people, not anyone with a permission."""
    return report.event.jury.filter(pk=user.pk).exists()


def voting_is_open(event: Event) -> bool:
    closes_at = event.voting_closes_at or event.ends_at
    return timezone.now() < closes_at


def reports_deadline_passed(event: Event) -> bool:
    return event.reports_deadline is None or timezone.now() > event.reports_deadline


def jury_score(*, report: StandReport, juror: User, criterion: str, score: int) -> JuryScore:
    if not may_score(report=report, user=juror):
        raise ValidationError(_("Only the event's jury scores the reports."), code="not_jury")
    if criterion not in JuryScore.Criterion.values:
        raise ValidationError(_("Choose a criterion from the list."), code="unknown_criterion")
    if not 1 <= score <= 10:
        raise ValidationError(_("A score is from 1 to 10."), code="range")
    result, _created = JuryScore.objects.update_or_create(
        report=report, juror=juror, criterion=criterion, defaults={"score": score}
    )
    audit.record(
        report,
        actor=juror,
        action="scored",
        changes={result.get_criterion_display(): [None, score]},
    )
    return result


def vote(*, report: StandReport, user: User) -> PublicVote:
    """One vote per account per event, for an accepted report of somebody else's."""
    if report.status != StandReport.Status.ACCEPTED:
        raise ValidationError(_("You can vote only for accepted reports."), code="not_accepted")
    if not voting_is_open(report.event):
        raise ValidationError(_("Voting for this event is closed."), code="voting_closed")
    if (
        report.submitted_by_id == user.pk
        or Membership.objects.filter(organisation=report.organisation_id, user=user).exists()
    ):
        raise ValidationError(
            _("You cannot vote for a report of your own initiative."), code="own_report"
        )
    with duplicate_refused(
        ValidationError(_("You have already voted at this event."), code="twice")
    ):
        return PublicVote.objects.create(event_id=report.event_id, report=report, user=user)
