"""Signing in through a real OpenID provider on 127.0.0.1, playing Entree, SURFconext,
an Entra ID tenant, Google Workspace and an organisation's own provider."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse
from django_scopes import scopes_disabled

from portal.mfa import PROVIDER_MFA_SESSION_KEY
from portal.models import AuditEvent, Membership, User
from portal.roles import Role
from portal.tenancy import SESSION_KEY
from sso.models import Federation, ProviderKind, SignInAttempt, SignInSettings
from tests.factories import TEST_PASSWORD, SchoolFactory
from tests.helpers import make_member
from tests.sso.flows import (
    ENTRA_TENANT,
    OTHER_TENANT,
    PASSWORD,
    federation_app,
    leaving_for,
    link_federation,
    organisation_provider,
    sign_in,
    start,
    unique,
    verified_domain,
)
from tests.sso.oidc_provider import SignInRefused

pytestmark = pytest.mark.django_db


def memberships(user: User) -> list[tuple[str, str, bool]]:
    with scopes_disabled():
        return sorted(
            (m.organisation.slug, m.role, m.is_active)
            for m in Membership.objects.filter(user=user).select_related("organisation")
        )


def refused(response, reason: str):
    assert response.status_code == 403, response.content[:300]
    assert SignInAttempt.objects.filter(outcome="refused", reason=reason).exists()
    assert not response.wsgi_request.user.is_authenticated
    return response.content.decode()


# --- Entree -------------------------------------------------------------------------


def test_an_entree_teacher_without_address_gets_an_account_keyed_on_the_subject(client, org, oidc_provider):
    federation_app(oidc_provider, "entree")
    link_federation(org, Federation.ENTREE, "12AB")
    username = unique("juf", "entree").split("@")[0]
    sub = oidc_provider.add_user(
        None,
        PASSWORD,
        {"nlEduPersonHomeOrganizationId": "12AB", "eduPersonAffiliation": ["employee"], "given_name": "Jet"},
        username=username,
    )

    response = sign_in(client, oidc_provider, "entree", username)

    assert response.status_code == 302
    account = SocialAccount.objects.get(provider="entree", uid=sub)
    user = account.user
    assert user.email is None
    assert user.first_name == "Jet"
    assert not user.has_usable_password()
    assert memberships(user) == [(org.slug, Role.LEARNER, True)]
    assert client.session[SESSION_KEY] == org.slug
    assert SignInAttempt.objects.filter(outcome="signed_in", organisation=org, user=user).count() == 1
    with scopes_disabled():
        assert AuditEvent.objects.filter(
            organisation=org, kind=AuditEvent.Kind.SSO_PROVISIONED, subject_user=user
        ).exists()
    # Signed in, in the organisation, without being asked for a second factor (a learner).
    assert client.get(reverse("portal:organisation_home", kwargs={"org_slug": org.slug})).status_code == 200

    # The second time: the same account, found by the subject.
    client.logout()
    sign_in(client, oidc_provider, "entree", username)
    assert User.objects.filter(socialaccount__provider="entree").count() == 1
    assert client.session["_auth_user_id"] == str(user.pk)


def test_two_entree_people_without_addresses_get_two_accounts(client, org, oidc_provider):
    federation_app(oidc_provider, "entree")
    link_federation(org, Federation.ENTREE, "12AC")
    claims = {"nlEduPersonHomeOrganizationId": "12AC", "eduPersonAffiliation": ["staff"]}
    first = unique("a", "x").split("@")[0]
    second = unique("b", "x").split("@")[0]
    oidc_provider.add_user(None, PASSWORD, claims, username=first)
    oidc_provider.add_user(None, PASSWORD, claims, username=second)

    sign_in(client, oidc_provider, "entree", first)
    client.logout()
    sign_in(client, oidc_provider, "entree", second)

    assert SocialAccount.objects.filter(provider="entree").count() == 2
    assert User.objects.filter(email__isnull=True).count() == 2


def test_a_student_is_refused_with_a_page_that_points_to_help(client, org, oidc_provider):
    federation_app(oidc_provider, "entree")
    link_federation(org, Federation.ENTREE, "12AD")
    username = unique("leerling", "x").split("@")[0]
    oidc_provider.add_user(
        None,
        PASSWORD,
        {"nlEduPersonHomeOrganizationId": "12AD", "eduPersonAffiliation": ["student"]},
        username=username,
    )

    page = refused(sign_in(client, oidc_provider, "entree", username), "student")

    assert "Dit portaal is voor medewerkers" in page
    assert "Kindertelefoon" in page
    assert not User.objects.exists()


def test_an_unknown_brin_is_refused(client, org, oidc_provider):
    federation_app(oidc_provider, "entree")
    link_federation(org, Federation.ENTREE, "12AE")
    username = unique("meester", "x").split("@")[0]
    oidc_provider.add_user(
        None,
        PASSWORD,
        {"nlEduPersonHomeOrganizationId": "99ZZ", "eduPersonAffiliation": ["employee"]},
        username=username,
    )

    page = refused(sign_in(client, oidc_provider, "entree", username), "unknown_organisation")

    assert "nog niet aan het portaal gekoppeld" in page
    assert not User.objects.exists()


def test_an_affiliation_other_than_staff_is_refused(client, org, oidc_provider):
    federation_app(oidc_provider, "entree")
    link_federation(org, Federation.ENTREE, "12AF")
    username = unique("ouder", "x").split("@")[0]
    oidc_provider.add_user(
        None,
        PASSWORD,
        {"nlEduPersonHomeOrganizationId": "12AF", "eduPersonAffiliation": ["affiliate"]},
        username=username,
    )

    refused(sign_in(client, oidc_provider, "entree", username), "affiliation")
    assert not User.objects.exists()


# --- SURFconext ---------------------------------------------------------------------


def test_surfconext_maps_the_home_organisation_and_keeps_an_address(client, org, oidc_provider):
    federation_app(oidc_provider, "surfconext")
    link_federation(org, Federation.SURFCONEXT, "roc-voorbeeld.nl")
    email = unique("docent", "roc-voorbeeld.nl")
    oidc_provider.add_user(
        email, PASSWORD, {"schac_home_organization": "roc-voorbeeld.nl", "eduperson_affiliation": ["employee"]}
    )

    sign_in(client, oidc_provider, "surfconext", email)

    user = User.objects.get(email=email)
    assert memberships(user) == [(org.slug, Role.LEARNER, True)]


def test_an_existing_account_with_the_same_address_is_never_signed_in_by_address(client, org, oidc_provider):
    federation_app(oidc_provider, "surfconext")
    link_federation(org, Federation.SURFCONEXT, "hogeschool-a.nl")
    email = unique("lid", "hogeschool-a.nl")
    existing = make_member(org, Role.CASE_HANDLER, email=email).user
    oidc_provider.add_user(
        email, PASSWORD, {"schac_home_organization": "hogeschool-a.nl", "eduperson_affiliation": ["staff"]}
    )

    page = refused(sign_in(client, oidc_provider, "surfconext", email), "account_exists")

    assert "Er is al een account met dit e-mailadres" in page
    assert not SocialAccount.objects.filter(user=existing).exists()
    assert User.objects.count() == 1


def test_an_existing_account_at_a_verified_domain_is_linked_and_audited(client, org, oidc_provider):
    federation_app(oidc_provider, "surfconext")
    link_federation(org, Federation.SURFCONEXT, "hogeschool-b.nl")
    verified_domain(org, "hogeschool-b.nl")
    email = unique("lid", "hogeschool-b.nl")
    existing = make_member(org, Role.LEARNER, email=email).user
    oidc_provider.add_user(
        email, PASSWORD, {"schac_home_organization": "hogeschool-b.nl", "eduperson_affiliation": ["staff"]}
    )

    sign_in(client, oidc_provider, "surfconext", email)

    assert client.session["_auth_user_id"] == str(existing.pk)
    assert SocialAccount.objects.filter(user=existing, provider="surfconext").exists()
    with scopes_disabled():
        assert AuditEvent.objects.filter(
            organisation=org, kind=AuditEvent.Kind.SSO_LINKED, subject_user=existing
        ).exists()
    assert User.objects.count() == 1


# --- An organisation's own provider --------------------------------------------------


def test_entra_signs_in_a_member_of_the_right_tenant_at_a_verified_domain(client, org, entra_provider):
    organisation_provider(entra_provider, org, kind=ProviderKind.ENTRA, entra_tenant_id=ENTRA_TENANT)
    verified_domain(org, "basisschool-een.nl")
    email = unique("meester", "basisschool-een.nl")
    entra_provider.add_user(email, PASSWORD, {"tid": ENTRA_TENANT})

    sign_in(client, entra_provider, f"org-{org.slug}", email)

    user = User.objects.get(email=email)
    assert memberships(user) == [(org.slug, Role.LEARNER, True)]


def test_entra_refuses_a_token_of_another_tenant(client, org, entra_provider):
    organisation_provider(entra_provider, org, kind=ProviderKind.ENTRA, entra_tenant_id=ENTRA_TENANT)
    verified_domain(org, "basisschool-een.nl")
    email = unique("gast", "basisschool-een.nl")
    entra_provider.add_user(email, PASSWORD, {"tid": OTHER_TENANT})

    page = refused(sign_in(client, entra_provider, f"org-{org.slug}", email), "wrong_tenant")
    assert "andere organisatie" in page
    assert not User.objects.exists()


def test_entra_refuses_an_issuer_without_the_tenant(client, org, oidc_provider):
    # The tid claim is right, but the token comes from an issuer of another tenant.
    organisation_provider(oidc_provider, org, kind=ProviderKind.ENTRA, entra_tenant_id=ENTRA_TENANT)
    verified_domain(org, "basisschool-een.nl")
    email = unique("gast", "basisschool-een.nl")
    oidc_provider.add_user(email, PASSWORD, {"tid": ENTRA_TENANT})

    refused(sign_in(client, oidc_provider, f"org-{org.slug}", email), "wrong_tenant")
    assert not User.objects.exists()


def test_google_refuses_another_hosted_domain(client, org, oidc_provider):
    organisation_provider(oidc_provider, org, kind=ProviderKind.GOOGLE, google_domain="basisschool-een.nl")
    verified_domain(org, "basisschool-een.nl")
    good = unique("juf", "basisschool-een.nl")
    oidc_provider.add_user(good, PASSWORD, {"hd": "basisschool-een.nl"})
    bad = unique("juf", "gmail.com")
    oidc_provider.add_user(bad, PASSWORD, {"hd": "andere-school.nl"})

    refused(sign_in(client, oidc_provider, f"org-{org.slug}", bad), "wrong_domain")
    sign_in(client, oidc_provider, f"org-{org.slug}", good)

    assert list(User.objects.values_list("email", flat=True)) == [good]


@pytest.mark.parametrize("misbehaviour", ["wrong_issuer", "wrong_audience", "expired"])
def test_a_token_that_does_not_verify_is_refused(client, org, oidc_provider, misbehaviour):
    organisation_provider(oidc_provider, org)
    verified_domain(org, "basisschool-een.nl")
    email = unique(misbehaviour.replace("_", "-"), "basisschool-een.nl")
    oidc_provider.add_user(email, PASSWORD, {}, misbehave={misbehaviour})

    page = refused(sign_in(client, oidc_provider, f"org-{org.slug}", email), "provider_error")

    assert "Inloggen is niet gelukt" in page
    assert not User.objects.exists()


def test_an_address_outside_the_verified_domains_gets_no_account(client, org, oidc_provider):
    organisation_provider(oidc_provider, org)
    verified_domain(org, "basisschool-een.nl")
    email = unique("iemand", "elders.nl")
    oidc_provider.add_user(email, PASSWORD, {})

    page = refused(sign_in(client, oidc_provider, f"org-{org.slug}", email), "not_a_member")
    assert "uitnodiging" in page


def test_one_organisations_provider_never_signs_anyone_into_another(client, org, other_org, oidc_provider):
    organisation_provider(oidc_provider, org)
    verified_domain(org, "basisschool-een.nl")
    organisation_provider(oidc_provider, other_org)
    verified_domain(other_org, "andere-school.nl")
    # Someone at the other school's domain signs in through this school's provider.
    email = unique("collega", "andere-school.nl")
    oidc_provider.add_user(email, PASSWORD, {})

    refused(sign_in(client, oidc_provider, f"org-{org.slug}", email), "not_a_member")

    # Through their own school's provider they land there, and only there.
    client.logout()
    sign_in(client, oidc_provider, f"org-{other_org.slug}", email)
    user = User.objects.get(email=email)
    assert memberships(user) == [(other_org.slug, Role.LEARNER, True)]
    assert client.session[SESSION_KEY] == other_org.slug
    assert client.get(reverse("portal:organisation_home", kwargs={"org_slug": org.slug})).status_code == 404


def test_a_provider_that_is_not_switched_on_cannot_be_used(client, org, oidc_provider):
    organisation_provider(oidc_provider, org, status=SignInSettings.Status.TESTED)

    assert start(client, f"org-{org.slug}").status_code == 404


def test_a_deactivated_member_is_refused_and_a_removed_person_cannot_sign_in(client, org, oidc_provider):
    organisation_provider(oidc_provider, org)
    verified_domain(org, "basisschool-een.nl")
    email = unique("weg", "basisschool-een.nl")
    oidc_provider.add_user(email, PASSWORD, {})
    sign_in(client, oidc_provider, f"org-{org.slug}", email)
    user = User.objects.get(email=email)
    with scopes_disabled():
        Membership.objects.filter(user=user).update(is_active=False)
    client.logout()

    page = refused(sign_in(client, oidc_provider, f"org-{org.slug}", email), "deactivated")
    assert "uitgezet" in page

    oidc_provider.remove_user(email)
    started = start(client, f"org-{org.slug}")
    with pytest.raises(SignInRefused):
        oidc_provider.authorize(leaving_for(started), as_user=email)


def test_next_is_followed_only_within_the_portal(client, org, oidc_provider):
    organisation_provider(oidc_provider, org)
    verified_domain(org, "basisschool-een.nl")
    email = unique("volgende", "basisschool-een.nl")
    oidc_provider.add_user(email, PASSWORD, {})

    response = sign_in(client, oidc_provider, f"org-{org.slug}", email, next_url="https://evil.example/steal")

    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


# --- A second factor asserted by the provider -----------------------------------------


def _case_handler_via_provider(client, provider, org, *, amr, trust):
    organisation_provider(provider, org, trust_provider_mfa=trust)
    verified_domain(org, "basisschool-een.nl")
    email = unique("avf", "basisschool-een.nl")
    provider.add_user(email, PASSWORD, {"amr": amr})
    sign_in(client, provider, f"org-{org.slug}", email)
    user = User.objects.get(email=email)
    with scopes_disabled():
        Membership.objects.filter(user=user).update(role=Role.CASE_HANDLER)
    client.logout()
    sign_in(client, provider, f"org-{org.slug}", email)
    return client.get(reverse("cases:case_list", kwargs={"org_slug": org.slug}))


def test_a_trusted_provider_second_factor_stands_in_for_the_portals(client, org, oidc_provider):
    response = _case_handler_via_provider(client, oidc_provider, org, amr=["pwd", "mfa"], trust=True)
    assert response.status_code == 200
    assert client.session[PROVIDER_MFA_SESSION_KEY] == org.pk


@pytest.mark.parametrize(("amr", "trust"), [(["pwd"], True), (["pwd", "mfa"], False)])
def test_otherwise_the_portals_second_factor_is_still_required(client, org, oidc_provider, amr, trust):
    response = _case_handler_via_provider(client, oidc_provider, org, amr=amr, trust=trust)
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:mfa_required")


def test_the_trust_does_not_carry_over_to_a_password_sign_in(client, org):
    member = make_member(org, Role.LEARNER)
    session = client.session
    session[PROVIDER_MFA_SESSION_KEY] = org.pk
    session.save()

    response = client.post(reverse("account_login"), {"login": member.user.email, "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert PROVIDER_MFA_SESSION_KEY not in client.session


# --- Password login switched off ----------------------------------------------------


def test_password_login_switched_off_sends_members_to_their_provider(client, org, oidc_provider):
    organisation_provider(oidc_provider, org, password_login=False)
    member = make_member(org, Role.LEARNER)
    outsider = make_member(SchoolFactory(), Role.LEARNER)
    response = client.post(reverse("account_login"), {"login": member.user.email, "password": TEST_PASSWORD})
    assert response.status_code == 403
    assert "Log in via je organisatie" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated

    response = client.post(reverse("account_login"), {"login": outsider.user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_password_login_stays_open_while_the_provider_is_off(client, org, oidc_provider):
    # Switched off, but the provider is not on: nobody may be locked out.
    organisation_provider(oidc_provider, org, password_login=False, status=SignInSettings.Status.OFF)
    member = make_member(org, Role.LEARNER)
    response = client.post(reverse("account_login"), {"login": member.user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302


# --- Home-realm discovery -----------------------------------------------------------


def test_an_address_at_a_domain_with_sso_goes_to_its_provider(client, org, oidc_provider):
    organisation_provider(oidc_provider, org)
    verified_domain(org, "basisschool-een.nl")

    response = client.post(reverse("sso_discover"), {"email": "Juf@Basisschool-Een.nl"})

    assert leaving_for(response).startswith(oidc_provider.metadata["authorization_endpoint"])


def test_any_other_address_continues_with_the_password_prefilled(client, org):
    response = client.post(reverse("sso_discover"), {"email": "iemand@elders.nl"}, follow=True)

    page = response.content.decode()
    assert 'value="iemand@elders.nl"' in page
    assert 'name="password"' in page


def test_the_login_page_asks_for_the_address_first_and_offers_the_federations(client, oidc_provider):
    federation_app(oidc_provider, "entree")

    page = client.get(reverse("account_login")).content.decode()

    assert 'name="email"' in page
    assert 'name="password"' not in page
    assert "Inloggen met Entree Federatie" in page


def test_sso_attempts_are_rate_limited(client, org, oidc_provider, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "sso_login": "2/m/ip"}
    for _ in range(2):
        assert client.post(reverse("sso_discover"), {"email": "a@elders.nl"}).status_code == 302
    response = client.post(reverse("sso_discover"), {"email": "a@elders.nl"})
    assert response.status_code == 429


# --- Linking an existing account -----------------------------------------------------


def test_the_connections_page_offers_only_federations_and_the_own_organisations_provider(
    client, org, other_org, oidc_provider
):
    federation_app(oidc_provider, "entree")
    organisation_provider(oidc_provider, org)
    organisation_provider(oidc_provider, other_org)
    member = make_member(org, Role.LEARNER)
    client.force_login(member.user)

    page = client.get(reverse("socialaccount_connections")).content.decode()

    assert "Koppel je account van Entree Federatie" in page
    assert f"Koppel je account van Inlog {org.name}" in page
    assert other_org.name not in page


def test_a_member_links_entree_and_then_signs_in_with_it(client, org, oidc_provider):
    federation_app(oidc_provider, "entree")
    link_federation(org, Federation.ENTREE, "12AG")
    member = make_member(org, Role.LEARNER)
    username = unique("koppel", "x").split("@")[0]
    oidc_provider.add_user(
        None,
        PASSWORD,
        {"nlEduPersonHomeOrganizationId": "12AG", "eduPersonAffiliation": ["employee"]},
        username=username,
    )
    client.force_login(member.user)

    started = client.post(reverse("openid_connect_login", kwargs={"provider_id": "entree"}), {"process": "connect"})
    back = urlsplit(oidc_provider.authorize(leaving_for(started), as_user=username))
    client.get(f"{back.path}?{back.query}")
    assert SocialAccount.objects.filter(user=member.user, provider="entree").exists()

    client.logout()
    sign_in(client, oidc_provider, "entree", username)
    assert client.session["_auth_user_id"] == str(member.user.pk)
    assert User.objects.count() == 1
