"""MFA is required for every role that can see case data, and the real login
flow asks for the second factor."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django_scopes import scope

from portal.models import Membership, User
from portal.roles import Role
from portal.selectors import user_lacks_required_mfa
from tests.factories import TEST_PASSWORD, MembershipFactory, PartnerFactory
from tests.helpers import totp_code

pytestmark = pytest.mark.django_db

MFA_REQUIRED = "/account/mfa-vereist/"
EXPECTED_MFA_ROLES_AT_A_SCHOOL = [Role.CASE_HANDLER, Role.ORG_COORDINATOR]


def pages(org) -> list[str]:
    return [f"/o/{org.slug}/", f"/o/{org.slug}/leden/", f"/o/{org.slug}/uitnodigingen/", "/organisaties/", "/"]


@pytest.mark.parametrize("role", EXPECTED_MFA_ROLES_AT_A_SCHOOL)
def test_mfa_role_without_a_factor_is_sent_to_set_one_up(role, client, org, member_factory):
    member = member_factory(org, role, mfa=False, email="zonder@example.org")
    login = client.post("/accounts/login/", {"login": "zonder@example.org", "password": TEST_PASSWORD}, follow=True)
    assert login.redirect_chain[-1] == (MFA_REQUIRED, 302)
    for path in pages(org):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == MFA_REQUIRED, path
    # A POST is stopped too, before the view runs.
    response = client.post(f"/o/{org.slug}/uitnodigingen/", {"email": "x@example.org", "role": Role.LEARNER})
    assert response["Location"] == MFA_REQUIRED

    page = client.get(MFA_REQUIRED)
    assert page.status_code == 200
    assert 'href="/accounts/2fa/totp/activate/"' in page.text

    # The set-up page is reachable (allauth asks for the password once more
    # first), and setting up TOTP opens the portal.
    setup = client.get("/accounts/2fa/totp/activate/")
    assert setup.status_code == 302
    assert setup["Location"].startswith("/accounts/reauthenticate/")
    setup = client.post(setup["Location"], {"password": TEST_PASSWORD}, follow=True)
    assert setup.status_code == 200
    assert setup.request["PATH_INFO"] == "/accounts/2fa/totp/activate/"
    secret = setup.context["form"].secret
    done = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert done.status_code == 302
    assert Authenticator.objects.filter(user=member.user, type=Authenticator.Type.TOTP).exists()
    assert client.get(f"/o/{org.slug}/").status_code == 200


def test_reauthentication_for_the_set_up_is_reachable(client, org, member_factory):
    """Signed in long ago (no recent password): allauth asks for it again first."""
    client.force_login(member_factory(org, Role.CASE_HANDLER, mfa=False).user)
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("kind_fixture", "role"),
    [
        ("municipality", Role.MUNICIPAL_COORDINATOR),
        ("platform_org", Role.PLATFORM_ADMIN),
        ("partner", Role.PARTNER_INTAKE),
    ],
)
def test_every_mfa_role_is_stopped(kind_fixture, role, request, client, member_factory):
    if kind_fixture == "partner":
        organisation = PartnerFactory()
    else:
        organisation = request.getfixturevalue(kind_fixture)
    client.force_login(member_factory(organisation, role, mfa=False).user)
    assert client.get(f"/o/{organisation.slug}/")["Location"] == MFA_REQUIRED


def test_the_same_role_with_a_factor_passes(client, org, member_factory):
    member = member_factory(org, Role.CASE_HANDLER, mfa=True)
    client.force_login(member.user)
    assert client.get(f"/o/{org.slug}/").status_code == 200


@pytest.mark.parametrize("role", [Role.LEARNER, Role.CONTENT_EDITOR])
def test_roles_without_case_data_are_not_redirected(role, client, org, member_factory):
    client.force_login(member_factory(org, role, mfa=False).user)
    assert client.get(f"/o/{org.slug}/").status_code == 200
    assert client.get("/organisaties/").status_code == 200


def test_a_learner_elsewhere_who_is_a_case_handler_here_needs_mfa(client, org, other_org, member_factory):
    member = member_factory(org, Role.LEARNER, mfa=False)
    MembershipFactory(organisation=other_org, user=member.user, role=Role.CASE_HANDLER)
    client.force_login(member.user)
    # Even the organisation where they are only a learner is closed until MFA is set up.
    assert client.get(f"/o/{org.slug}/")["Location"] == MFA_REQUIRED


def test_an_inactive_mfa_membership_does_not_require_mfa(client, org, other_org, member_factory):
    member = member_factory(org, Role.LEARNER, mfa=False)
    handler = MembershipFactory(organisation=other_org, user=member.user, role=Role.CASE_HANDLER)
    with scope(organisation=other_org):
        Membership.objects.filter(pk=handler.pk).update(is_active=False)
    client.force_login(member.user)
    assert client.get(f"/o/{org.slug}/").status_code == 200


@pytest.mark.parametrize(
    ("factor", "passes"),
    [
        (None, False),
        (Authenticator.Type.RECOVERY_CODES, False),
        (Authenticator.Type.TOTP, True),
        (Authenticator.Type.WEBAUTHN, True),
    ],
)
def test_only_an_app_or_a_security_key_counts_as_a_second_factor(client, org, member_factory, factor, passes):
    member = member_factory(org, Role.CASE_HANDLER, mfa=False)
    if factor is not None:
        Authenticator.objects.create(user=member.user, type=factor, data={})
    client.force_login(member.user)
    response = client.get(f"/o/{org.slug}/")
    assert (response.status_code == 200) is passes
    assert user_lacks_required_mfa(member.user) is not passes


def test_a_superuser_needs_a_second_factor_without_any_membership(client, org):
    user = User.objects.create_superuser(email="beheer@example.org", password=TEST_PASSWORD)
    assert user_lacks_required_mfa(user)
    client.force_login(user)
    assert client.get("/organisaties/")["Location"] == MFA_REQUIRED
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    assert not user_lacks_required_mfa(user)


def test_anonymous_is_not_sent_to_mfa(client, org):
    assert client.get("/").status_code == 200
    assert client.get(f"/o/{org.slug}/")["Location"].startswith("/accounts/login/")


# --- The real login flow ---------------------------------------------------------


def _password_step(client, email: str):
    response = client.post("/accounts/login/", {"login": email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # not signed in after the password alone
    return response


def test_login_with_password_and_totp(client, org, member_factory):
    member = member_factory(org, Role.CASE_HANDLER, mfa=True, email="vera@example.org")
    assert Authenticator.objects.filter(user=member.user, type=Authenticator.Type.TOTP).exists()
    _password_step(client, "vera@example.org")
    # Until the code is given, the portal stays closed.
    assert client.get(f"/o/{org.slug}/")["Location"].startswith("/accounts/login/")

    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == member.user.pk
    assert client.get(f"/o/{org.slug}/").status_code == 200


def test_wrong_totp_code_does_not_sign_in(client, org, member_factory):
    member_factory(org, Role.CASE_HANDLER, mfa=True, email="vera@example.org")
    _password_step(client, "vera@example.org")
    wrong = "000000" if totp_code() != "000000" else "111111"
    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session
    assert client.get(f"/o/{org.slug}/")["Location"].startswith("/accounts/login/")


def test_a_used_code_cannot_be_replayed(client, org, member_factory):
    member_factory(org, Role.CASE_HANDLER, mfa=True, email="vera@example.org")
    code = totp_code()
    _password_step(client, "vera@example.org")
    assert client.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302
    attacker = Client()
    _password_step(attacker, "vera@example.org")
    attacker.post("/accounts/2fa/authenticate/", {"code": code})
    assert "_auth_user_id" not in attacker.session


def test_learner_logs_in_without_a_second_step(client, org, member_factory):
    member = member_factory(org, Role.LEARNER, email="lotte@example.org")
    response = client.post("/accounts/login/", {"login": "lotte@example.org", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] != "/accounts/2fa/authenticate/"
    assert int(client.session["_auth_user_id"]) == member.user.pk
