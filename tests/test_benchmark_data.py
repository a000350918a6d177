"""The benchmarks' data set is written partly by raw SQL: it must keep up with the schema
(found: a new NOT NULL column of accounts made the load run fail at its first step)."""

import pytest

from benchmarks.data import fill_consultations, fill_event_registrations, fill_registry
from consulting.models import ConsultationLog
from events.models import Registration
from initiatives.models import Organisation

pytestmark = pytest.mark.django_db


def test_the_benchmark_data_set_fills_a_database_of_the_current_schema():
    assert fill_registry(40) == 40
    assert fill_consultations(120) == 120
    assert fill_event_registrations(600) == 600

    assert Organisation.objects.count() == 40
    assert ConsultationLog.objects.filter(consultants__isnull=False).count() == 120
    assert Registration.objects.count() == 600
    # Topped up, not doubled: a second call adds nothing.
    assert fill_consultations(120) == 0 and fill_event_registrations(600) == 0
