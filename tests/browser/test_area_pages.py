"""What a municipal coordinator clicks: sign in with MFA, the referrals in the
area, a filter, a referral's page, redirecting it, and the local social map.
Every page passes axe and reports no CSP violation; no page shows victim data."""

from __future__ import annotations

import re

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from portal.models import Country
from portal.roles import Role
from referrals.models import Referral
from tests.browser.helpers import assert_no_csp_violations, enter_email, fresh_totp_code, path_of, screenshot
from tests.factories import TEST_PASSWORD, MunicipalityFactory, SchoolFactory
from tests.referrals.factories import ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.browser

PSEUDONYM = "Geheim-Vos"


@pytest.fixture
def area(db):
    municipality = MunicipalityFactory(name="Gemeente Zuiderhaven", slug="zuiderhaven", country=Country.NL)
    school = SchoolFactory(name="OBS De Haven", slug="obs-de-haven", parent=municipality)
    club = SchoolFactory(name="Sportclub Oost", slug="sportclub-oost", parent=municipality)
    sent = ReferralFactory(organisation=school, case=RoutedCaseFactory(organisation=school, pseudonym=PSEUDONYM))
    acknowledged = ReferralFactory(organisation=club, status=Referral.Status.ACKNOWLEDGED, destination="helpwanted")
    return {"municipality": municipality, "school": school, "sent": sent, "acknowledged": acknowledged}


def sign_in_with_mfa(page, user) -> None:
    page.goto("/accounts/login/")
    enter_email(page, user.email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Aanmelden", exact=True).click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.get_by_label("Code").fill(fresh_totp_code())
    page.get_by_role("main").get_by_role("button", name="Aanmelden", exact=True).click()
    page.wait_for_url(lambda url: "/accounts/" not in url)


def test_coordinator_filters_opens_and_redirects_a_referral(page, console, area, member_factory, assert_accessible):
    municipality, sent = area["municipality"], area["sent"]
    coordinator = member_factory(municipality, Role.MUNICIPAL_COORDINATOR)
    sign_in_with_mfa(page, coordinator.user)

    page.goto(f"/o/{municipality.slug}/gebied/doorverwijzingen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Doorverwijzingen in de gemeente")
    table = page.locator("main table")
    expect(table.locator("caption")).to_contain_text("2 doorverwijzingen")
    expect(page.locator("main")).not_to_contain_text(PSEUDONYM)
    assert_accessible(page)

    # Filter by status with the keyboard-reachable form (no JavaScript needed).
    page.get_by_label("Status").select_option(Referral.Status.SENT.value)
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"status=sent"))
    expect(table.locator("caption")).to_contain_text("1 doorverwijzing")
    expect(table).to_contain_text("OBS De Haven")
    expect(table).not_to_contain_text("Sportclub Oost")
    assert_accessible(page)

    # A bad value in the URL: a message and the whole list.
    page.goto(f"/o/{municipality.slug}/gebied/doorverwijzingen/?status=kapot")
    expect(page.get_by_role("alert")).to_contain_text("Het filter klopt niet")
    expect(table.locator("caption")).to_contain_text("2 doorverwijzingen")
    assert_accessible(page)

    page.goto(f"/o/{municipality.slug}/gebied/doorverwijzingen/?status=sent")
    page.get_by_role("link", name=f"D-{sent.pk}").click()
    page.wait_for_url(f"**/gebied/doorverwijzingen/{sent.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Doorverwijzing D-{sent.pk}")
    expect(page.locator("main")).not_to_contain_text(PSEUDONYM)
    assert_accessible(page)

    # Submitting without a reason: the error is tied to the field.
    page.get_by_label("Naar welke organisatie?").select_option("helpwanted")
    page.get_by_role("button", name="Omleiden").click()
    reason = page.get_by_label("Waarom omleiden?")
    expect(reason).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    page.get_by_label("Naar welke organisatie?").select_option("helpwanted")
    reason.fill("HelpWanted is gespecialiseerd in beelden.")
    page.get_by_role("button", name="Omleiden").click()
    with scopes_disabled():
        new = Referral.objects.get(redirected_from=sent)
    page.wait_for_url(f"**/gebied/doorverwijzingen/{new.pk}/")
    expect(page.get_by_role("status")).to_contain_text("legt nu toestemming vast")
    expect(page.locator("main")).to_contain_text(f"Omgeleid vanaf D-{sent.pk}")
    assert_accessible(page)

    page.get_by_role("link", name=f"D-{sent.pk}").click()
    expect(page.locator("main")).to_contain_text("Omgeleid naar een andere organisatie")
    expect(page.locator("main")).to_contain_text(f"Omgeleid naar D-{new.pk}")
    assert_accessible(page)
    assert_no_csp_violations(console)


def test_coordinator_keeps_the_social_map(page, console, area, member_factory, sign_in, assert_accessible):
    municipality = area["municipality"]
    sign_in(member_factory(municipality, Role.MUNICIPAL_COORDINATOR).user)

    page.goto(f"/o/{municipality.slug}/sociale-kaart/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sociale kaart")
    assert_accessible(page)
    page.get_by_role("link", name="Organisatie toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisatie toevoegen")
    assert_accessible(page)

    # Nobody types a code; contact details with a mistake get an error on their field.
    expect(page.get_by_label("Code")).to_have_count(0)
    page.get_by_label("Naam").fill("Jongerenwerk Zuiderhaven")
    page.get_by_label("Waarmee ze helpen").fill("Gesprekken met jongeren die online gepest worden.")
    page.get_by_label("Voor wie").fill("Jongeren van 12 tot 23 jaar")
    page.get_by_label("Telefoonnummer").fill("bel ons")
    page.get_by_label("E-mailadres").fill("info@jongerenwerk.example")
    page.get_by_label("Website").fill("http://jongerenwerk.example")
    page.get_by_label("Adres", exact=True).fill("Havenstraat 1, Zuiderhaven")
    page.get_by_label("Openingstijden").fill("Maandag tot en met vrijdag 13.00 tot 21.00 uur")
    page.get_by_role("button", name="Opslaan").click()
    phone, website = page.get_by_label("Telefoonnummer"), page.get_by_label("Website")
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(phone).to_have_accessible_description(re.compile("alleen cijfers"))
    expect(website).to_have_attribute("aria-invalid", "true")
    expect(website).to_have_accessible_description(re.compile("https://"))
    assert_accessible(page)

    phone.fill("010 123 45 67")
    website.fill("https://jongerenwerk.example")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/o/{municipality.slug}/sociale-kaart/")
    card = page.locator("main .portal-directory__item")
    expect(card).to_contain_text("Jongerenwerk Zuiderhaven")
    expect(card).to_contain_text("Jongeren van 12 tot 23 jaar")
    expect(card.get_by_role("link", name="010 123 45 67")).to_have_attribute("href", "tel:0101234567")
    expect(page.locator("main")).not_to_contain_text("local:")
    assert_accessible(page)
    for width in (1280, 400):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"sociale-kaart-{width}")
        assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Wijzigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jongerenwerk Zuiderhaven wijzigen")
    page.get_by_text("Voor beheerders: code in verwijsregels").click()
    expect(page.locator("main")).to_contain_text("local:jongerenwerk_zuiderhaven")
    screenshot(page, "sociale-kaart-wijzigen-1280")
    assert_accessible(page)
    page.get_by_role("link", name="Terug naar de sociale kaart").click()

    page.get_by_role("link", name="Jongerenwerk Zuiderhaven verwijderen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jongerenwerk Zuiderhaven verwijderen")
    assert_accessible(page)
    page.get_by_role("button", name="Ja, verwijderen").click()
    page.wait_for_url(f"**/o/{municipality.slug}/sociale-kaart/")
    assert path_of(page) == f"/o/{municipality.slug}/sociale-kaart/"
    expect(page.locator("main")).to_contain_text("nog leeg")
    assert_no_csp_violations(console)
