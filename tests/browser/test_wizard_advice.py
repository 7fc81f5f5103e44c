"""The intake's new questions and the advice page, as a case handler uses them with
only a keyboard: every page passes axe and reports no CSP violation."""

from __future__ import annotations

import copy
import re

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from portal.roles import Role
from referrals.models import Case, CaseTask, DirectoryEntry, EvidenceItem, LocalDestination
from tests.browser.helpers import assert_no_csp_violations, press_until_focused
from tests.cms.factories import TakedownGuideFactory
from tests.referrals.factories import ADVICE_V2, CaseFactory

pytestmark = pytest.mark.browser


def test_new_questions_by_keyboard(page, console, org, member_factory, sign_in, assert_accessible):
    handler = member_factory(org, Role.CASE_HANDLER)
    case = CaseFactory(organisation=org, handler=handler.user)
    sign_in(handler.user)
    base = f"/o/{org.slug}/casussen/{case.pk}/intake"

    page.goto(f"{base}/feiten/")
    assert_accessible(page)
    # Filled in from the organisation (a school); a full-size control with its label.
    expect(page.get_by_role("radio", name="Op school")).to_be_checked()
    box = page.locator("input[name=forms][value=threat]").bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24

    # Nothing chosen for the kind of violence: the summary names the field and leads to it.
    page.locator("main form button[type=submit]").focus()
    page.keyboard.press("Enter")
    summary = page.locator("main .utrecht-alert--error")
    expect(summary).to_contain_text("Wat voor online geweld is het?")
    assert_accessible(page)
    summary.get_by_role("link", name="Wat voor online geweld is het?").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/feiten/#id_forms$"))

    press_until_focused(page, "input[name=forms][value=threat]")
    page.keyboard.press("Space")
    # Tab reaches a group of radio buttons at its chosen answer ("Weet ik niet", the last);
    # the arrow keys choose another.
    press_until_focused(page, "input[name=offender_relation]:checked")
    for _n in range(4):
        page.keyboard.press("ArrowUp")  # up to: a classmate, teammate or fellow member
    expect(page.get_by_role("radio", name="Een klasgenoot, teamgenoot of ander lid")).to_be_checked()
    press_until_focused(page, "input[name=money_lost]:checked")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator("#id_money_lost_0")).to_be_checked()  # ja
    page.locator("main form button[type=submit]").focus()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/intake/kwetsbaarheid/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Stap 3: Veiligheid en kwetsbaarheid")
    assert_accessible(page)
    press_until_focused(page, "input[name=physical_sexual_violence]:checked")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")  # from "weet ik niet" up to: yes, in the last 7 days
    expect(page.get_by_role("radio", name="Ja, in de afgelopen 7 dagen")).to_be_checked()
    page.locator("main form button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/intake/bewijs/$"))

    with scopes_disabled():
        facts = Case.objects.get(pk=case.pk).facts
    assert facts["setting"] == "school" and facts["offender_relation"] == "peer"
    assert facts["money_lost"] is True and facts["physical_sexual_violence"] == "recent"
    assert "self_harm_signs" not in facts  # left at "weet ik niet": unknown
    assert_no_csp_violations(console)


def test_advice_page_by_keyboard(page, console, org, member_factory, sign_in, assert_accessible):
    handler = member_factory(org, Role.CASE_HANDLER)
    TakedownGuideFactory(slug="snapchat", platform="Snapchat")
    TakedownGuideFactory(slug="instagram", platform="Instagram")
    with scopes_disabled():
        LocalDestination.objects.create(
            organisation=org.parent, code="jeugdteam", label="Jeugdteam Zuiderhaven", url="https://jeugdteam.example/"
        )
    # The live server's database is flushed between tests: the shipped directory is gone.
    DirectoryEntry.objects.update_or_create(
        code="slachtofferhulp",
        country="NL",
        defaults={
            "name": "Slachtofferhulp Nederland",
            "phone": "0900-0101",
            "website": "https://www.slachtofferhulp.nl",
            "description": "Helpt gratis met praten, met juridische vragen en met de aangifte.",
        },
    )
    case = CaseFactory(
        organisation=org,
        handler=handler.user,
        facts={"country": "NL", "victim_age": 15, "forms": ["sextortion"]},
        routing_result=copy.deepcopy(ADVICE_V2),
        rules_version=ADVICE_V2["rules_version"],
    )
    with scopes_disabled():
        EvidenceItem.objects.create(organisation=org, case=case, kind="url", platform="Snapchat", kept_where="x")
    sign_in(handler.user)
    page.goto(f"/o/{org.slug}/casussen/{case.pk}/intake/advies/")
    assert_accessible(page)

    headings = page.locator("main h2, main h3").all_inner_texts()
    assert headings[:3] == ["Nog uitzoeken", "Let op: dit doe je niet", "Wat je kunt doen"]
    assert headings[3:] == ["Nu meteen", "Binnenkort", "Daarna"]
    expect(page.locator("main .utrecht-alert--warning")).to_have_count(2)
    expect(page.get_by_role("link", name="0900-0101").first).to_have_attribute("href", "tel:09000101")
    expect(page.get_by_role("checkbox", name="Snapchat")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Instagram")).not_to_be_checked()

    # The rule ids are hidden until "Waarom dit advies" is opened, by keyboard.
    rule = page.get_by_text("acute-danger", exact=True)
    expect(rule).to_be_hidden()
    press_until_focused(page, "main details > summary")  # the first one: Bel 112
    page.keyboard.press("Enter")
    expect(rule).to_be_visible()
    assert_accessible(page)

    press_until_focused(page, "#kies-slachtofferhulp")
    page.keyboard.press("Space")
    press_until_focused(page, "#kies-localjeugdteam")
    page.keyboard.press("Space")
    press_until_focused(page, "main form button[type=submit]:has-text('Maak taken')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/casussen/{case.pk}/#taken$"))
    with scopes_disabled():
        titles = sorted(CaseTask.objects.filter(case=case).values_list("title", flat=True))
    assert titles == ["Jeugdteam Zuiderhaven", "Slachtofferhulp Nederland"]
    expect(page.locator("main")).to_contain_text("Acties gekozen: Slachtofferhulp Nederland, Jeugdteam Zuiderhaven")
    assert_accessible(page)

    # An open question leads back to the field that asks it.
    page.go_back()
    page.get_by_role("link", name="Beantwoord dit bij stap 3: Veiligheid en kwetsbaarheid").click()
    expect(page).to_have_url(re.compile(r"/kwetsbaarheid/#id_self_harm_signs$"))
    expect(page.locator("#id_self_harm_signs")).to_be_in_viewport()
    assert_no_csp_violations(console)
