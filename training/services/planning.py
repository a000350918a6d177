"""What the centre's staff do with training: programmes, trainers, sessions of one or several
days and their places, and a session copied for its next run. Every change goes into the
audit trail (`civiccenter.kernel.editing`)."""

from datetime import date, datetime
from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import BaseInlineFormSet, ModelForm
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit, editing
from civiccenter.kernel.mail import send_templated

from ..models import Enrolment, Programme, Session, SessionDay, Trainer
from . import news
from .enrolment import places_taken, promote_from_waitlist, too_few_places


@transaction.atomic
def programme_save(*, form: ModelForm, user: User) -> Programme:
    return cast(Programme, editing.save_model_form(form, actor=user))


@transaction.atomic
def trainer_save(*, form: ModelForm, user: User) -> Trainer:
    return cast(Trainer, editing.save_model_form(form, actor=user))


@transaction.atomic
def session_save(*, form: ModelForm, days: BaseInlineFormSet, user: User) -> Session:
    """A session and its days. Places may not fall below the people enrolled; places added go
    to the waitlist first (training's rule, shared with events)."""
    session = cast(Session, form.instance)
    is_new = session.pk is None
    if not is_new:
        Session.objects.select_for_update().get(pk=session.pk)
        taken = places_taken(session)
        if form.cleaned_data["capacity"] < taken:
            raise ValidationError(too_few_places(taken), code="capacity")
    session = cast(Session, editing.save_model_form(form, actor=user))
    days.instance = session
    editing.save_formset(days, actor=user)
    promote_from_waitlist(session)
    if is_new:
        news.session_planned(session, user)
    return session


@transaction.atomic
def session_copy(*, session: Session, starts_on: date, user: User) -> Session:
    """The next run of a session: the same programme, place, places and trainers; its days
    moved so that the first falls on `starts_on`, at the same hours. Enrolments stay behind."""
    days = list(session.days.order_by("starts_at"))
    if not days:
        raise ValidationError(_("The session has no days to copy."), code="no_days")
    first = timezone.localtime(days[0].starts_at)
    shift = timezone.make_aware(datetime.combine(starts_on, first.time())) - days[0].starts_at
    trainers = list(session.trainers.all())
    copy = Session.objects.create(
        programme=session.programme,
        place=session.place,
        capacity=session.capacity,
        note=session.note,
    )
    copy.trainers.set(trainers)
    SessionDay.objects.bulk_create(
        SessionDay(session=copy, starts_at=day.starts_at + shift, ends_at=day.ends_at + shift)
        for day in days
    )
    audit.record(copy, actor=user, action="created", changes={"copied from": [None, str(session)]})
    news.session_planned(copy, user)
    return copy


@transaction.atomic
def session_cancel(*, session: Session, user: User) -> Session:
    """Cancels a session that has not ended: it leaves the schedule and its hours leave the
    totals, and everyone enrolled or waiting gets a letter. Cancelling twice changes nothing."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.is_cancelled:
        return session
    last = session.days.order_by("-ends_at").values_list("ends_at", flat=True).first()
    if last is not None and last <= timezone.now():
        raise ValidationError(_("The session is over: it can no longer be cancelled."), code="past")
    session.is_cancelled = True
    session.save(update_fields=["is_cancelled"])
    audit.record(session, actor=user, action="cancelled")
    news.session_cancelled(session, user)
    live = session.enrolments.filter(
        status__in=[Enrolment.Status.ENROLLED, Enrolment.Status.WAITLISTED], user__is_active=True
    ).select_related("user")
    for enrolment in live:
        send_templated(
            "training/email/session_cancelled",
            to=[enrolment.user.email],
            context={"session": session, "programme": session.programme},
        )
    return session
