"""Numbers as people in Russia type them: «11,5», «11.5», «1 234,50» (with a space, a
non-breaking or a thin space between thousands) all mean what they say.

Found: a consultant typing «11,5» hours got «Введите число.» — a number input and Django's
DecimalField take only the dot. Forms use `DecimalField` below with a text input that opens
the numeric keyboard on a phone (`inputmode="decimal"`)."""

import re
from decimal import Decimal
from typing import Any

from django import forms

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")


def normalised(text: str) -> str:
    """«1 234,50» → «1234.50»; anything not a number is left for the field to refuse."""
    return _SPACES.sub("", text).replace(",", ".")


def parse_decimal(text: str) -> Decimal:
    """Decimal of a number typed the Russian or the English way (InvalidOperation if none)."""
    return Decimal(normalised(text))


class DecimalField(forms.DecimalField):
    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, str):
            value = normalised(value)
        return super().to_python(value)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # No step/min/max attributes: they belong to a number input, which this is not.
        return {}
