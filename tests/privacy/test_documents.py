"""The privacy officer's documents are written from the inventory, and the committed
copies under docs/privacy/ are current."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from privacy import documents

DOCS = Path(settings.BASE_DIR) / "docs" / "privacy"


def test_the_committed_documents_are_current():
    stale = [
        name
        for name, text in documents.build().items()
        if not (DOCS / name).exists() or (DOCS / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"docs/privacy is not current: {stale}. Run `manage.py privacy_docs` and commit the result."


def test_the_documents_name_the_special_categories_and_the_measures():
    built = documents.build()
    assert "seksueel leven" in built["dpia-bouwstenen.md"]
    assert "tweestapsverificatie" in built["dpia-bouwstenen.md"].lower()
    assert "Grondslag" in built["verwerkingsregister.md"]
    assert "| `" in built["gegevensinventaris.md"]


def test_check_fails_on_a_stale_copy_and_the_command_writes_pdfs(tmp_path):
    with pytest.raises(CommandError, match="Niet actueel"):
        call_command("privacy_docs", "--check", "--output", str(tmp_path))

    call_command("privacy_docs", "--pdf", "--output", str(tmp_path))
    call_command("privacy_docs", "--check", "--output", str(tmp_path))

    assert (tmp_path / "dpia-bouwstenen.pdf").read_bytes().startswith(b"%PDF")
    (tmp_path / "subverwerkers.md").write_text("oud", encoding="utf-8")
    with pytest.raises(CommandError, match="subverwerkers.md"):
        call_command("privacy_docs", "--check", "--output", str(tmp_path))
