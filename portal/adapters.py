"""allauth's adapters for accounts (``sso.adapters`` builds on ``AccountAdapter``) and
for multi-factor authentication (``MFA_ADAPTER``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.http import HttpRequest

from portal import crypto


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created only by accepting an invitation, never by open sign-up."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False


class MFAAdapter(DefaultMFAAdapter):
    """The second factors' secrets (the TOTP key, the recovery codes' seed and any
    migrated codes) are stored encrypted with the portal's Fernet keys
    (``portal.crypto``): a copy of the database alone cannot make a valid code.

    allauth calls ``encrypt`` when it stores a secret and ``decrypt`` each time it
    checks a code; a value no configured key decrypts raises ``InvalidToken`` (the
    code is not accepted). Passkeys store only a public key and pass through neither.
    """

    def encrypt(self, text: str) -> str:
        return str(crypto.encrypt(text))

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text)


def authenticator_secrets_map(data: dict[str, Any], change: Callable[[str], str]) -> dict[str, Any]:
    """``data`` (an ``Authenticator.data``) with ``change`` applied to every value
    allauth passes through ``MFAAdapter.encrypt``: ``secret`` (TOTP), ``seed`` and
    ``migrated_codes`` (recovery codes). Other keys (used mask, passkey credential)
    are copied as they are."""
    changed = dict(data)
    for key in ("secret", "seed"):
        if isinstance(changed.get(key), str):
            changed[key] = change(changed[key])
    if isinstance(changed.get("migrated_codes"), list):
        changed["migrated_codes"] = [change(code) for code in changed["migrated_codes"]]
    return changed
