"""Re-encrypt every encrypted field under the current key (the first of
FIELD_ENCRYPTION_KEYS). Run after putting a new key first; then the old key can go.

Idempotent and batched: values already under the current key are left alone, each
batch is one transaction with its rows locked. Prints counts only, never values.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import F, Model, TextField
from django.db.models.functions import Cast
from django_scopes import scopes_disabled

from portal.services import authenticator_secrets_rotate
from referrals import crypto


def encrypted_fields() -> list[tuple[type[Model], list[str]]]:
    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, crypto.EncryptedTextField)]
        if names:
            found.append((model, names))
    return found


class Command(BaseCommand):
    help = "Re-encrypt encrypted fields with the current key of FIELD_ENCRYPTION_KEYS."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        total_rotated = total_rows = 0
        # Every organisation's rows: a platform task, so outside any tenant scope.
        with scopes_disabled():
            for model, names in encrypted_fields():
                rotated, rows = self._rotate_model(model, names, batch_size)
                total_rotated += rotated
                total_rows += rows
                self.stdout.write(f"{model._meta.label}: {rotated} of {rows} rows re-encrypted")
        # The second factors' secrets (portal.adapters.MFAAdapter) use the same keys.
        rotated, rows, unreadable = authenticator_secrets_rotate(batch_size=batch_size)
        total_rotated += rotated
        total_rows += rows
        self.stdout.write(f"mfa.Authenticator: {rotated} of {rows} rows re-encrypted")
        if unreadable:
            self.stderr.write(
                f"mfa.Authenticator: {unreadable} rows no key in FIELD_ENCRYPTION_KEYS decrypts, left as they are "
                "(those second factors no longer work; their owners must set them up again)."
            )
        self.stdout.write(self.style.SUCCESS(f"Done: {total_rotated} of {total_rows} rows re-encrypted."))

    def _rotate_model(self, model: type[Model], names: list[str], batch_size: int) -> tuple[int, int]:
        manager = model._base_manager
        # Read the stored ciphertext as plain text: no decryption on the way in.
        raw = {f"raw_{name}": Cast(F(name), output_field=TextField()) for name in names}
        last_pk: Any = 0
        rotated = rows = 0
        while True:
            with transaction.atomic():
                batch = list(
                    manager.select_for_update()
                    .filter(pk__gt=last_pk)
                    .order_by("pk")
                    .annotate(**raw)
                    .values("pk", *raw)[:batch_size]
                )
                for row in batch:
                    changes = {}
                    for name in names:
                        token = row[f"raw_{name}"]
                        if not token or crypto.is_current(token):
                            continue
                        try:
                            changes[name] = crypto.rotate(token)
                        except crypto.InvalidToken:
                            raise CommandError(
                                f"{model._meta.label} {row['pk']}.{name}: no key in FIELD_ENCRYPTION_KEYS decrypts it."
                            ) from None
                    if changes:
                        manager.filter(pk=row["pk"]).update(**changes)
                        rotated += 1
            rows += len(batch)
            if len(batch) < batch_size:
                return rotated, rows
            last_pk = batch[-1]["pk"]
