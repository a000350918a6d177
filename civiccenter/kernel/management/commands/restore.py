from pathlib import Path

from django.core.management.base import BaseCommand

from civiccenter.kernel.backup import restore


class Command(BaseCommand):
    help = (
        "Restores the database and the media files from a backup folder (replaces what is there)."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder: Path, **options):
        manifest = restore(folder)
        self.stdout.write(
            f"Restored the backup of {manifest['made_at']} ({len(manifest['files'])} files)."
        )
