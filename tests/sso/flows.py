"""Driving a sign-in through the test identity providers with Django's test client.

The test client is the portal's side; the provider's side (signing in there, the
authorize step) is a ``requests`` session inside ``LocalOidcProvider.authorize``.
The portal fetches tokens from the provider over real HTTP.
"""

from __future__ import annotations

import itertools
from urllib.parse import urlsplit

from allauth.socialaccount.models import SocialApp
from django.urls import reverse
from django.utils import timezone

from portal.models import Organisation
from sso.models import FederationLink, ProviderKind, SignInDomain, SignInSettings

ENTRA_TENANT = "4f1c2a7e-9b3d-4e8a-a1c5-0d2b6e7f8a90"
OTHER_TENANT = "00000000-1111-2222-3333-444444444444"
# (client id at the provider, secret, provider id in the portal)
FEDERATION_CLIENTS = (
    ("portal-entree", "entree-secret", "entree"),
    ("portal-surfconext", "surf-secret", "surfconext"),
)
PASSWORD = "Provider-Wachtwoord-2026"
_counter = itertools.count(1)


def unique(local: str, domain: str) -> str:
    """An address no other test uses (the provider's users outlive a test)."""
    return f"{local}.{next(_counter)}.{timezone.now().timestamp():.0f}@{domain}"


def federation_app(provider, provider_id: str) -> SocialApp:
    client_id, secret, _pid = next(client for client in FEDERATION_CLIENTS if client[2] == provider_id)
    name = "Entree Federatie" if provider_id == "entree" else "SURFconext"
    return SocialApp.objects.create(
        provider="openid_connect",
        provider_id=provider_id,
        name=name,
        client_id=client_id,
        secret=secret,
        settings={"server_url": provider.issuer, "oauth_pkce_enabled": True},
    )


def link_federation(organisation: Organisation, federation: str, code: str) -> FederationLink:
    return FederationLink.objects.create(organisation=organisation, federation=federation, home_organisation_id=code)


def verified_domain(organisation: Organisation, domain: str) -> SignInDomain:
    return SignInDomain.objects.create(organisation=organisation, domain=domain, verified_at=timezone.now())


def organisation_provider(
    provider,
    organisation: Organisation,
    *,
    kind: str = ProviderKind.OIDC,
    status: str = SignInSettings.Status.ACTIVE,
    entra_tenant_id: str = "",
    google_domain: str = "",
    trust_provider_mfa: bool = False,
    password_login: bool = True,
) -> SignInSettings:
    """The organisation's own OIDC provider, as a client of ``provider``, switched on."""
    provider_id = f"org-{organisation.slug}"
    client_id = f"client-{organisation.slug}-{next(_counter)}"
    secret = f"secret-{client_id}"
    provider.add_client(client_id, secret, [f"http://testserver/accounts/oidc/{provider_id}/login/callback/"])
    app = SocialApp.objects.create(
        provider="openid_connect",
        provider_id=provider_id,
        name=f"Inlog {organisation.name}",
        client_id=client_id,
        secret=secret,
        settings={"server_url": provider.issuer, "oauth_pkce_enabled": True},
    )
    sign_in, _created = SignInSettings.objects.update_or_create(
        organisation=organisation,
        defaults={
            "app": app,
            "provider_kind": kind,
            "status": status,
            "entra_tenant_id": entra_tenant_id,
            "google_domain": google_domain,
            "trust_provider_mfa": trust_provider_mfa,
            "password_login": password_login,
            "tested_at": timezone.now(),
        },
    )
    return sign_in


def leaving_for(response) -> str:
    """Where the portal sends the browser off to the provider: the page that moves on
    by itself (a POST may not redirect off-site under the CSP's form-action)."""
    assert response.status_code == 200, (response.status_code, response.content[:300])
    assert [template.name for template in response.templates][0] == "sso/leaving.html"
    url = response.context["url"]
    assert f'content="0;url={url}"'.replace("&", "&amp;") in response.content.decode()
    return url


def start(client, provider_id: str, *, next_url: str | None = None):
    data = {"process": "login"}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("openid_connect_login", kwargs={"provider_id": provider_id}), data)


def sign_in(client, provider, provider_id: str, as_user: str, *, next_url: str | None = None):
    """The whole round trip: start at the portal, sign in at the provider, come back."""
    started = start(client, provider_id, next_url=next_url)
    back = urlsplit(provider.authorize(leaving_for(started), as_user=as_user))
    return client.get(f"{back.path}?{back.query}")
