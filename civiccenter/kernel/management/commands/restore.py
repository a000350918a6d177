from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from civiccenter.kernel.backup import restore


class Command(BaseCommand):
    help = (
        "Restores the database and the media files from a backup folder (replaces what is there)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)

    def handle(self, *args: Any, folder: Path, **options: Any) -> None:
        manifest = restore(folder)
        self.stdout.write(
            f"Restored the backup of {manifest['made_at']} ({len(manifest['files'])} files)."
        )
