"""Phone numbers: parsed with Google's libphonenumber (the `phonenumbers` package), stored in
E.164 (`+73422123456`) and shown in the international Russian style (`+7 342 212-34-56`).
A number typed without a country code is read as Russian («8 (342) 212-34-56»)."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGION = "RU"
INVALID = _("Enter a phone number with its area code, e.g. +7 342 212-34-56.")


def normalise_phone(text: str) -> str:
    """E.164 of a typed number; "" for an empty one; ValidationError for anything else."""
    text = (text or "").strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(INVALID, code="invalid_phone") from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(INVALID, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_phone(value: str) -> None:
    """For a model field: the stored value is a valid number in E.164."""
    if value and normalise_phone(value) != value:
        raise ValidationError(INVALID, code="invalid_phone")


def display_phone(value: str) -> str:
    """`+73422123456` → `+7 342 212-34-56`; anything unparseable is shown as it is."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, REGION)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
