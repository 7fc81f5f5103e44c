"""After every sign-in: which organisation the person lands in, whether the
provider's second factor counts, and the record of a sign-in through a provider."""

from __future__ import annotations

from typing import Any

from allauth.account.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from portal.mfa import PROVIDER_MFA_SESSION_KEY
from portal.tenancy import SESSION_KEY as ORGANISATION_SESSION_KEY
from sso import services
from sso.adapters import PLAN_ATTRIBUTE, assertion_of
from sso.models import SignInAttempt


@receiver(user_logged_in, dispatch_uid="sso_after_login")
def after_login(sender: Any, request: HttpRequest, user: Any, sociallogin: Any = None, **kwargs: Any) -> None:
    # Never carried over from an earlier sign-in in the same browser.
    request.session.pop(PROVIDER_MFA_SESSION_KEY, None)
    if sociallogin is None:
        return
    app = sociallogin.provider.app
    plan = getattr(request, PLAN_ATTRIBUTE, None)
    if plan is None:
        # The sign-in finished after another step (the portal's own second factor):
        # decide again from what the provider asserted, which is stored with the account.
        try:
            target = services.resolve_target(app, assertion_of(sociallogin))
        except services.Refused:
            return
        organisation = target.organisation
    else:
        organisation = plan.target.organisation
    assertion = assertion_of(sociallogin)
    if services.provider_mfa_counts(organisation=organisation, assertion=assertion):
        request.session[PROVIDER_MFA_SESSION_KEY] = organisation.pk
    request.session[ORGANISATION_SESSION_KEY] = organisation.slug
    services.attempt_record(
        provider_id=app.provider_id or app.provider,
        outcome=SignInAttempt.Outcome.SIGNED_IN,
        organisation=organisation,
        user=user,
    )
