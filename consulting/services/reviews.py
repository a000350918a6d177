"""Grant application reviews and their outcomes, which feed the registry's grant history."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from initiatives.models import Organisation
from initiatives.services.activity import record_activity
from initiatives.services.lifecycle import grant_add

from ..models import GrantReview

OUTCOME_FIELDS = ["outcome", "outcome_on", "granted_amount"]


@transaction.atomic
def review_create(
    *,
    organisation: Organisation,
    contest: str,
    requested_amount: Decimal,
    reviewer: User,
    reviewed_on: date,
    project_title: str = "",
) -> GrantReview:
    review = GrantReview(
        organisation=organisation,
        contest=contest,
        project_title=project_title,
        requested_amount=requested_amount,
        reviewer=reviewer,
        reviewed_on=reviewed_on,
    )
    review.full_clean()
    review.save()
    audit.record(review, actor=reviewer, action="created")
    record_activity(organisation_ids=[organisation.pk])
    return review


@transaction.atomic
def review_set_outcome(
    *,
    review: GrantReview,
    outcome: str,
    outcome_on: date,
    granted_amount: Decimal | None,
    user: User,
) -> GrantReview:
    """A won application becomes a grant in the initiative's history (once)."""
    review = GrantReview.objects.select_for_update().get(pk=review.pk)
    before = audit.snapshot(review, OUTCOME_FIELDS)
    if outcome == GrantReview.Outcome.WON and granted_amount is None:
        raise ValidationError(_("Enter the amount granted."), code="no_amount")
    if outcome_on < review.reviewed_on:
        raise ValidationError(
            _("The result cannot come before the review."), code="outcome_before_review"
        )
    won = granted_amount if outcome == GrantReview.Outcome.WON else None
    review.outcome = outcome
    review.outcome_on = outcome_on
    review.granted_amount = won
    if won is not None and review.grant is None:
        review.grant = grant_add(
            organisation=review.organisation,
            funder=review.contest,
            title=review.project_title,
            amount=won,
            year=outcome_on.year,
            awarded_on=outcome_on,
            user=user,
        )
    elif won is None and review.grant is not None:
        review.grant.delete()
        review.grant = None
    elif won is not None and review.grant is not None:
        review.grant.amount, review.grant.awarded_on = won, outcome_on
        review.grant.save(update_fields=["amount", "awarded_on"])
    review.full_clean()
    review.save()
    audit.record(
        review,
        actor=user,
        action="edited",
        changes=audit.diff(before, audit.snapshot(review, OUTCOME_FIELDS)),
    )
    record_activity(organisation_ids=[review.organisation_id])
    return review
