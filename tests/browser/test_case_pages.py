"""What a case handler clicks: raise a signal, the intake wizard step by step, the
advice, the case page. Every page passes axe and reports no CSP violation."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from portal.roles import Role
from tests.browser.helpers import assert_no_csp_violations

pytestmark = pytest.mark.browser


def submit(page, field_selector: str) -> None:
    page.locator(f"main form:has({field_selector}) button[type=submit]").first.click()


def test_case_handler_runs_the_intake_wizard(page, console, org, member_factory, sign_in, assert_accessible):
    handler = member_factory(org, Role.CASE_HANDLER)
    sign_in(handler.user)

    page.goto(f"/o/{org.slug}/casussen/melden/")
    assert_accessible(page)
    page.fill("input[name=pseudonym]", "J.B.")
    page.fill("textarea[name=signal]", "Dreigende berichten in de groepsapp van het team.")
    submit(page, "input[name=pseudonym]")

    expect(page).to_have_url(re.compile(r"/intake/gesprek/$"))
    assert_accessible(page)
    page.fill("textarea[name=first_impressions]", "Geschrokken, wil vooral dat het stopt.")
    submit(page, "textarea[name=first_impressions]")

    expect(page).to_have_url(re.compile(r"/intake/feiten/$"))
    assert_accessible(page)
    # Nothing ticked under "what kind of online violence": the error names that field.
    submit(page, "input[name=victim_age]")
    invalid = page.locator(".utrecht-form-field--invalid, fieldset[aria-invalid=true], [aria-invalid=true]")
    expect(invalid.first).to_be_visible()
    assert_accessible(page)
    page.check("input[name=forms][value=threat]")
    page.check("input[name=threatened_with][value=death]")
    page.fill("input[name=victim_age]", "15")
    page.check("input[name=acute_danger][value=nee]")
    submit(page, "input[name=victim_age]")

    expect(page).to_have_url(re.compile(r"/intake/kwetsbaarheid/$"))
    assert_accessible(page)
    page.goto(page.url.replace("/kwetsbaarheid/", "/bewijs/"))
    assert_accessible(page)
    page.goto(page.url.replace("/bewijs/", "/wensen/"))
    assert_accessible(page)
    page.goto(page.url.replace("/wensen/", "/advies/"))
    assert_accessible(page)

    page.get_by_role("button", name="Maak het advies").click()
    expect(page).to_have_url(re.compile(r"/intake/advies/$"))
    # A death threat to a minor: an official report is advised, with its explanation.
    expect(page.locator("main")).to_contain_text("aangifte", ignore_case=True)
    assert_accessible(page)
    page.check("input[name=destinations][value=police_report]")
    page.get_by_role("button", name="Maak taken van de gekozen acties").click()

    page.goto(page.url.split("/intake/")[0] + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
    page.goto(f"/o/{org.slug}/casussen/")
    # The list names cases by reference only: no victim data, so no access-log row needed.
    expect(page.locator("main table")).to_contain_text(f"{timezone.now().year}-0001")
    expect(page.locator("main")).not_to_contain_text("J.B.")
    assert_accessible(page)
    assert_no_csp_violations(console)
