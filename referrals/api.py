"""The routing API: ``POST /api/routing/preview``.

JSON in, JSON out, nothing stored. Callers sign in with their session (then
Django's CSRF protection applies, as for any form) or send
``Authorization: Bearer <token>`` (a token from ``manage.py create_api_token``;
no cookies are involved, so no CSRF check). Only people whose role handles or sees
cases, and platform administrators, may call it. Every answer is JSON (never a
login redirect or an HTML error page) and carries ``Cache-Control: no-store``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from referrals import selectors, services
from referrals.routing import FactsInvalid, parse_facts, route
from referrals.routing.facts import NON_FIELD

View = Callable[..., HttpResponse]
# A facts object is a few hundred bytes; anything much larger is not one.
MAX_BODY_BYTES = 64 * 1024


def _error(status: int, message: str, *, field: str = NON_FIELD) -> JsonResponse:
    return JsonResponse({"errors": {field: [message]}}, status=status)


def no_store(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        patch_cache_control(response, no_store=True, private=True)
        return response

    return wrapped


def json_post_only(view: View) -> View:
    """Refuse anything but a small JSON POST before the body is read or parsed.

    In particular a multipart upload is refused here, so no file is ever parsed.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.method != "POST":
            response = _error(405, _("Gebruik POST met een JSON-object."))
            response["Allow"] = "POST"
            return response
        if request.content_type != "application/json":
            return _error(415, _("Stuur JSON (Content-Type: application/json); bestanden worden niet aangenomen."))
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_BODY_BYTES:
            return _error(413, _("Het verzoek is te groot voor één set feiten."))
        return view(request, *args, **kwargs)

    return wrapped


class _CsrfCheck(CsrfViewMiddleware):
    def _reject(self, request: HttpRequest, reason: str) -> HttpResponse:
        return _error(403, _("CSRF-controle mislukt: %(reason)s") % {"reason": reason})


def _csrf_failure(request: HttpRequest) -> HttpResponse | None:
    """Django's own CSRF check, for session-authenticated calls to a csrf_exempt view."""
    check = _CsrfCheck(lambda request: HttpResponse())
    check.process_request(request)
    return check.process_view(request, None, (), {})  # type: ignore[arg-type]


def api_auth(view: View) -> View:
    """Session or bearer-token authentication, then the role check.

    Anonymous: 401. Signed in without a role that may route: 403. A session call
    without a valid CSRF token: 403. Token calls skip CSRF (no cookie is used).
    """

    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if header:
            scheme, _sep, token = header.partition(" ")
            user = services.api_token_authenticate(token=token.strip()) if scheme.lower() == "bearer" else None
            if user is None:
                return _unauthorised(_("Deze API-sleutel is ongeldig of ingetrokken."))
            request.user = user
        elif not request.user.is_authenticated:
            return _unauthorised(_("Log in, of stuur een API-sleutel: Authorization: Bearer <sleutel>."))
        else:
            rejected = _csrf_failure(request)
            if rejected is not None:
                return rejected
        if not selectors.user_may_route(request.user):
            return _error(403, _("Je rol geeft geen toegang tot de verwijsregels."))
        return view(request, *args, **kwargs)

    return wrapped


def _unauthorised(message: str) -> JsonResponse:
    response = _error(401, message)
    response["WWW-Authenticate"] = 'Bearer realm="routing"'
    return response


@no_store
@json_post_only
@api_auth
def routing_preview(request: HttpRequest) -> HttpResponse:
    """Route one facts object with the active rule set; store nothing."""
    try:
        body = request.body
    except RequestDataTooBig:
        return _error(413, _("Het verzoek is te groot voor één set feiten."))
    try:
        raw = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        return _error(400, _("Ongeldige JSON: %(error)s") % {"error": exc})
    except RecursionError:
        return _error(400, _("Ongeldige JSON: te diep genest."))
    try:
        facts = parse_facts(raw)
    except FactsInvalid as exc:
        return JsonResponse({"errors": exc.errors}, status=400)
    result = route(facts, selectors.active_rule_set())
    return HttpResponse(result.to_json(), content_type="application/json")
