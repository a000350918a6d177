"""Field validators with Russian, translatable messages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from stdnum.exceptions import ValidationError as NumberError
from stdnum.ru import inn, ogrn

# Links shown on public pages are checked by civiccenter.kernel.safe_links.validate_public_url:
# web pages on the open internet only (no javascript:, file:, loopback or private addresses).

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
    """The logo is checked by its content, not its name: a PNG, JPEG or WebP up to 2 MB. Each
    refusal says what was wrong: too large, a drawing (SVG), not an image, a damaged file."""
    if file.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is too large: %(size)s MB, at most 2 MB."),
            params={"size": f"{file.size / 1024 / 1024:.1f}".replace(".", ",")},
            code="logo_too_large",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        head = file.read(512)
        file.seek(0)
        if head.lstrip()[:5] in (b"<?xml", b"<svg ", b"<svg>") or b"<svg" in head[:512]:
            raise ValidationError(
                _("SVG drawings are not accepted as logos: save the logo as PNG and upload it."),
                code="logo_svg",
            )
        try:
            image = Image.open(file)
        except UnidentifiedImageError as error:
            raise ValidationError(
                _("This file is not an image: upload the logo as PNG, JPEG or WebP."),
                code="logo_not_image",
            ) from error
        kind = image.format
        try:
            image.verify()
        except (OSError, SyntaxError, ValueError) as error:
            raise ValidationError(
                _("The image file is damaged or incomplete: save it again and upload it."),
                code="logo_damaged",
            ) from error
    finally:
        file.seek(position)
    if kind not in LOGO_FORMATS:
        raise ValidationError(
            _("A %(format)s image is not accepted: upload the logo as PNG, JPEG or WebP."),
            params={"format": kind},
            code="logo_format",
        )
