"""Encryption of stored secrets with the project's Fernet keys.

Values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256, random IV) under the
first key of ``settings.FIELD_ENCRYPTION_KEYS``; every listed key can decrypt, so a
key is rotated by putting a new key first, running ``manage.py rotate_field_keys``
(it re-encrypts every value under the new key) and then removing the old key. The
database never holds the plaintext; a stolen database dump without the keys reveals
nothing but lengths.

Used for the victims' contact details (``referrals.crypto.EncryptedTextField``) and
the second factors' secrets (``portal.adapters.MFAAdapter``): one implementation, one
set of keys.
"""

from __future__ import annotations

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

__all__ = ["Ciphertext", "InvalidToken", "decrypt", "encrypt", "is_current", "looks_encrypted", "rotate"]

# Every Fernet token starts with its version byte 0x80 and a 64-bit timestamp whose
# first bytes are zero for centuries: base64url "gAAAAA". No value the portal encrypts
# (base32 TOTP secrets, hex seeds, digits, phone numbers, e-mail addresses) starts so.
TOKEN_PREFIX = "gAAAAA"


class Ciphertext(str):
    """A value that is already encrypted (``EncryptedTextField`` stores it as is)."""


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


def looks_encrypted(value: str) -> bool:
    """True for a Fernet token (under any key, also one no longer configured): lets a
    one-off migration leave values alone that are already encrypted."""
    return value.startswith(TOKEN_PREFIX)
