"""The poster session: stand reports by a deadline, review, jury scores, a public vote."""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from civiccenter.kernel.integrity import duplicate_refused
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
    if event.reports_deadline is None or timezone.now() > event.reports_deadline:
        raise ValidationError(
            _("Stand reports are no longer accepted for this event."), code="deadline"
        )
    membership_require(organisation=organisation, user=user)
    report, _created = StandReport.objects.get_or_create(
        event=event,
        organisation=organisation,
        defaults={"submitted_by": user, "title": title, "abstract": abstract, "poster": poster},
    )
    if not _created:
        report.title, report.abstract, report.poster = title, abstract, poster
        report.status = StandReport.Status.SUBMITTED
    report.full_clean()
    report.save()
    audit.record(report, actor=user, action="submitted")
    record_activity(organisation_ids=[organisation.pk])
    return report


@transaction.atomic
def report_review(
    *, report: StandReport, staff: User, status: str, comment: str = ""
) -> StandReport:
    if status not in StandReport.Status.values:
        raise ValidationError(_("Choose the review's outcome."), code="unknown_status")
    if status == StandReport.Status.CHANGES and not comment.strip():
        raise ValidationError(_("Say what should be changed."), code="no_comment")
    before = audit.snapshot(report, ["status"])
    report.status = status
    report.save(update_fields=["status", "updated_at"])
    if comment.strip():
        ReportComment.objects.create(report=report, author=staff, text=comment.strip())
    audit.record(
        report,
        actor=staff,
        action="reviewed",
        changes={**audit.diff(before, audit.snapshot(report, ["status"]))},
    )
    return report


def jury_score(*, report: StandReport, juror: User, criterion: str, score: int) -> JuryScore:
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
