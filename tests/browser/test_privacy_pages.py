"""The privacy pages in Chromium, as a coordinator finds and uses them: the processing
log about one person (from the start page and from a case), keyboard only where it
matters, accessible (axe), no CSP violations, readable on a phone."""

from __future__ import annotations

import pytest
from django_scopes import scope
from playwright.sync_api import expect

from portal.roles import Role
from referrals import services
from tests.browser.helpers import assert_no_csp_violations, screenshot

pytestmark = pytest.mark.browser


def test_a_coordinator_reads_the_processing_log_of_a_case(
    page, console, org, member_factory, sign_in, assert_accessible
):
    handler = member_factory(org, Role.CASE_HANDLER)
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    with scope(organisation=org):
        case = services.case_open(actor_membership=handler, pseudonym="Noor", signal="Dreigt met beelden.")
        services.case_add_note(actor_membership=handler, case=case, text="Eerste gesprek gehad.")
    sign_in(coordinator.user)

    # Found from the start page.
    page.goto(f"/o/{org.slug}/")
    page.get_by_role("link", name="Verwerkingslogboek", exact=True).click()
    page.wait_for_url(f"**/o/{org.slug}/privacy/logboek/")
    assert_accessible(page)

    # Asked without a reference: the error names the field.
    page.get_by_label("Een slachtoffer (casus)").check()
    page.get_by_role("button", name="Toon het logboek").click()
    expect(page.get_by_text("Vul het kenmerk van de casus in.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Kenmerk van de casus").fill(case.reference)
    page.get_by_label("Kenmerk van de casus").press("Enter")
    table = page.get_by_role("table")
    expect(table).to_contain_text("Signaal gemeld (casus geopend)")
    expect(table).to_contain_text("Notitie toegevoegd")
    expect(table).to_contain_text(str(handler.user))
    expect(page.get_by_text("Noor")).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "privacy-logbook")

    # From the case itself.
    page.goto(f"/o/{org.slug}/casussen/{case.pk}/")
    page.get_by_role("link", name="Bekijk het verwerkingslogboek").click()
    expect(page.get_by_role("table")).to_contain_text("Casusdossier bekeken")

    page.set_viewport_size({"width": 400, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    screenshot(page, "privacy-logbook-phone")
    assert_no_csp_violations(console)


def test_a_coordinator_registers_and_answers_an_access_request(
    page, console, org, member_factory, sign_in, assert_accessible
):
    handler = member_factory(org, Role.CASE_HANDLER)
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    with scope(organisation=org):
        case = services.case_open(actor_membership=handler, pseudonym="Sem", signal="Dreigt met beelden.")
    sign_in(coordinator.user)

    # In the menu, as the coordinator would look for it.
    page.goto(f"/o/{org.slug}/")
    page.get_by_role("navigation").get_by_role("link", name="Privacyverzoeken").first.click()
    page.wait_for_url(f"**/o/{org.slug}/privacy/verzoeken/")
    assert_accessible(page)
    page.get_by_role("link", name="Verzoek registreren").click()

    # Sent half-filled: the errors name the fields, nothing typed is lost.
    page.get_by_label("Inzage (artikel 15 AVG)").check()
    page.get_by_label("Slachtoffer in een casus").check()
    page.get_by_label("Kenmerken van de casussen").fill(case.reference)
    page.get_by_role("button", name="Verzoek registreren").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    assert page.url.endswith("/privacy/verzoeken/nieuw/")
    expect(page.get_by_label("Kenmerken van de casussen")).to_have_value(case.reference)
    assert_accessible(page)

    page.get_by_label("Schuilnaam in de casus").fill("Sem")
    page.get_by_role("button", name="Verzoek registreren").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inzage")
    expect(page.get_by_text("Controleer eerst wie het vraagt")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "privacy-request")

    # The overview is small: it downloads at once.
    with page.expect_download() as download:
        page.get_by_role("button", name="Maak het overzicht").click()
    assert download.value.suggested_filename.endswith(".zip")

    page.set_viewport_size({"width": 400, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    screenshot(page, "privacy-request-phone")
    assert_no_csp_violations(console)
