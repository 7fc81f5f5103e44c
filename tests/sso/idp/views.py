"""Control API of the test provider (this test project only; it listens on
127.0.0.1 and protects nothing).

- ``POST _control/users``: create or update a user, JSON
  ``{"email": str | null, "username": str | null, "password": str,
  "claims": {...}, "misbehave": [...], "sub": str | null}``; answers
  ``{"sub": ..., "username": ..., "email": ...}``.
- ``POST _control/users/remove``: JSON ``{"user": <email or username>}``;
  deletes the user (and with it its codes and tokens).
- ``POST _control/clients``: create or update a confidential client, JSON
  ``{"client_id", "secret", "redirect_uris": [...], "scopes": [...],
  "post_logout_redirect_uris": [...], "name"}``.
- ``GET _control/sign-in-as?user=<email or username>&next=<url>``: signs the
  calling user agent in and redirects to ``next`` (404 for an unknown or
  removed user). ``email=`` works as an alias of ``user=``.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from allauth.account.models import EmailAddress
from allauth.idp.oidc.models import Client
from django.contrib.auth import get_user_model, login
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .adapter import MISBEHAVIOURS, drop_record, get_record, store_record

User = get_user_model()


def _find_user(ident: str):
    return User.objects.filter(Q(email__iexact=ident) | Q(username=ident)).order_by("pk").first() if ident else None


def _json(request: HttpRequest) -> dict[str, Any]:
    data = json.loads(request.body or b"{}")
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    return data


@csrf_exempt
@require_POST
def users(request: HttpRequest) -> HttpResponse:
    try:
        data = _json(request)
    except ValueError as exc:
        return HttpResponseBadRequest(str(exc))
    email = data.get("email") or ""
    username = data.get("username") or email or f"user-{uuid.uuid4().hex[:12]}"
    misbehave = sorted(set(data.get("misbehave") or ()))
    unknown = set(misbehave) - MISBEHAVIOURS
    if unknown:
        return HttpResponseBadRequest(f"unknown misbehave flags: {sorted(unknown)}")
    claims = data.get("claims") or {}
    if not isinstance(claims, dict) or "sub" in claims:
        return HttpResponseBadRequest("claims must be an object without 'sub'")
    with transaction.atomic():
        user = User.objects.filter(username=username).first()
        if user is None and email:
            user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User(username=username)
        user.username = username
        user.email = email
        user.is_active = True
        user.set_password(data.get("password") or "")
        user.save()
        EmailAddress.objects.filter(user=user).delete()
        if email:
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    previous = get_record(user.pk)
    sub = data.get("sub") or (previous or {}).get("sub") or uuid.uuid4().hex
    store_record(user.pk, {"sub": sub, "claims": claims, "misbehave": misbehave})
    return JsonResponse({"sub": sub, "username": user.username, "email": email or None})


@csrf_exempt
@require_POST
def remove_user(request: HttpRequest) -> HttpResponse:
    try:
        data = _json(request)
    except ValueError as exc:
        return HttpResponseBadRequest(str(exc))
    user = _find_user(data.get("user") or "")
    if user is None:
        return JsonResponse({"removed": False}, status=404)
    pk = user.pk
    user.delete()
    drop_record(pk)
    return JsonResponse({"removed": True})


@csrf_exempt
@require_POST
def clients(request: HttpRequest) -> HttpResponse:
    try:
        data = _json(request)
    except ValueError as exc:
        return HttpResponseBadRequest(str(exc))
    client_id = data.get("client_id")
    if not client_id or not data.get("secret"):
        return HttpResponseBadRequest("client_id and secret are required")
    client = Client.objects.filter(id=client_id).first() or Client(id=client_id)
    client.name = data.get("name") or client_id
    client.type = Client.Type.CONFIDENTIAL
    client.set_secret(data["secret"])
    client.set_redirect_uris(list(data.get("redirect_uris") or []))
    client.set_scopes(list(data.get("scopes") or ["openid", "profile", "email"]))
    client.set_default_scopes(["openid"])
    client.set_grant_types([Client.GrantType.AUTHORIZATION_CODE])
    client.set_response_types([Client.ResponseType.CODE])
    client.set_post_logout_redirect_uris(list(data.get("post_logout_redirect_uris") or []))
    client.skip_consent = True
    client.full_clean()
    client.save()
    return JsonResponse({"client_id": client.id})


@require_GET
def sign_in_as(request: HttpRequest) -> HttpResponse:
    user = _find_user(request.GET.get("user") or request.GET.get("email") or "")
    if user is None or not user.is_active:
        return HttpResponse("No such user at this provider.", status=404, content_type="text/plain")
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return HttpResponseRedirect(request.GET.get("next") or "/")
