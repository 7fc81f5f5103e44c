"""What a partner clicks: the intake worker's inbox and a received referral, and
the one-time link for a partner without an account. Every page passes axe and
reports no CSP violation; the answers work with the keyboard alone."""

from __future__ import annotations

import re

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from portal.roles import Role
from referrals.models import PartnerLink, Referral
from tests.browser.helpers import assert_no_csp_violations
from tests.factories import PartnerFactory
from tests.referrals.factories import PartnerLinkFactory, ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.browser

SUMMARY = "Wordt afgeperst met beelden; wil hulp bij aangifte."


def status_of(referral) -> str:
    with scopes_disabled():
        return Referral.objects.get(pk=referral.pk).status


def test_intake_worker_acknowledges_and_accepts(page, console, org, member_factory, sign_in, assert_accessible):
    partner = PartnerFactory(name="Slachtofferhulp Regio Zuid", slug="shn-zuid")
    intake = member_factory(partner, Role.PARTNER_INTAKE)
    referral = ReferralFactory(
        organisation=org, partner=partner, case=RoutedCaseFactory(organisation=org, reference="2026-0701")
    )
    ReferralFactory(
        organisation=org,
        partner=partner,
        status=Referral.Status.CLOSED,
        case=RoutedCaseFactory(organisation=org, reference="2026-0702"),
    )
    sign_in(intake.user)

    page.goto(f"/o/{partner.slug}/doorverwijzingen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Doorverwijzingen")
    expect(page.locator("main table")).to_contain_text("2026-0701")
    expect(page.locator("main table")).not_to_contain_text(SUMMARY)
    assert_accessible(page)

    page.get_by_role("link", name=re.compile(r"^Nieuw")).click()
    expect(page).to_have_url(re.compile(r"\?status=new$"))
    expect(page.locator("main table")).not_to_contain_text("2026-0702")
    assert_accessible(page)

    page.get_by_role("link", name=org.name).first.click()
    expect(page).to_have_url(re.compile(rf"/doorverwijzingen/{referral.pk}/$"))
    expect(page.locator("main")).to_contain_text(SUMMARY)
    assert_accessible(page)

    # Keyboard only: focus the button and press Enter.
    page.get_by_role("button", name="Bevestig dat we hem hebben ontvangen").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".portal-messages")).to_contain_text("ontvangen")
    assert status_of(referral) == Referral.Status.ACKNOWLEDGED
    assert_accessible(page)

    # Declining without a reason: the error is tied to the field.
    page.get_by_role("button", name="Doorverwijzing afwijzen").click()
    expect(page.locator("#id_decline_reason_error")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Bericht aan de verwijzer (mag leeg blijven)").fill("We bellen morgen.")
    page.get_by_role("button", name="Doorverwijzing aannemen").click()
    expect(page.locator(".portal-messages")).to_contain_text("aangenomen")
    expect(page.locator("main")).to_contain_text("We bellen morgen.")
    assert status_of(referral) == Referral.Status.ACCEPTED
    # Accepted: closing is offered, the answers are not.
    expect(page.get_by_role("button", name="Doorverwijzing aannemen")).to_have_count(0)
    expect(page.get_by_role("group", name="Hoe is het afgelopen?")).to_be_visible()
    assert_accessible(page)
    assert_no_csp_violations(console)


def test_partner_answers_by_link_without_an_account(page, console, org, assert_accessible):
    referral = ReferralFactory(organisation=org, partner=None)
    token = "browser-link-" + "t" * 24
    PartnerLinkFactory(referral=referral, token=token)

    page.goto(f"/verwijzing/{token}/")
    expect(page.locator("main")).to_contain_text(SUMMARY)
    expect(page.locator("main")).to_contain_text("nooit contactgegevens")
    assert_accessible(page)

    page.get_by_role("button", name="Bevestig dat we hem hebben ontvangen").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Doorverwijzing aannemen")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Bericht aan de verwijzer (mag leeg blijven)").fill("We bellen maandag.")
    page.get_by_role("button", name="Doorverwijzing aannemen").click()
    # Accepted: the same link stays, for messages and the outcome.
    expect(page.locator("main")).to_contain_text("We bellen maandag.")
    expect(page.get_by_role("heading", name="Contact met de verwijzer")).to_be_visible()
    expect(page.get_by_role("group", name="Hoe is het afgelopen?")).to_be_visible()
    assert status_of(referral) == Referral.Status.ACCEPTED
    assert_accessible(page)

    page.get_by_label("Bericht aan de verwijzer").fill("Eerste gesprek gehad.")
    page.get_by_role("button", name="Bericht versturen").click()
    expect(page.locator("main")).to_contain_text("Eerste gesprek gehad.")
    page.get_by_label(str(Referral.Outcome.HELPED.label)).check()
    page.get_by_role("button", name="Doorverwijzing afsluiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je antwoord")
    assert_accessible(page)
    assert status_of(referral) == Referral.Status.CLOSED
    with scopes_disabled():
        assert PartnerLink.objects.get(referral=referral).used_at is not None

    page.goto(f"/verwijzing/{token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet")
    expect(page.locator("main")).not_to_contain_text(SUMMARY)
    assert_accessible(page)
    assert_no_csp_violations(console)
