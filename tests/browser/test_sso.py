"""Signing in through an identity provider in Chromium: the portal's e-mail-first
login page, the provider's own login page (a real OpenID provider process on
127.0.0.1), and back into the organisation."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from portal.models import User
from sso.models import Federation
from tests.browser.helpers import assert_no_csp_violations, path_of, screenshot
from tests.sso.flows import PASSWORD, federation_app, link_federation, unique, verified_domain
from tests.sso.oidc_provider import running_provider

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def provider():
    yield from running_provider()


def _next_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["next"][0]


def _register(provider, live_server, provider_id: str, client_id: str, secret: str) -> None:
    provider.add_client(client_id, secret, [f"{live_server.url}/accounts/oidc/{provider_id}/login/callback/"])


def test_a_teacher_signs_in_with_entree_and_lands_in_the_school(
    page, console, org, live_server, provider, assert_accessible
):
    _register(provider, live_server, "entree", "portal-entree", "entree-secret")
    federation_app(provider, "entree")
    link_federation(org, Federation.ENTREE, "07XY")
    username = unique("juf", "x").split("@")[0]
    provider.add_user(
        None,
        PASSWORD,
        {"nlEduPersonHomeOrganizationId": "07XY", "eduPersonAffiliation": ["employee"], "given_name": "Juf"},
        username=username,
    )

    page.goto("/accounts/login/")
    assert_accessible(page)
    screenshot(page, "sso-login-email-first")
    page.get_by_role("button", name="Inloggen met Entree Federatie").click()

    # The provider's own login page. Its form takes an address, and an Entree account
    # has none: the provider's sign-in shortcut stands in for typing the name.
    page.wait_for_url(f"{provider.base_url}/**")
    page.goto(provider.sign_in_url(username, next_url=_next_of(page.url)))

    page.wait_for_url(f"**/o/{org.slug}/**")
    expect(page.locator(".portal-header__org")).to_contain_text(org.name)
    assert User.objects.filter(socialaccount__provider="entree", email__isnull=True).count() == 1
    assert_no_csp_violations(console)


def test_an_address_at_a_domain_with_sso_goes_to_the_provider_and_back(page, console, org, live_server, provider):
    from allauth.socialaccount.models import SocialApp

    from sso.models import ProviderKind, SignInSettings

    client_id = f"school-{org.slug}"
    _register(provider, live_server, f"org-{org.slug}", client_id, "school-secret")
    app = SocialApp.objects.create(
        provider="openid_connect",
        provider_id=f"org-{org.slug}",
        name="Microsoft",
        client_id=client_id,
        secret="school-secret",
        settings={"server_url": provider.issuer},
    )
    SignInSettings.objects.create(
        organisation=org, app=app, provider_kind=ProviderKind.OIDC, status=SignInSettings.Status.ACTIVE
    )
    verified_domain(org, "basisschool-een.nl")
    email = unique("meester", "basisschool-een.nl")
    provider.add_user(email, PASSWORD, {})

    page.goto(f"/o/{org.slug}/")
    assert path_of(page) == "/accounts/login/"
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_role("main").get_by_role("button", name="Verder").click()

    page.wait_for_url(f"{provider.base_url}/**")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()

    page.wait_for_url(f"**/o/{org.slug}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert User.objects.filter(email=email).exists()
    assert_no_csp_violations(console)


def test_a_student_sees_a_clear_page(page, org, live_server, provider, assert_accessible):
    _register(provider, live_server, "entree", "portal-entree", "entree-secret")
    federation_app(provider, "entree")
    link_federation(org, Federation.ENTREE, "07XZ")
    username = unique("leerling", "x").split("@")[0]
    provider.add_user(
        None,
        PASSWORD,
        {"nlEduPersonHomeOrganizationId": "07XZ", "eduPersonAffiliation": ["student"]},
        username=username,
    )

    page.goto("/accounts/login/")
    page.get_by_role("button", name="Inloggen met Entree Federatie").click()
    page.wait_for_url(f"{provider.base_url}/**")
    page.goto(provider.sign_in_url(username, next_url=_next_of(page.url)))

    expect(page.get_by_role("heading", level=1)).to_have_text("Dit portaal is voor medewerkers")
    assert_accessible(page)
    screenshot(page, "sso-refused-student")


def test_the_coordinators_sign_in_settings_are_found_and_accessible(
    page, console, org, member_factory, sign_in, assert_accessible
):
    from portal.roles import Role

    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    sign_in(coordinator.user)

    # Found from the start page, as the coordinator would look for it.
    page.goto(f"/o/{org.slug}/")
    page.get_by_role("link", name="Inloggen via de organisatie", exact=True).click()
    page.wait_for_url(f"**/o/{org.slug}/inloggen/")
    assert_accessible(page)
    screenshot(page, "sso-settings")

    page.get_by_role("link", name="Instellen").click()
    page.wait_for_url(f"**/o/{org.slug}/inloggen/provider/")
    assert_accessible(page)

    # Saved without the fields its kind needs: the errors name the fields, and the page stays accessible.
    page.get_by_role("button", name="Provider opslaan").click()
    expect(page.get_by_text("Naam van de inlog: vul een naam in.").first).to_be_visible()
    assert_accessible(page)
    assert_no_csp_violations(console)
