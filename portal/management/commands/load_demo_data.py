from pathlib import Path

from django.core.management.base import BaseCommand

from portal.demo.loader import load_all


class Command(BaseCommand):
    help = "Loads the demo dataset built from the seed documents (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--passwords-file",
            type=Path,
            help="Where the demo accounts' local-only passwords are kept and reused.",
        )

    def handle(self, *args, passwords_file: Path | None, **options):
        result = load_all(passwords_file=passwords_file)
        self.stdout.write(
            f"Demo data: {result['consulting_topics']} consulting topics, "
            f"{result['training_programmes']} training programmes, {result['events']} events, "
            f"Penza community list: {result['penza']['rows']} rows, "
            f"{result['penza']['flagged']} flagged as likely duplicates, "
            f"{result['penza']['created']} records added. "
            f"{result['consultants']} consultants, {result['consultations']} logged consultations, "
            f"{result['training_sessions']} training sessions."
        )
        self.stdout.write("Demo accounts (local only; staff set up two-factor at first sign-in):")
        for email, password in result["accounts"]:
            self.stdout.write(f"  {email:28} {password}")
