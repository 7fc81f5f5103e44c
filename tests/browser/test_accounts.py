"""Signing in (with the MFA stage), setting up MFA when a role needs it, signing out."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from portal.roles import Role
from tests.browser.helpers import assert_no_csp_violations, enter_email, fresh_totp_code, path_of, path_of_url
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.browser


def test_case_handler_signs_in_with_password_and_totp_by_keyboard(
    page, console, org, member_factory, assert_accessible
):
    handler = member_factory(org, Role.CASE_HANDLER)
    assert Authenticator.objects.filter(user=handler.user, type=Authenticator.Type.TOTP).exists()

    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden")
    assert_accessible(page)

    # Only the keyboard: the address and Enter; on the next step the password has the focus.
    page.get_by_label("E-mailadres").focus()
    page.keyboard.type(handler.user.email)
    page.keyboard.press("Enter")
    page.wait_for_url("**/accounts/login/?*stap=wachtwoord*")
    assert_accessible(page)
    expect(page.get_by_label("Wachtwoord", exact=False).first).to_be_focused()
    page.keyboard.type(TEST_PASSWORD)
    page.keyboard.press("Enter")

    page.wait_for_url("**/accounts/2fa/authenticate/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("authenticatie")
    assert_accessible(page)

    code = page.get_by_label("Code")
    code.focus()
    page.keyboard.type(fresh_totp_code())
    page.keyboard.press("Enter")

    page.wait_for_url(f"**/o/{org.slug}/")
    expect(page.locator(".portal-header__org")).to_contain_text(org.name)
    expect(page.get_by_role("heading", level=1)).to_have_text("Overzicht")
    expect(page.locator(".portal-lead")).to_contain_text(org.name)
    expect(page.get_by_role("navigation", name="Account").get_by_role("link", name="Afmelden")).to_be_visible()
    assert_accessible(page)
    assert_no_csp_violations(console)


def test_wrong_totp_code_keeps_the_user_at_the_mfa_stage(page, org, member_factory, assert_accessible):
    handler = member_factory(org, Role.CASE_HANDLER)

    page.goto("/accounts/login/")
    enter_email(page, handler.user.email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Aanmelden", exact=True).click()
    page.wait_for_url("**/accounts/2fa/authenticate/")

    page.get_by_label("Code").fill("000000" if fresh_totp_code() != "000000" else "111111")
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name="Aanmelden", exact=True).click()

    assert path_of(page) == "/accounts/2fa/authenticate/"
    expect(page.get_by_label("Code")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    # Not signed in: the organisation sends us back to finish (or restart) signing in.
    page.goto(f"/o/{org.slug}/")
    assert path_of(page) in ("/accounts/login/", "/accounts/2fa/authenticate/")


def test_sign_out_via_the_header_link(page, console, org, member_factory, sign_in, assert_accessible):
    learner = member_factory(org, Role.LEARNER)
    sign_in(learner.user)
    page.goto(f"/o/{org.slug}/")
    expect(page.locator(".portal-header__org")).to_contain_text(org.name)

    page.get_by_role("navigation", name="Account").get_by_role("link", name="Afmelden").click()
    page.wait_for_url("**/accounts/logout/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Afmelden")
    assert_accessible(page)

    page.get_by_role("main").get_by_role("button", name="Afmelden").click()
    page.wait_for_url(lambda url: path_of_url(url) == "/")
    account_nav = page.get_by_role("navigation", name="Account")
    expect(account_nav.get_by_role("link", name="Aanmelden")).to_be_visible()
    expect(account_nav.get_by_role("link", name="Afmelden")).to_have_count(0)
    assert_accessible(page)

    # The session is really gone: the organisation sends us to the login page.
    page.goto(f"/o/{org.slug}/")
    assert path_of(page) == "/accounts/login/"
    assert_no_csp_violations(console)


def test_role_with_mfa_but_no_totp_is_sent_to_set_it_up(page, console, org, member_factory, assert_accessible):
    handler = member_factory(org, Role.CASE_HANDLER, mfa=False)

    page.goto("/accounts/login/")
    enter_email(page, handler.user.email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Aanmelden", exact=True).click()

    page.wait_for_url("**/account/mfa-vereist/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Beveilig eerst je account")
    assert_accessible(page)

    # Nothing else is reachable until a factor is set up.
    page.goto(f"/o/{org.slug}/")
    assert path_of(page) == "/account/mfa-vereist/"

    # allauth asks for the password again before a factor is added.
    page.get_by_role("link", name=re.compile("app voor codes")).click()
    page.wait_for_url("**/accounts/reauthenticate/**")
    assert_accessible(page)
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("main").get_by_role("button").click()

    page.wait_for_url("**/accounts/2fa/totp/activate/")
    assert_accessible(page)

    secret = page.locator("#authenticator_secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret), secret
    page.get_by_label("Authenticator code").fill(fresh_totp_code(secret))
    page.get_by_role("main").get_by_role("button", name="Activeer").click()
    page.wait_for_url(lambda url: "/totp/activate/" not in url)
    assert Authenticator.objects.filter(user=handler.user, type=Authenticator.Type.TOTP).exists()
    assert_accessible(page)  # what comes next (the recovery codes)

    page.goto(f"/o/{org.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overzicht")
    expect(page.locator(".portal-lead")).to_contain_text(org.name)
    assert_no_csp_violations(console)
