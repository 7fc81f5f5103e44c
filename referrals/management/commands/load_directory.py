from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from referrals.services_directory import directory_load


class Command(BaseCommand):
    help = (
        "Load the national directory (the organisation behind every destination code, per country) from "
        "referrals/directory.py. Safe to run again: missing entries are created and entries that only this "
        "command has written are updated when the shipped data changed. Entries a platform administrator changed "
        "in the admin (also switched off) are NOT overwritten (they are reported as skipped) unless --force is "
        "given. Entries added in the admin are never touched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also overwrite entries that were changed in the admin with the shipped data.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = directory_load(force=options["force"])
        self.stdout.write(f"Directory: {result.summary()}")
        for item in result.skipped_items:
            self.stdout.write(f"  skipped (changed in the admin; use --force to overwrite): {item}")
