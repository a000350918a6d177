from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from civiccenter.kernel import erasure_journal
from civiccenter.kernel.backup import restore


class Command(BaseCommand):
    help = (
        "Restores the database and the media files from a backup folder (replaces what is "
        "there), then erases again everyone the erasure journal lists since the backup."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)

    def handle(self, *args: Any, folder: Path, **options: Any) -> None:
        manifest = restore(folder)
        erased = erasure_journal.replay(since=datetime.fromisoformat(manifest["made_at"]))
        self.stdout.write(
            f"Restored the backup of {manifest['made_at']} ({len(manifest['files'])} files); "
            f"erased again since then: {erased}."
        )
