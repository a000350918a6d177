"""What the followers of a training programme are told (follows app): a session planned or
cancelled."""

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from follows.services import notify_followers

from ..models import Session


def _told(session: Session, text: Promise, user: User | None) -> int:
    first = session.days.order_by("starts_at").values_list("starts_at", flat=True).first()
    return notify_followers(
        session.programme,
        text=text,
        params={
            "programme": session.programme.title,
            "when": timezone.localtime(first).date() if first else "",
            "place": session.place,
        },
        url=reverse("training:session", args=[session.pk]),
        actor=user,
    )


def session_planned(session: Session, user: User | None) -> int:
    return _told(
        session, _("«%(programme)s»: a new session from %(when)s, %(place)s; enrolment open"), user
    )


def session_cancelled(session: Session, user: User | None) -> int:
    return _told(session, _("«%(programme)s»: the session from %(when)s is cancelled"), user)
