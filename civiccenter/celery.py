"""The portal's Celery application: Redis is the broker, Django settings configure it."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civiccenter.settings.local")

app = Celery("civiccenter")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
