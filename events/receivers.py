"""What this app does when something happens in an app below it."""

from typing import Any

from accounts.models import User
from accounts.signals import consent_withdrawn

from .services.registration import registrations_cancel_on_withdrawal


def _stop_processing(sender: type, *, user: User, **kwargs: Any) -> None:
    registrations_cancel_on_withdrawal(user=user)


def connect() -> None:
    consent_withdrawn.connect(_stop_processing, dispatch_uid="events.stop_processing")
