"""What a coordinator clicks: members (with the live search), a member, invitations."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from portal.roles import Role
from tests.browser.helpers import assert_no_csp_violations, path_of

pytestmark = pytest.mark.browser


@pytest.fixture
def coordinator(org, member_factory, sign_in):  # type: ignore[no-untyped-def]
    membership = member_factory(org, Role.ORG_COORDINATOR, first_name="Cora", last_name="Coördinator")
    sign_in(membership.user)
    return membership


def test_member_list_live_search_and_member_detail(
    page, console, org, other_org, coordinator, member_factory, assert_accessible
):
    anna = member_factory(org, Role.LEARNER, first_name="Anna", last_name="Jansen")
    member_factory(org, Role.LEARNER, first_name="Bram", last_name="de Vries")
    member_factory(other_org, Role.LEARNER, first_name="Anders", last_name="Jansen")  # another tenant

    page.goto(f"/o/{org.slug}/leden/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Leden")
    table = page.locator("#leden table")
    expect(table.locator("caption")).to_have_text("3 leden")
    assert_accessible(page)

    # htmx swaps the table in place: the window (and this marker) survive.
    page.evaluate("window.zelfdePagina = true")
    with page.expect_response(lambda r: "zoek=Jansen" in r.url and r.request.headers.get("hx-request") == "true"):
        page.get_by_role("searchbox", name="Zoek op naam of e-mailadres").press_sequentially("Jansen", delay=20)
    expect(table.locator("caption")).to_have_text("1 lid")
    expect(table.get_by_role("link", name="Anna Jansen")).to_be_visible()
    expect(table).not_to_contain_text("Bram")
    expect(table).not_to_contain_text("Anders")
    assert page.evaluate("window.zelfdePagina") is True, "the search reloaded the page"
    assert "zoek=Jansen" in page.url  # hx-push-url: the result can be bookmarked
    assert_accessible(page)

    # Without JavaScript the same URL renders the whole page with the filtered table.
    page.reload()
    expect(page.get_by_role("searchbox", name="Zoek op naam of e-mailadres")).to_have_value("Jansen")
    expect(page.locator("#leden table caption")).to_have_text("1 lid")

    page.get_by_role("link", name="Anna Jansen").click()
    page.wait_for_url(f"**/o/{org.slug}/leden/{anna.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Anna Jansen")
    expect(page.get_by_label("Rol")).to_have_value(Role.LEARNER.value)
    assert_accessible(page)
    assert_no_csp_violations(console)


def test_invalid_invitation_form_ties_errors_to_fields(page, console, org, coordinator, assert_accessible):
    page.goto(f"/o/{org.slug}/uitnodigingen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitnodigingen")
    assert_accessible(page)

    email = page.get_by_label("E-mailadres")
    email.fill("geen-e-mailadres")
    with page.expect_navigation():
        page.get_by_role("button", name="Verstuur uitnodiging").click()

    assert path_of(page) == f"/o/{org.slug}/uitnodigingen/"
    expect(page.get_by_role("alert")).to_contain_text("Niet alles is goed ingevuld")
    email = page.get_by_label("E-mailadres")
    expect(email).to_have_value("geen-e-mailadres")
    expect(email).to_have_attribute("aria-invalid", "true")
    described_by = (email.get_attribute("aria-describedby") or "").split()
    assert described_by, "the e-mail field is not tied to its error message"
    error_texts = [page.locator(f"[id='{ref}']").inner_text() for ref in described_by]
    assert any("geldig e-mailadres" in text for text in error_texts), error_texts
    # The accessible description is what a screen reader announces with the field.
    expect(email).to_have_accessible_description(re.compile("geldig e-mailadres"))
    # The role field had no error and must not claim one.
    expect(page.get_by_label("Rol")).not_to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    assert_no_csp_violations(console)
