"""What a provider asserted about a person, read the same way for OIDC and SAML.

allauth keeps the raw answer in ``SocialAccount.extra_data``: for OpenID Connect
``{"userinfo": {...}, "id_token": {...}}``, for SAML the attribute statement plus
what ``sso.saml.PortalSAMLProvider`` adds (the authentication context and issuer).
Nothing here is stored beyond what allauth stores; nothing is logged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Attribute names per federation and protocol (OIDC claim, SAML attribute OID/name).
AFFILIATION_NAMES = (
    "eduPersonAffiliation",
    "eduperson_affiliation",
    "eduPersonScopedAffiliation",
    "eduperson_scoped_affiliation",
    "urn:mace:dir:attribute-def:eduPersonAffiliation",
    "urn:oid:1.3.6.1.4.1.5923.1.1.1.1",
    "urn:mace:dir:attribute-def:eduPersonScopedAffiliation",
    "urn:oid:1.3.6.1.4.1.5923.1.1.1.9",
)
ENTREE_HOME_ORGANISATION = (
    "nlEduPersonHomeOrganizationId",
    "urn:mace:dir:attribute-def:nlEduPersonHomeOrganizationId",
    "urn:oid:1.3.6.1.4.1.1076.20.40.20.7",
)
SURFCONEXT_HOME_ORGANISATION = (
    "schac_home_organization",
    "schacHomeOrganization",
    "urn:mace:terena.org:attribute-def:schacHomeOrganization",
    "urn:oid:1.3.6.1.4.1.25178.1.2.9",
)

# A second factor, as providers say it. OIDC ``amr`` values (RFC 8176) that mean more
# than one factor was used, and ``acr`` / SAML AuthnContextClassRef values that
# promise it (REFEDS MFA, Microsoft's multipleauthn, SURFconext's LoA 2 and 3, SAML's
# two-factor contracts). A password alone ("pwd") is never enough.
MFA_AMR = frozenset({"mfa"})
MFA_CONTEXTS = frozenset(
    {
        "https://refeds.org/profile/mfa",
        "http://schemas.microsoft.com/claims/multipleauthn",
        "http://surfconext.nl/assurance/loa2",
        "http://surfconext.nl/assurance/loa3",
        "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
        "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorUnregistered",
        "urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken",
    }
)

# Internal keys the SAML provider adds to the attributes it stores.
SAML_CONTEXTS_KEY = "_authn_contexts"


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(item) for item in value if item is not None]
    return [str(value)]


@dataclass(frozen=True)
class Assertion:
    """The claims of one sign-in. ``id_token`` is empty for SAML."""

    protocol: str  # "oidc" or "saml"
    claims: Mapping[str, Any]
    id_token: Mapping[str, Any] = field(default_factory=dict)
    email: str | None = None

    @classmethod
    def from_extra_data(cls, provider: str, extra_data: Mapping[str, Any], email: str | None) -> Assertion:
        if provider == "saml":
            return cls(protocol="saml", claims=dict(extra_data), email=email)
        id_token = dict(extra_data.get("id_token") or {})
        userinfo = dict(extra_data.get("userinfo") or {})
        # The ID token's signed claims win over userinfo where both have one.
        return cls(protocol="oidc", claims={**userinfo, **id_token}, id_token=id_token, email=email)

    def values(self, names: Iterable[str]) -> list[str]:
        found: list[str] = []
        for name in names:
            found.extend(_strings(self.claims.get(name)))
        return found

    def first(self, names: Iterable[str]) -> str:
        values = self.values(names)
        return values[0].strip() if values else ""

    @property
    def affiliations(self) -> frozenset[str]:
        """``employee``, ``staff``, ``student``…: scoped values (``staff@school.nl``)
        count by their part before the @."""
        return frozenset(value.split("@", 1)[0].strip().lower() for value in self.values(AFFILIATION_NAMES))

    def home_organisation(self, federation: str) -> str:
        names = ENTREE_HOME_ORGANISATION if federation == "entree" else SURFCONEXT_HOME_ORGANISATION
        return self.first(names).lower()

    @property
    def issuer(self) -> str:
        return str(self.id_token.get("iss", ""))

    @property
    def mfa_asserted(self) -> bool:
        """True when the provider says it asked for more than a password."""
        if self.protocol == "saml":
            contexts = set(_strings(self.claims.get(SAML_CONTEXTS_KEY)))
        else:
            if MFA_AMR & {value.lower() for value in _strings(self.id_token.get("amr"))}:
                return True
            contexts = set(_strings(self.id_token.get("acr")))
        return bool(contexts & MFA_CONTEXTS)

    @property
    def email_domain(self) -> str:
        if not self.email or "@" not in self.email:
            return ""
        return self.email.rsplit("@", 1)[1].strip().lower()
