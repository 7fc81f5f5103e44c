"""allauth's SAML provider, keeping the authentication context of the assertion.

``SOCIALACCOUNT_PROVIDERS["saml"]["provider_class"]`` points here. allauth stores only
the attribute statement; the AuthnContextClassRef is what tells whether the identity
provider asked for a second factor, so it is kept beside the attributes.
"""

from __future__ import annotations

from typing import Any

from allauth.socialaccount.providers.saml.provider import SAMLProvider

from sso.claims import SAML_CONTEXTS_KEY


class PortalSAMLProvider(SAMLProvider):
    # Its URLs and views stay allauth's.
    package = "allauth.socialaccount.providers.saml"

    def extract_extra_data(self, data: Any) -> dict[str, Any]:
        extra = dict(data.get_attributes())
        extra[SAML_CONTEXTS_KEY] = list(data.get_last_authn_contexts() or [])
        return extra
