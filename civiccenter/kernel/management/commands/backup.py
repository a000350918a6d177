from pathlib import Path

from django.core.management.base import BaseCommand

from civiccenter.kernel.backup import backup


class Command(BaseCommand):
    help = "Backs up the database and the media files into a folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder: Path, **options):
        manifest = backup(folder)
        self.stdout.write(
            f"Backup in {folder}: database.dump, media.tar.gz ({len(manifest['files'])} files)."
        )
