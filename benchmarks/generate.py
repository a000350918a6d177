"""The benchmarks' data set on its own: `scripts/benchmark generate` fills civiccenter_bench
with 10,000 registry records, 1,000,000 logged consultations and 100,000 event registrations
(benchmarks/data.py) and prints the counts. Every other benchmark does the same first."""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiccenter.settings.local")
os.environ["DEBUG"] = "false"
django.setup()

from benchmarks.data import dataset_ensure  # noqa: E402
from consulting.models import ConsultationLog  # noqa: E402
from events.models import Event, Registration  # noqa: E402
from initiatives.models import Organisation  # noqa: E402


def main() -> int:
    dataset_ensure()
    print(f"registry records:     {Organisation.objects.count():>9}")
    print(f"logged consultations: {ConsultationLog.objects.count():>9}")
    print(f"events:               {Event.objects.count():>9}")
    print(f"event registrations:  {Registration.objects.count():>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
