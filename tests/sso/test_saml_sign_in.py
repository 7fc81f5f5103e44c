"""Signing in through an organisation's SAML identity provider. A test identity
provider in the suite signs real assertions (signxml, a throwaway key); the portal
checks them with allauth's SAML provider (python3-saml)."""

from __future__ import annotations

import datetime as dt

import pytest
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from portal.mfa import PROVIDER_MFA_SESSION_KEY
from portal.models import Membership, User
from portal.roles import Role
from portal.tenancy import SESSION_KEY
from sso import services
from sso.models import ProviderKind, SignInAttempt, SignInSettings
from tests.helpers import make_member
from tests.sso.flows import leaving_for, verified_domain
from tests.sso.saml_idp import SamlTestIdp

pytestmark = pytest.mark.django_db

HOST = "127.0.0.1"
EMAIL_ATTRIBUTE = "urn:oid:0.9.2342.19200300.100.1.3"
GIVEN_NAME = "urn:oid:2.5.4.42"
TWO_FACTOR = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"


@pytest.fixture
def browser():
    # python3-saml wants a host with a dot or an IP address in the URLs it checks.
    return Client(HTTP_HOST=HOST)


@pytest.fixture(scope="module")
def idp():
    return SamlTestIdp(entity_id="https://idp.basisschool-een.nl/saml", sso_url="https://idp.basisschool-een.nl/sso")


def saml_provider(organisation, idp: SamlTestIdp, *, metadata_url: str = "", trust_provider_mfa: bool = False):
    """Configure through the coordinator's service, record a passed test, switch on."""
    coordinator = make_member(organisation, Role.ORG_COORDINATOR)
    config = services.ProviderConfig(
        kind=ProviderKind.SAML,
        name="Inlog school",
        metadata_url=metadata_url,
        entity_id=idp.entity_id,
        sso_url="" if metadata_url else idp.sso_url,
        x509cert="" if metadata_url else idp.cert_base64,
    )
    sign_in = services.provider_configure(actor_membership=coordinator, config=config)
    services.provider_test_recorded(sign_in=sign_in, user=coordinator.user, passed=True, result="ok")
    services.provider_switch(actor_membership=coordinator, on=True)
    services.sign_in_policy_set(
        actor_membership=coordinator, password_login=True, trust_provider_mfa=trust_provider_mfa
    )
    verified_domain(organisation, "basisschool-een.nl")
    return coordinator


def start(browser, organisation, idp, *, next_url: str | None = None):
    data = {"next": next_url} if next_url else {}
    response = browser.post(reverse("saml_login", kwargs={"organization_slug": organisation.slug}), data)
    location = leaving_for(response)
    assert location.startswith(idp.sso_url)
    return idp.parse_authn_request(location)


def post_to_acs(browser, info, saml_response: str):
    acs = browser.post(info.acs_url, SamlTestIdp.post_form(info.acs_url, saml_response, info.relay_state))
    assert acs.status_code == 302  # to the finish step: the session cookie is not sent on a cross-site POST
    return browser.get(acs["Location"])


def good_response(idp, info, email: str, **overrides):
    values = {
        "in_response_to": info.id,
        "acs_url": info.acs_url,
        "audience": info.issuer,
        "name_id": f"persistent-{email}",
        "attributes": {EMAIL_ATTRIBUTE: [email], GIVEN_NAME: ["Sam"]},
    }
    values.update(overrides)
    return idp.response(**values)


def refused(response, reason: str) -> str:
    assert response.status_code == 403, (response.status_code, response.content[:300])
    assert SignInAttempt.objects.filter(outcome="refused", reason=reason).exists()
    assert "_auth_user_id" not in response.wsgi_request.session
    return response.content.decode()


def test_a_signed_assertion_signs_in_and_provisions_at_a_verified_domain(browser, org, idp):
    saml_provider(org, idp)
    info = start(browser, org, idp)

    response = post_to_acs(browser, info, good_response(idp, info, "sam@basisschool-een.nl"))

    assert response.status_code == 302
    user = User.objects.get(email="sam@basisschool-een.nl")
    assert user.first_name == "Sam"
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == (f"saml-{org.slug}", "persistent-sam@basisschool-een.nl")
    with scopes_disabled():
        assert Membership.objects.get(user=user).role == Role.LEARNER
    assert browser.session[SESSION_KEY] == org.slug
    assert SignInAttempt.objects.filter(outcome="signed_in", organisation=org, user=user).exists()


def test_the_identity_providers_metadata_can_be_fetched_from_a_url(browser, org, idp):
    with idp.serve_metadata() as url:
        saml_provider(org, idp, metadata_url=url)
        info = start(browser, org, idp)
    post_to_acs(browser, info, good_response(idp, info, "meta@basisschool-een.nl"))
    assert User.objects.filter(email="meta@basisschool-een.nl").exists()


def test_the_portals_metadata_names_its_acs(browser, org, idp):
    saml_provider(org, idp)
    response = browser.get(reverse("saml_metadata", kwargs={"organization_slug": org.slug}))
    assert response.status_code == 200
    assert f"http://{HOST}/accounts/saml/{org.slug}/acs/" in response.content.decode()


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"tamper": True}, id="tampered"),
        pytest.param({"not_on_or_after": dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)}, id="expired"),
        pytest.param({"audience": "https://another-service.example/saml"}, id="wrong-audience"),
        pytest.param({"sign": "none"}, id="unsigned"),
        pytest.param({"sign": "response"}, id="only-the-envelope-signed"),
        pytest.param({"key": SamlTestIdp().private_key}, id="forged-signature"),
        pytest.param({"issuer": "https://idp.evil.example/saml"}, id="wrong-issuer"),
    ],
)
def test_an_assertion_that_does_not_verify_is_refused(browser, org, idp, overrides):
    saml_provider(org, idp)
    info = start(browser, org, idp)

    page = refused(
        post_to_acs(browser, info, good_response(idp, info, "x@basisschool-een.nl", **overrides)), "provider_error"
    )

    assert "Inloggen is niet gelukt" in page
    assert not User.objects.filter(email="x@basisschool-een.nl").exists()


def test_a_replayed_assertion_is_refused(browser, org, idp):
    saml_provider(org, idp)
    info = start(browser, org, idp)
    saml_response = good_response(idp, info, "twice@basisschool-een.nl")
    post_to_acs(browser, info, saml_response)
    assert "_auth_user_id" in browser.session

    # The same response again: in the same browser after signing out, and in another.
    browser.logout()
    refused(post_to_acs(browser, info, saml_response), "provider_error")
    refused(post_to_acs(Client(HTTP_HOST=HOST), info, saml_response), "provider_error")


def test_a_sign_in_the_identity_provider_started_itself_is_refused(browser, org, idp):
    saml_provider(org, idp)
    info = start(browser, org, idp)

    refused(
        post_to_acs(browser, info, good_response(idp, info, "idp@basisschool-een.nl", in_response_to=None)),
        "provider_error",
    )


def test_another_organisations_identity_provider_cannot_sign_in_here(browser, org, other_org, idp):
    saml_provider(org, idp)
    other_idp = SamlTestIdp(entity_id="https://idp.andere-school.nl/saml", sso_url="https://idp.andere-school.nl/sso")
    info = start(browser, org, idp)
    # The other school's identity provider answers this school's request with its own key.
    forged = other_idp.response(
        in_response_to=info.id,
        acs_url=info.acs_url,
        audience=info.issuer,
        name_id="intruder",
        attributes={EMAIL_ATTRIBUTE: ["intruder@basisschool-een.nl"]},
    )
    refused(post_to_acs(browser, info, forged), "provider_error")
    assert not User.objects.filter(email="intruder@basisschool-een.nl").exists()


def test_the_next_page_survives_the_round_trip_and_stays_in_the_portal(browser, org, idp):
    saml_provider(org, idp)
    target = reverse("training:my_training", kwargs={"org_slug": org.slug})
    info = start(browser, org, idp, next_url=target)
    response = post_to_acs(browser, info, good_response(idp, info, "next@basisschool-een.nl"))
    assert response["Location"] == target

    browser.logout()
    info = start(browser, org, idp, next_url="https://evil.example/")
    response = post_to_acs(browser, info, good_response(idp, info, "next@basisschool-een.nl"))
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_the_authentication_context_tells_whether_a_second_factor_was_used(browser, org, idp):
    saml_provider(org, idp, trust_provider_mfa=True)
    info = start(browser, org, idp)
    post_to_acs(browser, info, good_response(idp, info, "avf@basisschool-een.nl", authn_context=TWO_FACTOR))
    assert browser.session[PROVIDER_MFA_SESSION_KEY] == org.pk

    browser.logout()
    info = start(browser, org, idp)
    post_to_acs(browser, info, good_response(idp, info, "avf@basisschool-een.nl"))
    assert PROVIDER_MFA_SESSION_KEY not in browser.session


def test_a_provider_that_is_switched_off_answers_404(browser, org, idp):
    coordinator = saml_provider(org, idp)
    services.provider_switch(actor_membership=coordinator, on=False)
    assert SignInSettings.objects.get(organisation=org).status == SignInSettings.Status.OFF
    response = browser.post(reverse("saml_login", kwargs={"organization_slug": org.slug}))
    assert response.status_code == 404
