"""Names for uploaded files: generated, never the uploader's.

A stored name built from the visitor's file name leaks it (people name scans after
themselves), lets one upload's URL be guessed from another's and invites path and encoding
tricks. Every upload gets a random name in its folder. The extension comes from the file's
first bytes — the field's validator has already checked them — so a PDF sent as
"poster.exe" is stored and served as a PDF; the original name is kept, where it matters,
in a model field of its own (imports)."""

import uuid
from pathlib import PurePosixPath

from django.db.models import Model
from django.utils import timezone
from django.utils.deconstruct import deconstructible

SIGNATURES = (
    (b"%PDF-", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"PK\x03\x04", ".xlsx"),
)


def extension_from_content(head: bytes) -> str:
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    return next((suffix for signature, suffix in SIGNATURES if head.startswith(signature)), "")


@deconstructible
class GeneratedName:
    """`upload_to` for a file field: "<folder with strftime codes>/<32 hex digits><ext>".

    `extensions` lists what the field accepts; an extension outside it is dropped, so the
    file is served as application/octet-stream rather than as something it is not."""

    def __init__(self, folder: str, field: str, extensions: tuple[str, ...]):
        self.folder = folder
        self.field = field
        self.extensions = tuple(extensions)

    def __call__(self, instance: Model, filename: str) -> str:
        suffix = self._suffix(instance, filename)
        folder = timezone.now().strftime(self.folder).rstrip("/")
        return f"{folder}/{uuid.uuid4().hex}{suffix}"

    def _suffix(self, instance: Model, filename: str) -> str:
        suffix = extension_from_content(self._head(instance))
        if not suffix:
            suffix = PurePosixPath(filename).suffix.lower().replace(".jpeg", ".jpg")
        return suffix if suffix in self.extensions else ""

    def _head(self, instance: Model) -> bytes:
        # Only a file just assigned to the field (a form upload) is uncommitted; when code
        # calls `field_file.save(name, content)` the field still holds the previous file,
        # and the name passed in is trusted instead.
        field_file = getattr(instance, self.field, None)
        if not field_file or getattr(field_file, "_committed", True):
            return b""
        content = field_file.file
        position = content.tell()
        content.seek(0)
        head = content.read(12)
        content.seek(position)
        return head if isinstance(head, bytes) else b""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GeneratedName) and (
            (self.folder, self.field, self.extensions)
            == (other.folder, other.field, other.extensions)
        )
