"""The organisation coordinator's, municipal and platform dashboards in a browser:
real sign-in with the second factor, axe (WCAG 2.2 AA), no CSP violations, charts
with their tables, and filters that work without JavaScript."""

from __future__ import annotations

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from portal.roles import Role
from referrals.models import Case
from reporting.rollups import rollups_refresh
from tests.browser.helpers import assert_chart_has_its_table, assert_no_csp_violations, screenshot, sign_in_with_totp
from tests.factories import MunicipalityFactory, PlatformFactory, SchoolFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def area(db):
    municipality = MunicipalityFactory(name="Gemeente Zuid", slug="gemeente-zuid")
    one = SchoolFactory(name="School Een", slug="school-een", parent=municipality)
    two = SchoolFactory(name="School Twee", slug="school-twee", parent=municipality)
    now = timezone.now()
    with scopes_disabled():
        Case.objects.bulk_create(
            Case(
                organisation=one if i % 3 else two,
                reference=f"B-{i}",
                pseudonym="J.B.",
                facts={"country": "NL", "forms": ["threat"] if i % 2 else ["doxing", "threat"]},
                created_at=now,
            )
            for i in range(30)
        )
    rollups_refresh()
    return {"municipality": municipality, "one": one}


def _check(page, console, assert_accessible, heading: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    main = page.get_by_role("main")
    expect(main).not_to_contain_text("J.B.")
    expect(main.locator("#bijgewerkt")).to_contain_text("Bijgewerkt om")
    assert_chart_has_its_table(page, "trend", rows=12)
    assert_chart_has_its_table(page, "wachttijden", rows=3)
    assert_accessible(page)
    assert_no_csp_violations(console)


def test_municipal_dashboard(page, console, area, member_factory, assert_accessible):
    coordinator = member_factory(area["municipality"], Role.MUNICIPAL_COORDINATOR)
    sign_in_with_totp(page, coordinator.user, "/o/gemeente-zuid/dashboard/")
    _check(page, console, assert_accessible, "Dashboard van de gemeente")
    expect(page.locator("#vergelijking-table")).to_contain_text("School Een")
    # A reversed range is refused with a message naming the field, without JavaScript.
    page.get_by_label("Vanaf").fill("2026-06-30")
    page.get_by_label("Tot en met").fill("2026-01-01")
    page.get_by_role("button", name="Filter", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Het filter klopt niet")
    expect(page.locator(".utrecht-form-field--invalid")).to_contain_text("Deze datum ligt vóór")
    assert_accessible(page)


def test_municipal_dashboard_opens_on_its_headline_at_1280_and_400(
    page, console, area, member_factory, assert_accessible
):
    coordinator = member_factory(area["municipality"], Role.MUNICIPAL_COORDINATOR)
    sign_in_with_totp(page, coordinator.user, "/o/gemeente-zuid/dashboard/")
    main = page.get_by_role("main")
    headline = main.locator("#kerncijfers-kop")
    for width in (1280, 400):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/o/gemeente-zuid/dashboard/")
        # The headline figures are the first thing on the page, in the first screen.
        expect(headline).to_be_in_viewport()
        expect(main.locator("#kerncijfer-open")).to_contain_text("Open casussen")
        expect(main.locator("#kerncijfer-open")).to_contain_text("30")
        wide = page.evaluate(
            "w => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > w)"
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id)",
            width,
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= width, wide
        vanaf = page.get_by_label("Vanaf")
        if width == 1280:
            expect(vanaf).to_be_visible()  # one open row
            assert page.locator(".portal-filterbar").bounding_box()["height"] < 200
        else:
            expect(vanaf).to_be_hidden()  # folded away; one click opens it
            page.get_by_text("Filter: kies periode").click()
            expect(vanaf).to_be_visible()
        screenshot(page, f"dashboard-gemeente-{width}")
        assert_accessible(page)
    # The contents list leads to each section.
    page.get_by_role("navigation", name="Op deze pagina").get_by_role("link", name="Training").click()
    expect(main.locator("#training-kop")).to_be_in_viewport()
    assert_no_csp_violations(console)


def test_organisation_dashboard(page, console, area, member_factory, assert_accessible):
    coordinator = member_factory(area["one"], Role.ORG_COORDINATOR)
    sign_in_with_totp(page, coordinator.user, "/o/school-een/dashboard/")
    _check(page, console, assert_accessible, "Dashboard van de organisatie")


def test_platform_dashboard(page, console, area, member_factory, assert_accessible):
    platform = PlatformFactory(name="Platform", slug="platform", country="NL")
    admin = member_factory(platform, Role.PLATFORM_ADMIN)
    sign_in_with_totp(page, admin.user, "/o/platform/dashboard/")
    _check(page, console, assert_accessible, "Dashboard van het platform")
    expect(page.locator("#vergelijking-table")).to_contain_text("Gemeente Zuid")
