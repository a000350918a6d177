"""The portal's Celery application: Redis is the broker, Django settings configure it.

Every task is a `BackgroundJob` (civiccenter/kernel/jobs.py): one policy of retries and of
recording failures for reports, passport PDFs, certificates, imports, e-mails and beat's
sweeps alike."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiccenter.settings.local")

app = Celery("civiccenter", task_cls="civiccenter.kernel.jobs:BackgroundJob")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
