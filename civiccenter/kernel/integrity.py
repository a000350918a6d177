"""Rows a unique constraint allows once: one vote, one stand, one live sign-up, one invitation.

The database is the final word when two requests of one person arrive at once; the service
then says what happened in its own words."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction


@contextmanager
def duplicate_refused(error: ValidationError) -> Iterator[None]:
    """Around creating such a row: the constraint's refusal becomes `error`. The savepoint
    keeps the caller's transaction usable."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as integrity_error:
        raise error from integrity_error
