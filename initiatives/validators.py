"""Field validators with Russian, translatable messages."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from stdnum.exceptions import ValidationError as NumberError
from stdnum.ru import inn, ogrn

# Links shown on public pages: only web addresses, never javascript: or file: ones.
http_only = URLValidator(schemes=["http", "https"])

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}


def validate_inn(value: str) -> None:
    """An organisation's INN has 10 digits, a person's 12; both carry check digits."""
    try:
        inn.validate(value)
    except NumberError as error:
        raise ValidationError(
            _("This is not a valid INN: check the digits (10 for an organisation)."),
            code="invalid_inn",
        ) from error


def validate_ogrn(value: str) -> None:
    try:
        ogrn.validate(value)
    except NumberError as error:
        raise ValidationError(
            _("This is not a valid OGRN: check the 13 digits and the check digit."),
            code="invalid_ogrn",
        ) from error


def validate_logo(file) -> None:
    """The logo is checked by its content, not its name: a PNG, JPEG or WebP up to 2 MB."""
    if file.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is too large: %(size)s MB, at most 2 MB."),
            params={"size": f"{file.size / 1024 / 1024:.1f}"},
            code="logo_too_large",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("The logo must be a PNG, JPEG or WebP image."), code="logo_not_image"
        ) from error
    finally:
        file.seek(position)
    if kind not in LOGO_FORMATS:
        raise ValidationError(_("The logo must be a PNG, JPEG or WebP image."), code="logo_format")
