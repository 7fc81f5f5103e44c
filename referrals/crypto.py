"""Field-level encryption for victim contact details.

The Fernet code and the keys are the kernel's (``portal.crypto``: encryption under the
first key of ``settings.FIELD_ENCRYPTION_KEYS``, rotation with ``manage.py
rotate_field_keys``); this module adds the model field that stores a column encrypted.
The database never holds the plaintext.
"""

from __future__ import annotations

from django.db import models

from portal.crypto import Ciphertext, InvalidToken, decrypt, encrypt, is_current, rotate

__all__ = ["Ciphertext", "EncryptedTextField", "InvalidToken", "decrypt", "encrypt", "is_current", "rotate"]


class EncryptedTextField(models.TextField):
    """A text column stored encrypted. The empty string stays empty (nothing to hide);
    lookups other than ``isnull``/``exact ''`` make no sense on it and are not used."""

    description = "Text, encrypted at rest"

    def get_prep_value(self, value: object) -> object:
        value = super().get_prep_value(value)
        if value is None or value == "" or isinstance(value, Ciphertext):
            return value
        return encrypt(str(value))

    def from_db_value(self, value: str | None, expression: object, connection: object) -> str | None:
        if value is None or value == "":
            return value
        return decrypt(value)
