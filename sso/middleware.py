"""A provider's answer that allauth refuses by raising (an unknown or already used
state: a replayed SAML response, a callback from another browser) gets the same
page and the same record as any other refused sign-in, not a bare 403."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from sso import services
from sso.adapters import refusal_response
from sso.models import SignInAttempt

CALLBACK_PREFIXES = ("/accounts/saml/", "/accounts/oidc/")


class ProviderErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, PermissionDenied) or not request.path_info.startswith(CALLBACK_PREFIXES):
            return None
        parts = request.path_info.split("/")
        provider_id = parts[3] if len(parts) > 3 else ""
        services.attempt_record(
            provider_id=provider_id, outcome=SignInAttempt.Outcome.REFUSED, reason=services.Reason.PROVIDER_ERROR
        )
        return refusal_response(request, services.Reason.PROVIDER_ERROR)
