"""What the followers of an event series and of a commitment are told (follows app)."""

from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from follows.services import notify_followers

from ..models import Commitment, Event

# The fields of an event whose change its series' followers hear of.
TOLD_WHEN_CHANGED = ("starts_at", "ends_at", "venue", "city", "time_zone")


def _series_told(event: Event, text: Promise, user: User | None) -> int:
    series = event.series
    if series is None:
        return 0
    return notify_followers(
        series,
        text=text,
        params={
            "series": series.title,
            "title": event.title,
            "when": timezone.localtime(event.starts_at, ZoneInfo(event.time_zone)),
        },
        url=reverse("events:event", args=[event.slug]),
        actor=user,
    )


def event_announced(event: Event, user: User | None) -> int:
    return _series_told(event, _("«%(series)s»: a new event «%(title)s», %(when)s"), user)


def event_changed(event: Event, changed: list[str], user: User | None) -> int:
    if not set(changed) & set(TOLD_WHEN_CHANGED):
        return 0
    return _series_told(
        event, _("«%(title)s» (%(series)s) has a new time or place: %(when)s"), user
    )


def event_cancelled(event: Event, user: User | None) -> int:
    return _series_told(event, _("«%(title)s» (%(series)s), %(when)s, is cancelled"), user)


def commitment_told(commitment: Commitment, text: Promise, user: User | None = None) -> int:
    """`text` may use %(what)s, %(due)s and %(done)s."""
    return notify_followers(
        commitment,
        text=text,
        params={
            "what": commitment.what[:200],
            "due": commitment.due_on,
            "done": commitment.done_on or "",
        },
        url=reverse("events:commitments") + f"#commitment-{commitment.pk}",
        actor=user,
    )


COMMITMENT_DONE = _("The commitment «%(what)s» is done (%(done)s)")
COMMITMENT_OVERDUE = _("The commitment «%(what)s» is overdue: it was due on %(due)s")
COMMITMENT_NEW_DUE = _("The commitment «%(what)s» is now due on %(due)s")
