from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from initiatives.models import Membership
from initiatives.services.activity import record_activity
from initiatives.tasks import dormancy_sweep
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiet(activist):
    organisation = OrganisationFactory(name="Тихий клуб", last_activity_at=timezone.now())
    Membership.objects.create(organisation=organisation, user=activist, role="leader")
    return organisation


def _sweep(at, capture):
    with time_machine.travel(at, tick=False), capture(execute=True):
        return dormancy_sweep.delay().get()


def test_leaders_are_warned_then_the_record_becomes_dormant(
    quiet, activist, settings, django_capture_on_commit_callbacks
):
    settings.REGISTRY_DORMANCY_AFTER_DAYS = 180
    settings.REGISTRY_DORMANCY_WARNING_DAYS = 14
    start = timezone.now()

    assert _sweep(start + timedelta(days=100), django_capture_on_commit_callbacks)["warned"] == []
    result = _sweep(start + timedelta(days=170), django_capture_on_commit_callbacks)
    assert result["warned"] == [quiet.pk]
    assert mail.outbox[-1].to == [activist.email]
    assert "Тихий клуб" in mail.outbox[-1].subject
    # The warning goes once.
    assert _sweep(start + timedelta(days=175), django_capture_on_commit_callbacks)["warned"] == []

    result = _sweep(start + timedelta(days=185), django_capture_on_commit_callbacks)
    quiet.refresh_from_db()
    assert result["made_dormant"] == [quiet.pk]
    assert quiet.status == "dormant"
    assert quiet.status_changes.last().reason == "Нет активности 180 дн."
    assert len(mail.outbox) == 1


def test_activity_after_the_warning_keeps_the_record_alive(
    quiet, django_capture_on_commit_callbacks
):
    start = timezone.now()
    _sweep(start + timedelta(days=170), django_capture_on_commit_callbacks)

    with time_machine.travel(start + timedelta(days=172), tick=False):
        record_activity(organisation_ids=[quiet.pk])

    result = _sweep(start + timedelta(days=190), django_capture_on_commit_callbacks)
    quiet.refresh_from_db()
    assert result["made_dormant"] == [] and quiet.status == "active"
    assert quiet.dormancy_warned_at is None


def test_activity_wakes_a_dormant_record():
    organisation = OrganisationFactory(status="dormant")

    record_activity(organisation_ids=[organisation.pk])

    organisation.refresh_from_db()
    assert organisation.status == "active"
    assert organisation.status_changes.last().reason == "Активность возобновилась"


def test_activity_never_moves_the_clock_back():
    organisation = OrganisationFactory(last_activity_at=timezone.now())
    earlier = timezone.now() - timedelta(days=30)

    record_activity(organisation_ids=[organisation.pk], at=earlier)

    organisation.refresh_from_db()
    assert organisation.last_activity_at > earlier
