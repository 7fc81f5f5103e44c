"""Small helpers shared by the browser tests (fixtures live in conftest.py)."""

from __future__ import annotations

import os
import re
import time
from urllib.parse import urlparse

import pytest
from allauth.mfa import app_settings as mfa_settings
from playwright.sync_api import Page, expect

from tests.factories import TEST_PASSWORD
from tests.helpers import totp_code


def screenshot(page: Page, name: str) -> None:
    """A full-page screenshot in ``$SCREENSHOT_DIR`` when that is set (to look at the
    pages by eye); nothing otherwise."""
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)  # noqa: PTH118


def path_of_url(url: str) -> str:
    return urlparse(url).path


def path_of(page: Page) -> str:
    return path_of_url(page.url)


def fresh_totp_code(secret: str | None = None) -> str:
    """A code that will not roll over to the next period before the server checks it."""
    period = mfa_settings.TOTP_PERIOD
    remaining = period - (time.time() % period)
    if remaining < 1.5:
        time.sleep(remaining + 0.1)
    return totp_code(secret) if secret else totp_code()


def assert_no_csp_violations(console) -> None:  # type: ignore[no-untyped-def]
    violations = console.csp_violations
    assert not violations, "The page broke its own Content Security Policy:\n" + "\n".join(violations)


def contrast_ratio(css_colour_a: str, css_colour_b: str) -> float:
    """WCAG contrast of two computed colours ("rgb(…)"/"rgba(…)"); a transparent one counts as 1:1."""

    def luminance(css_colour: str) -> float | None:
        parts = [float(p) for p in re.findall(r"[\d.]+", css_colour)]
        if len(parts) == 4 and parts[3] < 1:
            return None
        channels = [c / 255 for c in parts[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    a, b = luminance(css_colour_a), luminance(css_colour_b)
    if a is None or b is None:
        return 1.0
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def press_until_focused(page: Page, selector: str, *, limit: int = 80) -> None:
    """Tab through the page, as a keyboard user does, until ``selector`` has the focus."""
    target = page.locator(selector).first
    for _n in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{selector} never got the focus by Tab")


def enter_email(page: Page, email: str) -> None:
    """The login page's first step: the address, then "Verder". An address without an
    identity provider of its own continues to the password step, address filled in."""
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_role("main").get_by_role("button", name="Verder").click()
    page.wait_for_url("**/accounts/login/?*stap=wachtwoord*")
    expect(page.locator("#id_login")).to_have_value(email)


def sign_in_with_totp(page: Page, user, path: str) -> None:
    """The real sign-in: password, then the authenticator code; ends on ``path``."""
    page.goto(path)
    assert path_of(page) == "/accounts/login/"
    enter_email(page, user.email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Aanmelden", exact=True).click()
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    page.get_by_label("Code").fill(fresh_totp_code())
    page.get_by_role("main").get_by_role("button", name="Aanmelden", exact=True).click()
    page.wait_for_url(f"**{path}")


def assert_chart_has_its_table(page: Page, chart_id: str, rows: int) -> None:
    svg = page.locator(f"svg#{chart_id}, figure svg[aria-labelledby='{chart_id}-caption']")
    expect(svg).to_have_count(1)
    expect(svg).to_have_attribute("role", "img")
    # The caption it points at exists and names the chart.
    caption = page.locator(f"#{chart_id}-caption")
    expect(caption).to_be_visible()
    expect(svg.locator("title")).to_have_text(caption.inner_text())
    # The same data in a real table beside it: one row per bar, label and value alike.
    table = page.locator(f"table#{chart_id}-table")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(rows)
    description = svg.locator("desc").text_content() or ""
    for row in table.locator("tbody tr").all():
        label = row.locator("th").inner_text().strip()
        value = row.locator("td").inner_text().strip()
        assert f"{label}: {value}" in description
    # Bars and text have enough contrast on the white page.
    for fill in {svg.locator("rect").nth(i).get_attribute("fill") for i in range(svg.locator("rect").count())}:
        assert contrast_ratio(_rgb(fill), "rgb(255, 255, 255)") >= 3
    text_fill = svg.locator("text").first.get_attribute("fill")
    assert contrast_ratio(_rgb(text_fill), "rgb(255, 255, 255)") >= 4.5


def _rgb(hex_colour: str | None) -> str:
    assert hex_colour and re.fullmatch(r"#[0-9a-f]{6}", hex_colour), hex_colour
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"
