"""What a case handler does to refer a case: prepare the referral from the advice,
record a parent's consent, send it to an organisation without an account (the
link is shown once), all with the keyboard. Every page passes axe, the case page
with its referrals included, and none breaks the Content Security Policy."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.models import Authenticator
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from portal.roles import Role
from referrals.models import Referral
from tests.browser.helpers import assert_no_csp_violations
from tests.referrals.factories import RoutedCaseFactory

pytestmark = pytest.mark.browser

SUMMARY = "Wordt afgeperst met beelden. Wil hulp om ze offline te krijgen."
PARTNER_EMAIL = "aanmelden@helpwanted.example"


def press(page, locator, key: str = "Enter") -> None:
    """Reach a control by focus, as Tab would, and use it with a key."""
    locator.focus()
    expect(locator).to_be_focused()
    page.keyboard.press(key)


def test_case_handler_refers_a_case_by_link_with_the_keyboard(
    page, console, org, member_factory, sign_in, assert_accessible, mailoutbox
):
    handler = member_factory(org, Role.CASE_HANDLER)
    assert Authenticator.objects.filter(user=handler.user, type=Authenticator.Type.TOTP).exists()  # MFA set up
    case = RoutedCaseFactory(organisation=org, handler=handler.user, age=14, pseudonym="Kievit")
    sign_in(handler.user)

    page.goto(f"/o/{org.slug}/casussen/{case.pk}/")
    expect(page.get_by_role("heading", name="Doorverwijzingen")).to_be_visible()
    assert_accessible(page)
    press(page, page.get_by_role("link", name="Doorverwijzing voorbereiden"))

    # Draft: the organisation from the advice, and what the partner must know.
    expect(page).to_have_url(re.compile(r"/doorverwijzingen/nieuw/$"))
    assert_accessible(page)
    press(page, page.get_by_role("button", name="Concept opslaan"))
    expect(page.locator(".utrecht-form-field--invalid").first).to_be_visible()  # nothing chosen yet
    assert_accessible(page)
    press(page, page.get_by_role("radio", name="HelpWanted"), "Space")
    expect(page.get_by_role("radio", name="HelpWanted")).to_be_checked()
    page.get_by_label("Samenvatting voor de partner").focus()
    page.keyboard.type(SUMMARY)
    press(page, page.get_by_role("button", name="Concept opslaan"))

    # Consent: at 14 the victim cannot consent alone; a parent can.
    expect(page).to_have_url(re.compile(r"/toestemming/$"))
    expect(page.locator("main")).to_contain_text(SUMMARY)
    assert_accessible(page)
    press(page, page.get_by_role("radio", name="Het slachtoffer zelf"), "Space")
    press(page, page.get_by_role("button", name="Toestemming vastleggen"))
    expect(page.locator("#id_given_by_error")).to_contain_text("ouder of voogd")
    assert_accessible(page)
    press(page, page.get_by_role("radio", name="Een ouder of voogd"), "Space")
    expect(page.get_by_role("checkbox", name="De samenvatting mag gedeeld worden")).to_be_checked()
    press(page, page.get_by_role("button", name="Toestemming vastleggen"))

    # Send: HelpWanted has no account, so the link goes to their address.
    expect(page).to_have_url(re.compile(r"/versturen/$"))
    assert_accessible(page)
    page.get_by_label("E-mailadres van de organisatie voor aanmeldingen").focus()
    page.keyboard.type(PARTNER_EMAIL)
    press(page, page.get_by_role("button", name="Versturen"))

    # The link, shown this once, on a page of its own.
    expect(page.get_by_role("heading", level=1)).to_have_text("Link voor de partner")
    link_text = page.locator("main code").inner_text()
    assert re.fullmatch(r"https?://\S+/verwijzing/\S+/", link_text)
    assert page.content().count(link_text) == 1
    expect(page.locator("main")).to_contain_text(PARTNER_EMAIL)
    assert_accessible(page)
    assert [m.to for m in mailoutbox] == [[PARTNER_EMAIL]]
    assert link_text in mailoutbox[0].body and "Kievit" not in mailoutbox[0].body

    # Back on the case page: the referral, its consent and its link, never the link itself.
    press(page, page.get_by_role("link", name=f"Terug naar casus {case.reference}"))
    section = page.get_by_role("region", name="HelpWanted")
    expect(section).to_contain_text("Verstuurd")
    expect(section).to_contain_text("Een ouder of voogd")
    expect(section).to_contain_text("Geldig")
    expect(section).to_contain_text("Actief")
    expect(section).to_contain_text(PARTNER_EMAIL)
    assert link_text not in page.content()
    assert_accessible(page)
    with scopes_disabled():
        referral = Referral.objects.get(case=case)
    assert (referral.status, referral.partner_id, referral.summary) == (Referral.Status.SENT, None, SUMMARY)
    assert_no_csp_violations(console)
