"""Serving uploaded files through Django's storage API, so that every web server (or S3)
serves the same files. Only the public folders are served here — logos and posters; imports,
certificates, reports and passports have their own views that check who is asking."""

import mimetypes
from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_safe

PUBLIC_FOLDERS = ("logos", "posters")


@require_safe
def serve(request: HttpRequest, path: str) -> FileResponse:
    parts = PurePosixPath(path).parts
    if not parts or parts[0] not in PUBLIC_FOLDERS or ".." in parts:
        raise Http404
    if not default_storage.exists(path):
        raise Http404
    content_type, _encoding = mimetypes.guess_type(path)
    response = FileResponse(
        default_storage.open(path, "rb"),
        content_type=content_type or "application/octet-stream",
        as_attachment=False,
        filename=PurePosixPath(path).name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response
