"""Certificates of participation: requested by the attendee, made by Celery with WeasyPrint,
kept in the configured storage, checked by a public code."""

import hashlib
from datetime import datetime
from decimal import Decimal

from celery import shared_task
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Sum
from django.db.models.functions import Extract
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from civiccenter.kernel import audit
from civiccenter.kernel.jobs import BackgroundJob, JobState, enqueue, enqueue_after_commit
from civiccenter.kernel.links import portal_url
from civiccenter.kernel.pdf import render_pdf

from ..models import Attendance, Certificate, Enrolment

CERTIFICATE_JOB = JobState(
    Certificate,
    queued=Certificate.State.PENDING,
    running=Certificate.State.RUNNING,
    failed=Certificate.State.FAILED,
    finished_at="generated_at",
)


def attended_hours(enrolment: Enrolment) -> Decimal:
    seconds = (
        Attendance.objects.filter(enrolment=enrolment, present=True).aggregate(
            total=Sum(Extract(F("day__ends_at") - F("day__starts_at"), "epoch"))
        )["total"]
        or 0
    )
    return (Decimal(seconds) / 3600).quantize(Decimal("0.01"))


@transaction.atomic
def certificate_request(*, enrolment: Enrolment, user: User) -> Certificate:
    """An attendee who came at least once asks for a certificate, which Celery makes; asking
    again returns the same one."""
    if enrolment.user_id != user.pk:
        raise ValidationError(_("This is not your enrolment."), code="not_yours")
    if not Attendance.objects.filter(enrolment=enrolment, present=True).exists():
        raise ValidationError(
            _("A certificate is issued to those who attended."), code="not_attended"
        )
    certificate, created = Certificate.objects.get_or_create(
        enrolment=enrolment, defaults={"requested_at": timezone.now()}
    )
    if created:
        audit.record(enrolment, actor=user, action="requested", label=str(enrolment))
    if certificate.state == Certificate.State.FAILED:
        Certificate.objects.filter(pk=certificate.pk).update(error="")
        CERTIFICATE_JOB.queue(certificate.pk)
        certificate.refresh_from_db()
    if certificate.state == Certificate.State.PENDING:
        # Asking again while it waits sends the job again: a lost message is replaced at once,
        # and a duplicate does nothing (the job is leased).
        enqueue_after_commit(generate_certificate, certificate.pk)
    return certificate


def certificate_generate(*, certificate_id: int) -> Certificate:
    """Renders the PDF and stores it. A duplicate while another worker makes it, or a repeat
    once it is made, does nothing."""
    if not CERTIFICATE_JOB.take(certificate_id):
        return Certificate.objects.get(pk=certificate_id)
    certificate = Certificate.objects.select_related(
        "enrolment__user", "enrolment__session__programme"
    ).get(pk=certificate_id)
    enrolment = certificate.enrolment
    hours = attended_hours(enrolment)
    days = list(enrolment.session.days.all())
    context = {
        "certificate": certificate,
        "person": enrolment.user.get_full_name() or enrolment.user.email,
        "programme": enrolment.session.programme,
        "session": enrolment.session,
        "first_day": days[0].starts_at if days else None,
        "last_day": days[-1].starts_at if days else None,
        "hours": hours,
        "centre_name": settings.CENTRE_NAME,
        "centre_city": settings.CENTRE_CITY,
        "verify_url": portal_url("training:verify", certificate.code),
        "issued_on": timezone.localdate(),
    }
    with translation.override(settings.LANGUAGE_CODE):
        pdf = render_pdf(render_to_string("training/certificate.html", context))
    name = f"certificate-{certificate.code}.pdf"
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        old = locked.file.name if locked.file else None
        locked.file.save(name, ContentFile(pdf), save=False)
        locked.state = Certificate.State.READY
        locked.checksum = hashlib.sha256(pdf).hexdigest()
        locked.hours = hours
        locked.generated_at = timezone.now()
        locked.error = ""
        locked.save()
    if old and old != locked.file.name:
        locked.file.storage.delete(old)
    return locked


def certificate_resend_stale(*, now: datetime | None = None) -> list[int]:
    """Celery beat: certificates whose task was lost are queued again."""
    return CERTIFICATE_JOB.resend_stale(
        lambda certificate: enqueue(generate_certificate, certificate.pk), now=now
    )


@shared_task(base=BackgroundJob, job_state=CERTIFICATE_JOB)
def generate_certificate(certificate_id: int) -> str:
    """Makes a certificate's PDF (retries and failures: civiccenter/kernel/jobs.py)."""
    return certificate_generate(certificate_id=certificate_id).state
