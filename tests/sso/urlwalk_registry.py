"""URL arguments of the sign-in settings views, for the URL walks in tests/portal/urlwalk.py.

``domain_id`` names a mail domain one organisation named (``sso.SignInDomain``).
"""

from __future__ import annotations

from sso.models import SignInDomain


def _domain_id(organisation) -> int:
    domain = f"{organisation.slug}-{SignInDomain.objects.count()}.example"
    return SignInDomain.objects.create(organisation=organisation, domain=domain).pk


TENANT_OBJECTS = {"domain_id": _domain_id}
