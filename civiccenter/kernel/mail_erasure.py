"""Letters that name a person whose data is erased: the outbox's copies (queued, failed or
kept as sent) and, in development, the mail folder's files (settings.MAILERS with a
`file_path`). A letter already delivered lives at the recipient's provider, not here."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import TextField
from django.db.models.functions import Cast

from .models import OutgoingEmail
from .personal_data import Identity


def erase_letters(user: Any, identity: Identity) -> int:
    if not identity.email:
        return 0
    deleted, _ = (
        OutgoingEmail.objects.annotate(recipients=Cast("to", TextField()))
        .filter(recipients__icontains=identity.email)
        .delete()
    )
    return deleted + _mail_folder_erase(identity.email)


def _mail_folder_erase(address: str) -> int:
    removed = 0
    for mailer in settings.MAILERS.values():
        folder = mailer.get("OPTIONS", {}).get("file_path")
        if not folder or not Path(folder).is_dir():
            continue
        for letter in Path(folder).iterdir():
            if letter.is_file() and address.lower() in letter.read_text("utf-8", "replace").lower():
                letter.unlink()
                removed += 1
    return removed
