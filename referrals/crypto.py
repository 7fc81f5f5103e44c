"""Field-level encryption for victim contact details.

Values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256, random IV) under the
first key of ``settings.FIELD_ENCRYPTION_KEYS``; every listed key can decrypt, so a
key is rotated by putting a new key first, running ``manage.py rotate_field_keys``
and then removing the old key. The database never holds the plaintext; a stolen
database dump without the keys reveals nothing but lengths.
"""

from __future__ import annotations

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

__all__ = ["Ciphertext", "EncryptedTextField", "InvalidToken", "decrypt", "encrypt", "is_current", "rotate"]
from django.conf import settings
from django.db import models


class Ciphertext(str):
    """A value that is already encrypted: ``EncryptedTextField`` stores it as is."""


@lru_cache(maxsize=8)
def _fernets(keys: tuple[str, ...]) -> tuple[Fernet, MultiFernet]:
    fernets = [Fernet(key) for key in keys]
    return fernets[0], MultiFernet(fernets)


def _current() -> tuple[Fernet, MultiFernet]:
    return _fernets(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(plaintext: str) -> Ciphertext:
    return Ciphertext(_current()[0].encrypt(plaintext.encode()).decode("ascii"))


def decrypt(token: str) -> str:
    """The plaintext; raises ``cryptography.fernet.InvalidToken`` when no key fits."""
    return _current()[1].decrypt(token.encode("ascii")).decode()


def is_current(token: str) -> bool:
    """True when ``token`` is encrypted under the current (first) key."""
    try:
        _current()[0].decrypt(token.encode("ascii"))
    except InvalidToken:
        return False
    return True


def rotate(token: str) -> Ciphertext:
    """``token`` re-encrypted under the current key (raises InvalidToken if no key fits)."""
    return Ciphertext(_current()[1].rotate(token.encode("ascii")).decode("ascii"))


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
