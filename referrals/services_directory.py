"""Writes for the national directory: loading the shipped entries of
``referrals.directory`` into ``DirectoryEntry`` rows.

``directory_load`` is safe to run again and again (``manage.py load_directory``, the
demo seeding, the data migration). It treats edits like ``manage.py load_course``
does: every row remembers a hash of what the loader last wrote (``loaded_hash``). A
row whose values still match that hash belongs to the loader and is updated when the
shipped data changes; a row that a platform administrator changed since (including
switching it off) is left alone and reported as skipped, unless ``force=True``.
Rows the loader does not ship (added in the admin) are never touched.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from referrals.directory import ENTRIES

# The fields the loader writes. Only fields of the first schema (migration 0005), so
# the data migration can call this loader with its historical model.
LOADED_FIELDS = ("name", "phone", "website", "opening_hours", "description", "is_active")


@dataclass
class DirectoryLoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    skipped_items: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, {self.skipped} skipped."


def directory_values_hash(values: dict[str, Any]) -> str:
    """A stable hash of the loaded fields of one row (or of one shipped entry)."""
    payload = json.dumps({name: values[name] for name in LOADED_FIELDS}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def _row_values(row: models.Model) -> dict[str, Any]:
    return {name: getattr(row, name) for name in LOADED_FIELDS}


def directory_load(*, force: bool = False, model: type[models.Model] | None = None) -> DirectoryLoadResult:
    """Create the shipped directory entries that are missing and update the ones that
    nobody edited since the last load, in one transaction. Edited rows are skipped
    unless ``force``. ``model`` is the historical model when a migration calls this."""
    if model is None:
        from referrals.models import DirectoryEntry

        model = DirectoryEntry
    result = DirectoryLoadResult()
    now = timezone.now()
    with transaction.atomic():
        existing = {(row.code, row.country): row for row in model.objects.select_for_update()}  # type: ignore[attr-defined]
        for entry in ENTRIES:
            shipped = {**entry.fields(), "is_active": True}
            shipped_hash = directory_values_hash(shipped)
            row = existing.get((entry.code, entry.country))
            if row is None:
                model.objects.create(  # type: ignore[attr-defined]
                    code=entry.code, country=entry.country, **shipped, loaded_hash=shipped_hash, updated_at=now
                )
                result.created += 1
                continue
            current_hash = directory_values_hash(_row_values(row))
            if current_hash == shipped_hash:
                if row.loaded_hash != shipped_hash:  # edited to exactly the shipped values: the loader's again
                    row.loaded_hash = shipped_hash
                    row.save(update_fields=["loaded_hash"])
                result.unchanged += 1
            elif current_hash != row.loaded_hash and not force:
                result.skipped += 1
                result.skipped_items.append(f"{entry.code} ({entry.country})")
            else:
                for name, value in shipped.items():
                    setattr(row, name, value)
                row.loaded_hash = shipped_hash
                row.updated_at = now
                row.save(update_fields=[*LOADED_FIELDS, "loaded_hash", "updated_at"])
                result.updated += 1
    return result
