from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from civiccenter.kernel.backup import backup


class Command(BaseCommand):
    help = (
        "Backs up the database and the media files, encrypted, into a new folder of the "
        "backup root, and removes the backups past BACKUP_KEEP_DAYS."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("root", type=Path)

    def handle(self, *args: Any, root: Path, **options: Any) -> None:
        folder, manifest = backup(root)
        self.stdout.write(
            f"Backup in {folder}: database and {len(manifest['files'])} media files, "
            "encrypted with age."
        )
