"""Roadmaps of complex consulting: the milestones an initiative and its consultant keep."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from initiatives.models import Membership

from ..models import Milestone, Roadmap


def may_work_on(user: User, roadmap: Roadmap) -> bool:
    """The initiative's team and the consultant (and coordinators) see and update a roadmap."""
    return (
        user.has_perm("consulting.change_roadmap")
        or Membership.objects.filter(organisation=roadmap.organisation_id, user=user).exists()
    )


@transaction.atomic
def milestone_add(
    *, roadmap: Roadmap, user: User, title: str, owner: str, due_on: date, status: str
) -> Milestone:
    milestone = Milestone(
        roadmap=roadmap, title=title, owner=owner, due_on=due_on, status=status, updated_by=user
    )
    milestone.full_clean()
    milestone.save()
    audit.record(
        roadmap, actor=user, action="edited", changes={"milestones": [None, milestone.title]}
    )
    return milestone


@transaction.atomic
def milestone_set_status(*, milestone: Milestone, user: User, status: str) -> Milestone:
    """A milestone moves between planned, in progress, done and blocked."""
    if status not in Milestone.Status.values:
        raise ValidationError(_("Choose a status from the list."), code="unknown_status")
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    before = audit.snapshot(milestone, ["status"])
    milestone.status, milestone.updated_by = status, user
    milestone.save(update_fields=["status", "updated_by", "updated_at"])
    changes = audit.diff(before, audit.snapshot(milestone, ["status"]))
    if changes:
        audit.record(milestone, actor=user, action="edited", changes=changes)
    return milestone
