from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

POSTER_MAX_BYTES = 10 * 1024 * 1024


def validate_poster(file) -> None:
    """A poster is a PDF, PNG or JPEG up to 10 MB, recognised by its first bytes."""
    if file.size > POSTER_MAX_BYTES:
        raise ValidationError(_("The poster is too large: at most 10 MB."), code="poster_too_large")
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(8)
    file.seek(position)
    if not (
        head.startswith(b"%PDF-")
        or head.startswith(b"\x89PNG\r\n\x1a\n")
        or head.startswith(b"\xff\xd8\xff")
    ):
        raise ValidationError(_("The poster must be a PDF, PNG or JPEG file."), code="poster_type")
    if not head.startswith(b"%PDF-"):
        _verify_image(file, position)


def _verify_image(file, position: int) -> None:
    try:
        file.seek(0)
        with Image.open(file) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("The poster's image file is damaged or incomplete: save it again and upload it."),
            code="poster_damaged",
        ) from error
    finally:
        file.seek(position)
