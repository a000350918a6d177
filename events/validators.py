from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

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
