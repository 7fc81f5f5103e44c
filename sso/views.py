"""Sign-in pages: the e-mail-first login (home-realm discovery), the federation
buttons, and the end of a coordinator's test sign-in."""

from __future__ import annotations

from typing import Any

from allauth.account.views import LoginView
from allauth.core import ratelimit
from allauth.socialaccount.models import SocialApp
from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sso import services
from sso.adapters import refusal_response
from sso.claims import Assertion
from sso.models import Federation, SignInSettings

LOGIN_EMAIL_SESSION_KEY = "sso_login_email"


class DiscoverForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mailadres"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
        error_messages={
            "required": gettext_lazy("Vul je e-mailadres in."),
            "invalid": gettext_lazy("Vul een geldig e-mailadres in, zoals naam@school.nl."),
        },
    )


def _safe_next(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


def federation_buttons(request: HttpRequest) -> list[dict[str, str]]:
    """The federations this portal is connected to, as sign-in buttons."""
    from allauth.socialaccount.adapter import get_adapter

    labels = dict(Federation.choices)
    buttons = [
        {
            "id": app.provider_id,
            "label": _("Inloggen met %(name)s") % {"name": app.name},
            "url": reverse("openid_connect_login", kwargs={"provider_id": app.provider_id}),
        }
        for app in get_adapter().list_apps(request, provider="openid_connect")
        if app.provider_id in labels
    ]
    return sorted(buttons, key=lambda button: button["id"])


class PortalLoginView(LoginView):
    """allauth's login, e-mail first: an address at a domain whose organisation has its
    own sign-in goes to that provider; anyone else continues with the password."""

    def get_initial(self) -> dict[str, Any]:
        initial = super().get_initial()
        email = self.request.session.get(LOGIN_EMAIL_SESSION_KEY)
        if email:
            initial["login"] = email
        return initial

    def get_form(self, form_class: Any = None) -> Any:
        form = super().get_form(form_class)
        if form.initial.get("login"):
            # The address is known from the first step: the cursor waits in the password.
            form.fields["login"].widget.attrs.pop("autofocus", None)
            form.fields["password"].widget.attrs["autofocus"] = True
        return form

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        password_step = (
            self.request.method == "POST"
            or self.request.GET.get("stap") == "wachtwoord"
            or bool(self.request.session.get(LOGIN_EMAIL_SESSION_KEY))
        )
        context.update(
            login_step="password" if password_step else "email",
            discover_form=DiscoverForm(),
            federations=federation_buttons(self.request),
            next_url=_safe_next(self.request),
        )
        return context


portal_login = PortalLoginView.as_view()


@require_POST
def discover(request: HttpRequest) -> HttpResponse:
    """Home-realm discovery: where does this address sign in?"""
    if not ratelimit.consume(request, action="sso_login"):
        return refusal_response(request, services.Reason.RATE_LIMITED, status=429)
    form = DiscoverForm(request.POST)
    next_url = _safe_next(request)
    if not form.is_valid():
        messages.error(request, _("E-mailadres: %(error)s") % {"error": form.errors["email"][0]})
        return redirect("account_login")
    email = form.cleaned_data["email"].lower()
    app = services.provider_for_address(email)
    if app is not None:
        request.session.pop(LOGIN_EMAIL_SESSION_KEY, None)
        provider = app.get_provider(request)
        return provider.redirect(request, "login", next_url=next_url or None)
    request.session[LOGIN_EMAIL_SESSION_KEY] = email
    query = {"stap": "wachtwoord"}
    if next_url:
        query["next"] = next_url
    return redirect(f"{reverse('account_login')}?{urlencode(query)}")


@require_POST
def other_address(request: HttpRequest) -> HttpResponse:
    """Back to the first step, to type another address."""
    request.session.pop(LOGIN_EMAIL_SESSION_KEY, None)
    return redirect("account_login")


def test_finished(request: HttpRequest, app: SocialApp, assertion: Assertion) -> HttpResponse:
    """A coordinator's test sign-in came back (called by the adapter, signs nobody in)."""
    sign_in = SignInSettings.objects.select_related("organisation").get(app=app)
    organisation = sign_in.organisation
    try:
        target = services.resolve_target(app, assertion)
    except services.Refused as refused:
        title, _explanation = services.REASON_TEXT[refused.reason]
        result = _("Niet gelukt: %(reason)s") % {"reason": title}
        passed = False
    else:
        parts = [_("Gelukt: de provider antwoordde en het antwoord klopt.")]
        if assertion.email_domain:
            verified = target.may_provision
            parts.append(
                _("Domein van het e-mailadres: %(domain)s (%(state)s).")
                % {"domain": assertion.email_domain, "state": _("geverifieerd") if verified else _("niet geverifieerd")}
            )
        else:
            parts.append(_("De provider stuurde geen e-mailadres."))
        parts.append(
            _("De provider meldde een tweede stap.")
            if assertion.mfa_asserted
            else _("De provider meldde geen tweede stap.")
        )
        result = " ".join(str(part) for part in parts)
        passed = True
    services.provider_test_recorded(sign_in=sign_in, user=request.user, passed=passed, result=result)  # type: ignore[arg-type]
    (messages.success if passed else messages.error)(request, result)
    return redirect("sso:settings", org_slug=organisation.slug)
