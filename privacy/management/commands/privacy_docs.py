"""Write the privacy officer's documents (docs/privacy/) from the inventory and the code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from privacy import documents


class Command(BaseCommand):
    help = "Schrijft docs/privacy/ (verwerkingsregister, inventaris, privacybijsluiter, DPIA, subverwerkers)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--output", default=str(Path(settings.BASE_DIR) / "docs" / "privacy"))
        parser.add_argument("--pdf", action="store_true", help="ook een PDF van elk document")
        parser.add_argument("--check", action="store_true", help="alleen controleren of de bestanden actueel zijn")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["output"])
        built = documents.build()
        if options["check"]:
            stale = [
                name
                for name, text in built.items()
                if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
            ]
            if stale:
                raise CommandError(f"Niet actueel: {', '.join(stale)}. Draai `manage.py privacy_docs`.")
            self.stdout.write("docs/privacy is actueel.")
            return
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in built.items():
            (folder / name).write_text(text, encoding="utf-8")
            if options["pdf"]:
                (folder / name.replace(".md", ".pdf")).write_bytes(documents.pdf(text))
        self.stdout.write(f"{len(built)} documenten geschreven in {folder}.")
