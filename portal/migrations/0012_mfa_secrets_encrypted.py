"""Encrypt the second factors' secrets that were stored before ``MFAAdapter``
(``portal.adapters``) encrypted them: the TOTP key, the recovery codes' seed and any
migrated codes, with the first key of FIELD_ENCRYPTION_KEYS.

Idempotent: a value that is already a Fernet token is left alone. Backwards it
decrypts again (with any configured key), so the step can be undone before a
rollback of the code.
"""

from collections.abc import Callable
from typing import Any

from django.db import migrations

from portal import crypto

SECRET_TYPES = ("totp", "recovery_codes")


def _map(data: dict[str, Any], change: Callable[[str], str]) -> dict[str, Any]:
    # A copy of portal.adapters.authenticator_secrets_map as it was when this
    # migration was written: a migration must not change when the code does.
    changed = dict(data)
    for key in ("secret", "seed"):
        if isinstance(changed.get(key), str):
            changed[key] = change(changed[key])
    if isinstance(changed.get("migrated_codes"), list):
        changed["migrated_codes"] = [change(code) for code in changed["migrated_codes"]]
    return changed


def _apply(apps: Any, change: Callable[[str], str]) -> None:
    authenticator = apps.get_model("mfa", "Authenticator")
    for row in authenticator.objects.filter(type__in=SECRET_TYPES).only("pk", "data").iterator(chunk_size=500):
        data = _map(row.data, change)
        if data != row.data:
            authenticator.objects.filter(pk=row.pk).update(data=data)


def _encrypt(value: str) -> str:
    return value if crypto.looks_encrypted(value) else str(crypto.encrypt(value))


def _decrypt(value: str) -> str:
    return crypto.decrypt(value) if crypto.looks_encrypted(value) else value


def encrypt_secrets(apps: Any, schema_editor: Any) -> None:
    _apply(apps, _encrypt)


def decrypt_secrets(apps: Any, schema_editor: Any) -> None:
    _apply(apps, _decrypt)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0011_privacy_requests_audit_zip"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_secrets, decrypt_secrets, elidable=True)]
