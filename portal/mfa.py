"""Multi-factor authentication is required for every role that can see case data.

A signed-in user who holds such a role and has no second factor yet is sent to set
one up, and can reach nothing else (only the set-up pages, sign-out and static files).

An organisation may trust the second factor of its own identity provider: when the
provider said it asked for one, the sign-in sets ``PROVIDER_MFA_SESSION_KEY`` to that
organisation, and its roles need no second factor of the portal in this session.
Roles in any other organisation still do.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.selectors import user_lacks_required_mfa

# The organisation whose identity provider asserted a second factor at this sign-in.
PROVIDER_MFA_SESSION_KEY = "portal_provider_mfa_organisation"

# Paths a user without MFA may still reach: setting up a factor, signing out,
# re-authenticating for the set-up, switching language and static files.
ALLOWED_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/logout/",
    "/accounts/reauthenticate/",
    "/accounts/login/",
    "/account/mfa-vereist/",
    "/i18n/",
    "/healthz",
    # A partner's one-time link: the token is the credential, not the session.
    "/verwijzing/",
)


class RequireMfaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path_info.startswith((settings.STATIC_URL, *ALLOWED_PREFIXES))
            and user_lacks_required_mfa(user, trusted_organisation_id=request.session.get(PROVIDER_MFA_SESSION_KEY))
        ):
            if request.path_info.startswith("/api/"):
                # An API client cannot follow a set-up page: say what is missing.
                return JsonResponse(
                    {"errors": {"mfa": [_("Stel eerst tweestapsverificatie in voor je account.")]}}, status=403
                )
            return redirect(reverse("portal:mfa_required"))
        return self.get_response(request)
