"""The provider's ``allauth.idp.oidc`` adapter, and the per-user store it reads.

Every provider user has a record in a small JSON file (``IDP_CLAIMS_FILE``),
keyed by the user's primary key::

    {"sub": "<stable subject>", "claims": {...}, "misbehave": ["expired", ...]}

``claims`` are added to both the ID token and the userinfo response (they may
override the standard ones, e.g. ``email_verified``); ``misbehave`` flags spoil
the ID token on purpose so a relying party's validation can be tested.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterable
from typing import Any, Literal

from allauth.idp.oidc.adapter import DefaultOIDCAdapter
from allauth.idp.oidc.models import Client
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser

MISBEHAVIOURS = frozenset({"wrong_issuer", "wrong_audience", "expired"})
WRONG_ISSUER = "https://wrong-issuer.invalid/tenant"
WRONG_AUDIENCE = "some-other-client"

_lock = threading.Lock()


def _read() -> dict[str, dict[str, Any]]:
    try:
        return json.loads(settings.IDP_CLAIMS_FILE.read_text())
    except FileNotFoundError:
        return {}


def store_record(user_pk: int, record: dict[str, Any]) -> None:
    with _lock:
        data = _read()
        data[str(user_pk)] = record
        tmp = settings.IDP_CLAIMS_FILE.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2, sort_keys=True))
        tmp.replace(settings.IDP_CLAIMS_FILE)


def drop_record(user_pk: int) -> None:
    with _lock:
        data = _read()
        data.pop(str(user_pk), None)
        tmp = settings.IDP_CLAIMS_FILE.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2, sort_keys=True))
        tmp.replace(settings.IDP_CLAIMS_FILE)


def get_record(user_pk: int) -> dict[str, Any] | None:
    with _lock:
        return _read().get(str(user_pk))


def user_pk_for_sub(sub: str) -> int | None:
    with _lock:
        data = _read()
    for pk, record in data.items():
        if record.get("sub") == sub:
            return int(pk)
    return None


class TestOIDCAdapter(DefaultOIDCAdapter):
    def get_issuer(self) -> str:
        return settings.IDP_ISSUER

    def get_user_sub(self, client: Client, user: AbstractBaseUser) -> str:
        record = get_record(user.pk)
        if record is None:  # a user made outside the control API
            return super().get_user_sub(client, user)
        return record["sub"]

    def get_user_by_sub(self, client: Client, sub: str) -> AbstractBaseUser | None:
        pk = user_pk_for_sub(sub)
        if pk is None:
            return None
        return get_user_model().objects.filter(pk=pk, is_active=True).first()

    def get_claims(
        self,
        purpose: Literal["id_token", "userinfo"],
        user: AbstractBaseUser,
        client: Client,
        scopes: Iterable[str],
        email: str | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        claims = super().get_claims(purpose, user, client, scopes, email=email, **kwargs)
        record = get_record(user.pk)
        if record:
            claims.update(record["claims"])
            claims["sub"] = record["sub"]
        return claims

    def populate_id_token(
        self,
        id_token: dict[str, Any],
        client: Client,
        scopes: Iterable[str],
        **kwargs: Any,
    ) -> None:
        # The hook does not get the user; the subject identifies it.
        pk = user_pk_for_sub(id_token.get("sub", ""))
        record = get_record(pk) if pk is not None else None
        misbehave = set(record["misbehave"]) if record else set()
        if "wrong_issuer" in misbehave:
            id_token["iss"] = WRONG_ISSUER
        if "wrong_audience" in misbehave:
            id_token["aud"] = WRONG_AUDIENCE
        if "expired" in misbehave:
            now = int(time.time())
            id_token["iat"] = now - 2 * 3600
            id_token["exp"] = now - 3600
            if "auth_time" in id_token:
                id_token["auth_time"] = now - 2 * 3600
