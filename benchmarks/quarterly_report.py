"""Quarterly report benchmark: the report's numbers, the whole PDF and XLSX, peak memory.

Run with `scripts/benchmark quarterly_report` (fills the benchmarks' database first when needed:
1,000,000 logged consultations, 10,000 registry records). Goals
(issue 8): numbers under 1 s, the whole PDF under 10 s, peak memory under 500 MB, a
passport PDF under 2 s.
"""

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiccenter.settings.local")
os.environ["DEBUG"] = "false"
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from benchmarks.data import dataset_ensure  # noqa: E402
from civiccenter.kernel.quarters import Quarter  # noqa: E402
from consulting.models import ConsultationLog  # noqa: E402
from portal.models import PracticePassport, QuarterlyReport  # noqa: E402
from portal.reporting import quarter_figures  # noqa: E402
from portal.services import passports  # noqa: E402
from portal.services.reports import report_generate  # noqa: E402

RUNS = 5
ROOT = Path(__file__).resolve().parents[1]


def time_passport_pdf() -> list[float]:
    """Seed 003's passport (the Zarechny forum), rendered three times."""
    data = json.loads((ROOT / "portal/demo/passports/zarechny.json").read_text(encoding="utf-8"))
    tables = data.pop("tables")
    author = get_user_model().objects.order_by(
        "pk"
    ).first() or get_user_model().objects.create_user(email="bench-author@example.org")
    passport = passports.passport_save(
        author=author,
        fields={k: v for k, v in data.items() if k in passports.FIELDS},
        tables=tables,
    )
    timings = []
    for _ in range(3):
        PracticePassport.objects.filter(pk=passport.pk).update(pdf_state="pending", pdf_version=0)
        started = time.perf_counter()
        passports.passport_pdf_generate(passport_id=passport.pk, version=passport.version)
        timings.append(time.perf_counter() - started)
    return timings


def main() -> int:
    dataset_ensure(registrations=False)
    quarter = Quarter.current().previous()
    numbers = []
    for _ in range(RUNS):
        started = time.perf_counter()
        figures = quarter_figures(quarter)
        numbers.append(time.perf_counter() - started)
    report, _created = QuarterlyReport.objects.get_or_create(
        year=quarter.year,
        quarter=quarter.number,
        defaults={"requested_at": django.utils.timezone.now()},
    )
    documents = []
    for _ in range(3):
        QuarterlyReport.objects.filter(pk=report.pk).update(
            state="queued", generation=report.generation + 1
        )
        report.refresh_from_db()
        started = time.perf_counter()
        report = report_generate(report_id=report.pk, generation=report.generation)
        documents.append(time.perf_counter() - started)
    passport_times = time_passport_pdf()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with report.pdf.open("rb") as handle:
        pdf_size = len(handle.read())
    numbers_ms = statistics.median(numbers) * 1000
    documents_s = statistics.median(documents)
    print(
        f"log entries: {ConsultationLog.objects.count()}; quarter {quarter}: {figures['rows'][0].quarter} consulting hours"
    )
    print(f"report numbers, median of {RUNS}: {numbers_ms:.0f} ms (goal: < 1000 ms)")
    print(
        f"PDF and XLSX, median of 3: {documents_s:.2f} s (goal: < 10 s), PDF {pdf_size // 1024} KiB"
    )
    print(f"peak memory of the process: {peak_mb:.0f} MB (goal: < 500 MB)")
    passport_s = statistics.median(passport_times)
    print(f"passport PDF (seed 003, all sections), median of 3: {passport_s:.2f} s (goal: < 2 s)")
    ok = max(numbers) < 1 and max(documents) < 10 and peak_mb < 500 and max(passport_times) < 2
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
