"""Numbers typed the Russian way are accepted wherever a form asks for one."""

from decimal import Decimal

import pytest
from django import forms

from civiccenter.kernel.numbers import DecimalField


class _Form(forms.Form):
    value = DecimalField(max_digits=14, decimal_places=2)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("11,5", Decimal("11.5")),
        ("11.5", Decimal("11.5")),
        ("1 234,50", Decimal("1234.50")),
        ("1\u00a0234,50", Decimal("1234.50")),
        ("1\u202f234", Decimal("1234")),
    ],
)
def test_russian_and_english_decimals_are_read(typed, expected):
    form = _Form({"value": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["value"] == expected


def test_letters_are_still_refused_in_russian():
    form = _Form({"value": "одиннадцать"})
    assert not form.is_valid()
    assert form.errors["value"] == ["Введите число."]
