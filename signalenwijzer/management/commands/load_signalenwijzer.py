from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from signalenwijzer.services import signalenwijzer_load


class Command(BaseCommand):
    help = (
        "Load the Signalenwijzer's shipped steps, signals and help per country (signalenwijzer/content.py). "
        "Safe to run again: rows are matched by key; rows changed in the Wagtail admin since the last load "
        "are kept (reported as skipped) unless --force is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Also overwrite rows changed in the admin.")

    def handle(self, *args: Any, **options: Any) -> None:
        result = signalenwijzer_load(force=options["force"])
        self.stdout.write(f"Signalenwijzer: {result.summary()}.")
        for item in result.skipped:
            self.stdout.write(f"  skipped (changed in the admin; use --force to overwrite): {item}")
