"""What this app does when something happens in an app below it."""

from typing import Any

from accounts.models import User
from accounts.signals import consent_withdrawn
from civiccenter.kernel import versioned_cache

from . import slot_cache
from .models import Consultant, ConsultingTopic
from .selectors import CONSULTING_CACHE
from .services.bookings import bookings_cancel_on_withdrawal


def _stop_processing(sender: type, *, user: User, **kwargs: Any) -> None:
    bookings_cancel_on_withdrawal(user=user)


def connect() -> None:
    versioned_cache.bump_on_change(CONSULTING_CACHE, [ConsultingTopic, Consultant])
    consent_withdrawn.connect(_stop_processing, dispatch_uid="consulting.stop_processing")
    slot_cache.connect()
