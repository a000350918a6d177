"""The top app's Celery tasks, for the worker's autodiscovery; each lives beside its service."""

from .services.newsletters import resume_newsletters, send_newsletter_batch
from .services.passports import generate_passport_pdf, resend_stale_passports
from .services.reports import (
    generate_quarterly_report,
    request_quarterly_report,
    resend_stale_reports,
)

__all__ = [
    "generate_passport_pdf",
    "generate_quarterly_report",
    "request_quarterly_report",
    "resend_stale_passports",
    "resend_stale_reports",
    "resume_newsletters",
    "send_newsletter_batch",
]
