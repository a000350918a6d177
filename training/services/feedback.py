"""The short survey after a session: one answer per enrolment."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civiccenter.kernel import audit
from civiccenter.kernel.integrity import duplicate_refused

from ..models import Enrolment, Feedback


@transaction.atomic
def feedback_submit(*, enrolment: Enrolment, rating: int, comments: str = "") -> Feedback:
    """Records the attendee's rating (1 to 5) and comments, once: a second answer — two tabs,
    a double click — is refused, whichever arrives second."""
    if not 1 <= rating <= 5:
        raise ValidationError(_("Choose a rating from 1 to 5."), code="rating")
    feedback = Feedback(enrolment=enrolment, rating=rating, comments=comments.strip())
    feedback.full_clean(exclude=["enrolment"])
    with duplicate_refused(
        ValidationError(_("Thank you, your answer is already recorded."), code="twice")
    ):
        feedback.save()
    audit.record(
        enrolment,
        actor=enrolment.user,
        action="answered",
        changes={"rating": [None, rating]},
        label=str(enrolment),
    )
    return feedback
