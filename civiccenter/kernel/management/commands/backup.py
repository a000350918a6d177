from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from civiccenter.kernel.backup import backup


class Command(BaseCommand):
    help = "Backs up the database and the media files into a folder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)

    def handle(self, *args: Any, folder: Path, **options: Any) -> None:
        manifest = backup(folder)
        self.stdout.write(
            f"Backup in {folder}: database.dump, media.tar.gz ({len(manifest['files'])} files)."
        )
