"""A choice among a few records, such as the initiatives a person acts for.

Django's `ModelChoiceField` reads its options through `QuerySet.iterator()`, which on
PostgreSQL is a server-side cursor: DECLARE, FETCH and CLOSE, three round trips for a select
of two options (found: about a millisecond of the booking page's view, more than the rest of
its form). A list of a few records needs one plain query."""

from collections.abc import Iterator
from typing import Any

from django import forms


class _ListedChoiceIterator(forms.models.ModelChoiceIterator):
    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for record in self.queryset:
            yield self.choice(record)


class ShortModelChoiceField(forms.ModelChoiceField):
    """A `ModelChoiceField` for a queryset of a few records: its options read in one query."""

    iterator = _ListedChoiceIterator
