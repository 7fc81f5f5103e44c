"""Two things around the sign-in views.

Leaving for the provider: the page's CSP allows forms to submit only to the portal
(``form-action 'self'``), and browsers apply that to the redirect after the submit
as well. A POST that answers with a redirect to another site (the sign-in buttons,
home-realm discovery, a coordinator's test) gets a small page that moves on by itself
(``<meta http-equiv="refresh">``, which the form-action rule does not govern) and
has a link, so it works without JavaScript. The CSP stays as strict as it is.

A provider's answer that allauth refuses by raising (an unknown or already used
state: a replayed SAML response, a callback from another browser) gets the same
page and the same record as any other refused sign-in, not a bare 403."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from sso import services
from sso.adapters import refusal_response
from sso.models import SignInAttempt

CALLBACK_PREFIXES = ("/accounts/saml/", "/accounts/oidc/")


class ProviderMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method == "POST" and response.status_code in (301, 302, 303, 307, 308):
            location = response.get("Location", "")
            if location and not url_has_allowed_host_and_scheme(location, allowed_hosts={request.get_host()}):
                leaving = render(request, "sso/leaving.html", {"url": location})
                leaving.cookies = response.cookies
                return leaving
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, PermissionDenied) or not request.path_info.startswith(CALLBACK_PREFIXES):
            return None
        parts = request.path_info.split("/")
        provider_id = parts[3] if len(parts) > 3 else ""
        services.attempt_record(
            provider_id=provider_id, outcome=SignInAttempt.Outcome.REFUSED, reason=services.Reason.PROVIDER_ERROR
        )
        return refusal_response(request, services.Reason.PROVIDER_ERROR)
