"""What this app does when something happens in an app below it."""

from typing import Any

from django.apps import apps

from accounts.models import User
from accounts.signals import consent_withdrawn
from civiccenter.kernel import versioned_cache

from .selectors import EVENTS_CACHE
from .services.registration import registrations_cancel_on_withdrawal


def _stop_processing(sender: type, *, user: User, **kwargs: Any) -> None:
    registrations_cancel_on_withdrawal(user=user)


def connect() -> None:
    versioned_cache.bump_on_change(EVENTS_CACHE, apps.get_app_config("events").get_models())
    consent_withdrawn.connect(_stop_processing, dispatch_uid="events.stop_processing")
