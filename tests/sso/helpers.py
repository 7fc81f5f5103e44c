"""Helpers shared by the sign-in tests: an organisation's provider, domains and
attempts, made directly (no services, no audit rows), in the state a test needs."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from allauth.socialaccount.models import SocialApp
from django.utils import timezone

from sso.models import FederationLink, ProviderKind, SignInAttempt, SignInDomain, SignInSettings

Status = SignInSettings.Status
ENTRA_TENANT = "3f1b2c4d-0000-4a5b-9c8d-1234567890ab"


def make_sign_in(
    organisation,
    *,
    kind: str = ProviderKind.OIDC,
    status: str = Status.DRAFT,
    name: str = "Inlog van school",
    server_url: str = "https://login.example.org",
    client_id: str = "portal",
    secret: str = "bewaard-geheim",
    tested_by=None,
    idp: dict[str, str] | None = None,
    **fields: Any,
) -> SignInSettings:
    """The organisation's own provider, configured, in ``status``. TESTED, ACTIVE
    and OFF come with a passed test (``tested_at``); ACTIVE with ``activated_at``.
    ``kind`` SAML uses ``idp`` (entity_id, sso_url, x509cert or metadata_url)."""
    slug = organisation.slug
    if kind == ProviderKind.SAML:
        app = SocialApp.objects.create(
            provider="saml",
            provider_id=f"saml-{slug}",
            name=name,
            client_id=slug,
            secret="",
            settings={"idp": idp or {"entity_id": "https://idp.example.org", "sso_url": "https://idp.example.org/sso"}},
        )
    else:
        if kind == ProviderKind.ENTRA:
            server_url = f"https://login.microsoftonline.com/{ENTRA_TENANT}/v2.0"
            fields.setdefault("entra_tenant_id", ENTRA_TENANT)
        elif kind == ProviderKind.GOOGLE:
            server_url = "https://accounts.google.com"
            fields.setdefault("google_domain", "school.example")
        app = SocialApp.objects.create(
            provider="openid_connect",
            provider_id=f"org-{slug}",
            name=name,
            client_id=client_id,
            secret=secret,
            settings={"server_url": server_url, "oauth_pkce_enabled": True},
        )
    now = timezone.now()
    tested = status in (Status.TESTED, Status.ACTIVE, Status.OFF)
    sign_in, _created = SignInSettings.objects.update_or_create(
        organisation=organisation,
        defaults={
            "provider_kind": kind,
            "status": status,
            "app": app,
            "tested_at": now - timedelta(minutes=5) if tested else None,
            "tested_by": tested_by if tested else None,
            "test_result": "Gelukt: de provider antwoordde en het antwoord klopt." if tested else "",
            "activated_at": now if status == Status.ACTIVE else None,
            **fields,
        },
    )
    return sign_in


def make_domain(organisation, domain: str, *, verified: bool = False) -> SignInDomain:
    return SignInDomain.objects.create(
        organisation=organisation, domain=domain, verified_at=timezone.now() if verified else None
    )


def make_federation_link(organisation, code: str = "12ab", federation: str = "entree") -> FederationLink:
    return FederationLink.objects.create(organisation=organisation, federation=federation, home_organisation_id=code)


def make_attempts(organisation, count: int, *, user=None, **fields: Any) -> list[SignInAttempt]:
    """``count`` attempts, one minute apart, the newest first in the default order."""
    now = timezone.now()
    defaults: dict[str, Any] = {"provider_id": f"org-{organisation.slug}", "outcome": SignInAttempt.Outcome.SIGNED_IN}
    defaults.update(fields)
    return SignInAttempt.objects.bulk_create(
        SignInAttempt(organisation=organisation, user=user, created_at=now - timedelta(minutes=i), **defaults)
        for i in range(count)
    )
