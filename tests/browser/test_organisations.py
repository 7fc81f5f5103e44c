"""A member of two organisations moves between them; the header follows."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from portal.roles import Role
from tests.browser.helpers import assert_no_csp_violations, path_of
from tests.factories import MembershipFactory

pytestmark = pytest.mark.browser


def test_switch_organisation_from_home_and_from_the_list(
    page, console, org, other_org, member_factory, sign_in, assert_accessible
):
    membership = member_factory(org, Role.LEARNER)
    MembershipFactory(organisation=other_org, user=membership.user, role=Role.LEARNER)
    sign_in(membership.user)
    header_org = page.locator(".portal-header__org")

    page.goto(f"/o/{org.slug}/")
    expect(header_org).to_contain_text(org.name)
    assert_accessible(page)

    switch = page.get_by_label("Wissel van organisatie")
    expect(switch).to_have_value(org.slug)
    switch.select_option(other_org.slug)
    page.get_by_role("button", name="Wissel", exact=True).click()

    page.wait_for_url(f"**/o/{other_org.slug}/")
    expect(header_org).to_contain_text(other_org.name)
    expect(header_org).not_to_contain_text(org.name)
    expect(page.get_by_role("heading", level=1)).to_have_text("Overzicht")
    expect(page.locator(".portal-lead")).to_contain_text(other_org.name)
    expect(page.get_by_label("Wissel van organisatie")).to_have_value(other_org.slug)

    # /organisaties/: the list, and the same switch by query string (what the form sends).
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Mijn organisaties").click()
    page.wait_for_url("**/organisaties/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn organisaties")
    assert_accessible(page)
    page.get_by_role("link", name=org.name).click()
    page.wait_for_url(f"**/o/{org.slug}/")
    expect(header_org).to_contain_text(org.name)

    page.goto(f"/organisaties/?organisatie={other_org.slug}")
    assert path_of(page) == f"/o/{other_org.slug}/"
    expect(header_org).to_contain_text(other_org.name)

    # The start page remembers the organisation chosen last.
    page.goto("/")
    assert path_of(page) == f"/o/{other_org.slug}/"
    assert_no_csp_violations(console)


def test_switch_to_an_organisation_one_is_not_a_member_of_is_refused(
    page, org, other_org, member_factory, sign_in, assert_accessible
):
    membership = member_factory(org, Role.LEARNER)
    sign_in(membership.user)

    page.goto(f"/organisaties/?organisatie={other_org.slug}")
    assert path_of(page) == "/organisaties/"
    expect(page.get_by_role("status")).to_contain_text("geen lid")
    assert_accessible(page)

    response = page.goto(f"/o/{other_org.slug}/")
    assert response is not None and response.status == 404
    expect(page.locator(".portal-header__org")).to_have_count(0)
