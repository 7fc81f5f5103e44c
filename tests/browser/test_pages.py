"""Public pages, the invitation for a new user, the skip link, focus and header contrast."""

from __future__ import annotations

import hashlib

import pytest
from playwright.sync_api import expect

from portal.models import Organisation
from portal.roles import Role
from tests.browser.helpers import assert_no_csp_violations, contrast_ratio
from tests.factories import TEST_PASSWORD, InvitationFactory

pytestmark = pytest.mark.browser


def test_landing_login_and_404_pages(page, console, db, assert_accessible):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Veilig Online")
    assert_accessible(page)

    page.get_by_role("main").get_by_role("link", name="Aanmelden").click()
    page.wait_for_url("**/accounts/login/")
    assert_accessible(page)

    response = page.goto("/deze-pagina-bestaat-niet/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze pagina bestaat niet")
    assert_accessible(page)
    assert_no_csp_violations(console)


def test_new_user_accepts_an_invitation(page, console, org, assert_accessible):
    token = "browser-test-uitnodiging-0123456789"
    InvitationFactory(
        organisation=org,
        email="nieuw.lid@example.org",
        role=Role.LEARNER,
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
    )

    page.goto(f"/uitnodiging/{token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Uitnodiging van {org.name}")
    assert_accessible(page)

    page.get_by_label("Voornaam").fill("Nina")
    page.get_by_label("Achternaam").fill("Nieuw")
    page.get_by_label("Wachtwoord", exact=True).fill(TEST_PASSWORD)
    page.get_by_label("Wachtwoord nog een keer").fill(TEST_PASSWORD + "x")
    with page.expect_navigation():
        page.get_by_role("button", name="Account aanmaken en accepteren").click()

    # A mistake is shown next to the field, tied to it.
    repeat = page.get_by_label("Wachtwoord nog een keer")
    expect(repeat).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    page.get_by_label("Wachtwoord", exact=True).fill(TEST_PASSWORD)
    repeat.fill(TEST_PASSWORD)
    page.get_by_role("button", name="Account aanmaken en accepteren").click()
    page.wait_for_url(f"**/o/{org.slug}/")
    expect(page.get_by_role("status")).to_contain_text(f"Welkom bij {org.name}")
    expect(page.locator(".portal-header__org")).to_contain_text(org.name)
    assert_accessible(page)
    assert_no_csp_violations(console)


def _skip_to_content(page) -> None:  # type: ignore[no-untyped-def]
    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    expect(skip_link).to_have_text("Naar de inhoud")
    box = skip_link.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0 and box["width"] > 0, f"skip link off-screen: {box}"
    style = skip_link.evaluate(
        "el => { const s = getComputedStyle(el); return {outline: s.outlineStyle, color: s.color,"
        " background: s.backgroundColor} }"
    )
    assert style["outline"] != "none", "focus on the skip link is invisible"
    # It lies over the header: it needs its own opaque background, readable text on it.
    assert contrast_ratio(style["color"], style["background"]) >= 4.5, style

    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main#inhoud').contains(document.activeElement)")


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, org, member_factory, sign_in):
    page.goto("/")
    _skip_to_content(page)

    sign_in(member_factory(org, Role.ORG_COORDINATOR).user)
    page.goto(f"/o/{org.slug}/")
    _skip_to_content(page)

    # Focus stays visible on the organisation's colour: the next stop is the brand link.
    page.goto(f"/o/{org.slug}/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    brand = page.locator(":focus")
    expect(brand).to_have_class("portal-header__brand")
    ring = brand.evaluate(
        "el => { const s = getComputedStyle(el); return {style: s.outlineStyle, width: parseFloat(s.outlineWidth),"
        " shadow: s.boxShadow} }"
    )
    assert ring["style"] != "none" and ring["width"] >= 2, ring
    # The ring has a light and a dark part, so it shows on any organisation colour.
    assert ring["shadow"] != "none", ring


# Dark blue is the default every other test sees; these need black text, or just pass white.
@pytest.mark.parametrize("colour", ["#ffd200", "#d52b1e"])
def test_header_text_stays_readable_on_any_organisation_colour(
    page, console, org, member_factory, sign_in, assert_accessible, colour
):
    Organisation.objects.filter(pk=org.pk).update(brand_colour=colour)
    sign_in(member_factory(org, Role.LEARNER).user)
    page.goto(f"/o/{org.slug}/")
    background = page.locator(".portal-header").evaluate("el => getComputedStyle(el).backgroundColor")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    assert background == f"rgb({red}, {green}, {blue})", background
    # axe's colour-contrast rule checks every text on the header against it.
    assert_accessible(page)
    assert_no_csp_violations(console)


def test_the_checks_themselves_can_fail(page, console, db, assert_accessible):
    """A check that cannot fail proves nothing: break the page on purpose."""
    page.goto("/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.inlineRan = true";
            document.body.append(script);
            const img = document.createElement("img");
            img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
            document.querySelector("main").append(img);
        }"""
    )
    assert page.evaluate("window.inlineRan") is None, "CSP let an inline script run"
    page.wait_for_timeout(100)
    assert console.csp_violations, console.messages
    with pytest.raises(pytest.fail.Exception, match="image-alt"):
        assert_accessible(page)
