"""The sign-in settings of an organisation, under ``/o/<org_slug>/inloggen/``: its own
identity provider (set up, test, switch on or off), its mail domains, the federations
it is known by, whether the portal's own login stays open, and the latest sign-ins.

Thin views: validate a form, call one service in ``sso.services``, redirect with a
message. A ``SettingsError`` of a service comes back under the field it names. The
rows on this page are not tenant-scoped models, so every query here filters on the
organisation explicitly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import requests
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from onelogin.saml2.errors import OneLogin_Saml2_Error

from portal.forms import submit
from portal.roles import Action, require
from portal.tenancy import TenantRequest
from sso import services
from sso.adapters import TEST_SESSION_KEY
from sso.forms import KIND_FIELDS, DomainForm, PolicyForm, ProviderForm
from sso.models import Federation, FederationLink, ProviderKind, SignInAttempt, SignInDomain, SignInSettings

ATTEMPTS_SHOWN = 20


def _settings_of(request: TenantRequest) -> SignInSettings | None:
    """The organisation's sign-in settings, or None before anything was set (a GET
    creates nothing)."""
    return SignInSettings.objects.select_related("app", "tested_by").filter(organisation=request.organisation).first()


def _back(org_slug: str) -> HttpResponse:
    return redirect("sso:settings", org_slug=org_slug)


def _settings_call[T](call: Callable[[], T]) -> T:
    """Run a service; its ``SettingsError`` becomes a ``ValidationError`` on the field
    it names (``portal.forms.submit`` puts it beside that field)."""
    try:
        return call()
    except services.SettingsError as exc:
        raise ValidationError({exc.field: [exc.message]}) from None


def _register_at_provider(request: TenantRequest, sign_in: SignInSettings | None) -> dict[str, str]:
    """What the coordinator fills in at the provider: the portal's addresses."""
    slug = request.organisation.slug
    app = sign_in.app if sign_in is not None else None
    oidc_id = app.provider_id if app is not None and app.provider == "openid_connect" else f"org-{slug}"
    return {
        "redirect_uri": request.build_absolute_uri(reverse("openid_connect_callback", kwargs={"provider_id": oidc_id})),
        "saml_entity_id": request.build_absolute_uri(reverse("saml_metadata", args=[slug])),
        "saml_acs": request.build_absolute_uri(reverse("saml_acs", args=[slug])),
    }


def _provider_labels(sign_in: SignInSettings | None) -> dict[str, str]:
    labels = {str(value): str(label) for value, label in Federation.choices}
    labels["portal"] = _("Wachtwoord, code of passkey van het portaal")
    if sign_in is not None and sign_in.app is not None:
        labels[sign_in.app.provider_id] = sign_in.app.name
    return labels


def _attempt_rows(request: TenantRequest, sign_in: SignInSettings | None) -> list[dict[str, Any]]:
    attempts: QuerySet[SignInAttempt] = (
        SignInAttempt.objects.filter(organisation=request.organisation)
        .select_related("user")
        .order_by("-created_at", "-pk")[:ATTEMPTS_SHOWN]
    )
    labels = _provider_labels(sign_in)
    reasons: dict[str, Any] = {str(reason): title for reason, (title, _explanation) in services.REASON_TEXT.items()}
    reasons["test"] = _("De test is niet gelukt")
    return [
        {
            "created_at": attempt.created_at,
            "provider": labels.get(attempt.provider_id, attempt.provider_id),
            "outcome": attempt.get_outcome_display(),
            "refused": attempt.outcome == SignInAttempt.Outcome.REFUSED,
            "reason": reasons.get(attempt.reason, attempt.reason),
            "user": str(attempt.user) if attempt.user is not None else "",
        }
        for attempt in attempts
    ]


def _render_overview(
    request: TenantRequest,
    *,
    domain_form: DomainForm | None = None,
    policy_form: PolicyForm | None = None,
    status: int = 200,
) -> HttpResponse:
    organisation = request.organisation
    sign_in = _settings_of(request)
    if policy_form is None:
        policy_form = PolicyForm(
            initial={
                "password_login": sign_in.password_login if sign_in else True,
                "trust_provider_mfa": sign_in.trust_provider_mfa if sign_in else False,
            }
        )
    configured = sign_in is not None and sign_in.app is not None
    status_value = sign_in.status if sign_in is not None else SignInSettings.Status.OFF
    context = {
        "sign_in": sign_in,
        "configured": configured,
        "is_active": bool(sign_in and sign_in.is_active),
        # As provider_switch allows it: after a passed test (TESTED), or again after switching off.
        "may_switch_on": configured
        and sign_in is not None
        and sign_in.tested_at is not None
        and status_value in (SignInSettings.Status.TESTED, SignInSettings.Status.OFF),
        "is_saml": configured and sign_in is not None and sign_in.provider_kind == ProviderKind.SAML,
        "register": _register_at_provider(request, sign_in),
        "domains": list(SignInDomain.objects.filter(organisation=organisation).order_by("domain")),
        "domain_form": domain_form or DomainForm(),
        "federation_links": list(
            FederationLink.objects.filter(organisation=organisation).order_by("federation", "home_organisation_id")
        ),
        "policy_form": policy_form,
        "attempts": _attempt_rows(request, sign_in),
        "attempts_shown": ATTEMPTS_SHOWN,
    }
    return render(request, "sso/settings.html", context, status=status)


@require_GET
def overview(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.SIGN_IN_MANAGE)
    return _render_overview(request)


@require_http_methods(["GET", "POST"])
def provider_edit(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.SIGN_IN_MANAGE)
    sign_in = _settings_of(request)
    form = ProviderForm(request.POST or None, sign_in=sign_in)
    if submit(
        request,
        form,
        lambda data: _settings_call(
            lambda: services.provider_configure(actor_membership=request.membership, config=form.config())
        ),
    ):
        messages.success(
            request,
            _(
                "De provider is opgeslagen. Test nu of inloggen werkt: kies ‘Testen’. "
                "Pas na een geslaagde test kun je de inlog aanzetten."
            ),
        )
        return _back(org_slug)
    kinds = [
        {
            "value": value,
            "label": label,
            "fields": [form[name] for name in KIND_FIELDS[value]],
        }
        for value, label in ProviderKind.choices
    ]
    return render(
        request,
        "sso/provider_form.html",
        {
            "form": form,
            "kinds": kinds,
            "sign_in": sign_in,
            "register": _register_at_provider(request, sign_in),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def provider_test(request: TenantRequest, org_slug: str) -> HttpResponse:
    """Start a test sign-in with the organisation's provider, also when it is not on.
    The adapter recognises the answer (``TEST_SESSION_KEY``), signs nobody in and
    comes back to the settings page with the outcome (``sso.views.test_finished``)."""
    require(request, Action.SIGN_IN_MANAGE)
    sign_in = _settings_of(request)
    if sign_in is None or sign_in.app is None:
        messages.error(request, _("Stel eerst de provider in; daarna kun je hem testen."))
        return _back(org_slug)
    request.session[TEST_SESSION_KEY] = sign_in.pk
    provider = sign_in.app.get_provider(request)
    try:
        return provider.redirect(request, "login", next_url=reverse("sso:settings", kwargs={"org_slug": org_slug}))
    except (requests.RequestException, OSError, ValueError):
        # The discovery document or the SAML metadata could not be fetched or read.
        request.session.pop(TEST_SESSION_KEY, None)
        messages.error(request, _("De provider antwoordt niet: controleer de URL."))
    except OneLogin_Saml2_Error:
        request.session.pop(TEST_SESSION_KEY, None)
        messages.error(request, _("De gegevens van de provider kloppen niet: controleer ze bij ‘Wijzigen’."))
    return _back(org_slug)


@require_POST
def provider_switch(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.SIGN_IN_MANAGE)
    on = request.POST.get("on") == "1"
    try:
        services.provider_switch(actor_membership=request.membership, on=on)
    except services.SettingsError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("De inlog via jullie provider staat aan.")
            if on
            else _("De inlog via jullie provider staat uit. Niemand kan er nu nog mee inloggen."),
        )
    return _back(org_slug)


@require_POST
def policy(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.SIGN_IN_MANAGE)
    form = PolicyForm(request.POST)
    if submit(
        request,
        form,
        lambda data: _settings_call(
            lambda: services.sign_in_policy_set(
                actor_membership=request.membership,
                password_login=data["password_login"],
                trust_provider_mfa=data["trust_provider_mfa"],
            )
        ),
    ):
        messages.success(request, _("De instellingen voor inloggen zijn opgeslagen."))
        return _back(org_slug)
    return _render_overview(request, policy_form=form, status=400)


@require_POST
def domain_add(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.SIGN_IN_MANAGE)
    form = DomainForm(request.POST)
    if done := submit(
        request,
        form,
        lambda data: _settings_call(
            lambda: services.domain_add(actor_membership=request.membership, domain=data["domain"])
        ),
    ):
        messages.success(
            request,
            _(
                "Het domein %(domain)s is aangemeld. Het telt mee zodra de beheerder van het platform het heeft geverifieerd."
            )
            % {"domain": done.value.domain},
        )
        return _back(org_slug)
    return _render_overview(request, domain_form=form, status=400)


@require_POST
def domain_remove(request: TenantRequest, org_slug: str, domain_id: int) -> HttpResponse:
    require(request, Action.SIGN_IN_MANAGE)
    # Another organisation's domain is the same 404 as one that does not exist.
    domain = get_object_or_404(SignInDomain, pk=domain_id, organisation=request.organisation)
    services.domain_remove(actor_membership=request.membership, domain=domain)
    messages.success(request, _("Het domein %(domain)s is verwijderd.") % {"domain": domain.domain})
    return _back(org_slug)
