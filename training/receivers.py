"""What this app does when something happens in an app below it."""

from typing import Any

from accounts.models import User
from accounts.signals import consent_withdrawn
from civiccenter.kernel import versioned_cache

from .models import Programme, Session, SessionDay, Trainer
from .selectors import TRAINING_CACHE
from .services.enrolment import enrolments_cancel_on_withdrawal


def _stop_processing(sender: type, *, user: User, **kwargs: Any) -> None:
    enrolments_cancel_on_withdrawal(user=user)


def connect() -> None:
    versioned_cache.bump_on_change(TRAINING_CACHE, [Programme, Session, SessionDay, Trainer])
    consent_withdrawn.connect(_stop_processing, dispatch_uid="training.stop_processing")
