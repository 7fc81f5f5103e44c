"""allauth's hooks: accounts come from invitations or from a trusted sign-in through
an organisation's federation or provider, never from open sign-up.

- ``list_apps``: only the federations and the providers that are switched on (plus the
  one a coordinator is testing, for that coordinator), so a provider that is not on
  cannot sign anyone in, and each provider is bound to its own organisation.
- ``pre_social_login``: the provider's answer has been verified by allauth or
  python3-saml; here it is matched to an organisation (``services.plan_sign_in``)
  and allowed or refused with a page that says why.
- The account adapter refuses the portal's own login (password, code, passkey) to
  members of an organisation that switched it off.
"""

from __future__ import annotations

from typing import Any

from allauth.account.internal.stagekit import clear_login
from allauth.core import ratelimit
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp, SocialLogin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from portal.adapters import AccountAdapter as PortalAccountAdapter
from portal.models import Organisation, User
from sso import services
from sso.claims import Assertion
from sso.models import SignInAttempt, SignInSettings
from sso.services import REASON_TEXT, Reason, Refused

# Set by the test view: the pk of the SignInSettings a coordinator is testing.
TEST_SESSION_KEY = "sso_testing"
# What ``pre_social_login`` decided, for ``save_user`` later in the same request.
PLAN_ATTRIBUTE = "_sso_plan"


def refusal_response(
    request: HttpRequest, reason: Reason, *, organisation: Organisation | None = None, status: int = 403
) -> HttpResponse:
    title, explanation = REASON_TEXT[reason]
    return render(
        request,
        "sso/refused.html",
        {"reason": reason.value, "title": title, "explanation": explanation, "refused_organisation": organisation},
        status=status,
    )


def assertion_of(sociallogin: SocialLogin) -> Assertion:
    account = sociallogin.account
    email = sociallogin.email_addresses[0].email if sociallogin.email_addresses else None
    protocol = "saml" if _app_of(sociallogin).provider == "saml" else "oidc"
    return Assertion.from_extra_data(protocol, account.extra_data or {}, email or None)


def _app_of(sociallogin: SocialLogin) -> SocialApp:
    return sociallogin.provider.app


class AccountAdapter(PortalAccountAdapter):
    def pre_login(
        self,
        request: HttpRequest,
        user: Any,
        *,
        email_verification: str,
        signal_kwargs: dict[str, Any] | None,
        email: str | None,
        signup: bool,
        redirect_url: str | None,
    ) -> HttpResponse | None:
        response = super().pre_login(
            request,
            user,
            email_verification=email_verification,
            signal_kwargs=signal_kwargs,
            email=email,
            signup=signup,
            redirect_url=redirect_url,
        )
        if response is not None:
            return response
        if signal_kwargs and signal_kwargs.get("sociallogin") is not None:
            return None
        closed_by = services.password_login_refused(user)
        if closed_by is None:
            return None
        clear_login(request)
        services.attempt_record(
            provider_id="portal",
            outcome=SignInAttempt.Outcome.REFUSED,
            reason=Reason.PASSWORD_LOGIN_OFF,
            organisation=closed_by,
            user=user,
        )
        return refusal_response(request, Reason.PASSWORD_LOGIN_OFF, organisation=closed_by)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(
        self, request: HttpRequest | None, provider: str | None = None, client_id: str | None = None
    ) -> list[SocialApp]:
        apps = super().list_apps(request, provider=provider, client_id=client_id)
        stored = [app.pk for app in apps if app.pk is not None and not services.is_federation(app)]
        if not stored:
            return apps
        active = set(
            SignInSettings.objects.filter(
                app__in=stored, status=SignInSettings.Status.ACTIVE, organisation__is_active=True
            ).values_list("app_id", flat=True)
        )
        testing = _testing_app_id(request)
        # The portal's SAML metadata is what an identity provider needs before the first
        # test: it is public and signs nobody in, so it is served for any configured app.
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "saml_metadata":
            return apps
        return [
            app
            for app in apps
            if app.pk is None or services.is_federation(app) or app.pk in active or app.pk == testing
        ]

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        app = _app_of(sociallogin)
        provider_id = app.provider_id or app.provider
        if not ratelimit.consume(request, action="sso_login"):
            services.attempt_record(
                provider_id=provider_id, outcome=SignInAttempt.Outcome.REFUSED, reason=Reason.RATE_LIMITED
            )
            raise ImmediateHttpResponse(refusal_response(request, Reason.RATE_LIMITED, status=429))
        assertion = assertion_of(sociallogin)
        if app.pk is not None and app.pk == _testing_app_id(request):
            raise ImmediateHttpResponse(_finish_test(request, app, assertion))
        if sociallogin.state.get("process") == "connect":
            # Linking a provider to the signed-in account: no organisation changes here.
            return
        user = sociallogin.user if sociallogin.is_existing else None
        try:
            plan = services.plan_sign_in(app=app, assertion=assertion, user=user)
        except Refused as refused:
            services.attempt_record(
                provider_id=provider_id,
                outcome=SignInAttempt.Outcome.REFUSED,
                reason=refused.reason,
                organisation=refused.organisation,
                user=user,
            )
            raise ImmediateHttpResponse(
                refusal_response(request, refused.reason, organisation=refused.organisation)
            ) from None
        organisation = plan.target.organisation
        if plan.link_to is not None:
            sociallogin.connect(request, plan.link_to)
            services.account_linked(organisation=organisation, user=plan.link_to, provider_name=app.name)
        existing = plan.link_to or user
        if existing is not None and plan.add_membership:
            services.membership_provision(organisation=organisation, user=existing, provider_name=app.name)
        setattr(request, PLAN_ATTRIBUTE, plan)

    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        plan = getattr(request, PLAN_ATTRIBUTE, None)
        return bool(plan and plan.add_membership and plan.target.may_provision)

    def is_auto_signup_allowed(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        # The provider vouches for the person; no sign-up form (and no address needed).
        return self.is_open_for_signup(request, sociallogin)

    def populate_user(self, request: HttpRequest, sociallogin: SocialLogin, data: dict[str, Any]) -> User:
        user = super().populate_user(request, sociallogin, data)
        user.email = (user.email or "").strip().lower() or None
        return user

    def save_user(self, request: HttpRequest, sociallogin: SocialLogin, form: Any = None) -> User:
        user = super().save_user(request, sociallogin, form)
        plan = getattr(request, PLAN_ATTRIBUTE)
        services.membership_provision(
            organisation=plan.target.organisation, user=user, provider_name=_app_of(sociallogin).name
        )
        return user

    def on_authentication_error(
        self,
        request: HttpRequest,
        provider: Any,
        error: Any = None,
        exception: Any = None,
        extra_context: Any = None,
    ) -> None:
        """A provider's answer that did not verify (signature, issuer, audience, expiry,
        a replayed or unknown state): recorded, then shown as our own page."""
        app = getattr(provider, "app", None)
        provider_id = (app.provider_id or app.provider) if app is not None else str(getattr(provider, "id", ""))
        services.attempt_record(
            provider_id=provider_id, outcome=SignInAttempt.Outcome.REFUSED, reason=Reason.PROVIDER_ERROR
        )
        raise ImmediateHttpResponse(refusal_response(request, Reason.PROVIDER_ERROR))


def _testing_app_id(request: HttpRequest | None) -> int | None:
    if request is None or not hasattr(request, "session") or not request.user.is_authenticated:
        return None
    settings_pk = request.session.get(TEST_SESSION_KEY)
    if not settings_pk:
        return None
    return SignInSettings.objects.filter(pk=settings_pk).values_list("app_id", flat=True).first()


def _finish_test(request: HttpRequest, app: SocialApp, assertion: Assertion) -> HttpResponse:
    """A coordinator's test sign-in: check the answer as a real sign-in would, store
    the outcome on the settings, sign nobody in, and go back to the settings page."""
    from sso.views import test_finished

    request.session.pop(TEST_SESSION_KEY, None)
    return test_finished(request, app, assertion)
