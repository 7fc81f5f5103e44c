"""Fixtures for the sign-in tests: real identity providers on 127.0.0.1.

One OpenID provider process plays Entree, SURFconext and the organisations' own
OIDC providers (each a client of its own); a second one, whose issuer carries a
tenant id, plays Microsoft Entra ID. They run for the whole session; each test
adds its own users (with unique addresses), and the portal's rows are per test.
"""

from __future__ import annotations

import pytest

from tests.sso.flows import ENTRA_TENANT, FEDERATION_CLIENTS
from tests.sso.oidc_provider import running_provider


@pytest.fixture(scope="session")
def oidc_provider():
    for provider in running_provider():
        for client_id, secret, provider_id in FEDERATION_CLIENTS:
            provider.add_client(client_id, secret, [f"http://testserver/accounts/oidc/{provider_id}/login/callback/"])
        yield provider


@pytest.fixture(scope="session")
def entra_provider():
    yield from running_provider(prefix=f"{ENTRA_TENANT}/v2.0")
