"""The case list and the case page as a case handler uses them, by keyboard, at
1280 and 400 px: filters and sort in the URL, the summary and the in-page menu,
the chronology filter. No horizontal scrolling at 400 px; axe finds nothing serious."""

from __future__ import annotations

import os
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from portal.roles import Role
from referrals.models import Case, CaseEvent, CaseTask
from tests.browser.helpers import assert_no_csp_violations
from tests.referrals.factories import ADVICE, CaseFactory, ReferralFactory

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("PORTAL_SCREENSHOTS")  # a folder: screenshots to look at


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def no_horizontal_overflow(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.fixture
def cases(org, member_factory):
    handler = member_factory(org, Role.CASE_HANDLER, first_name="Sanne", last_name="de Vries")
    urgent = CaseFactory(
        organisation=org,
        handler=handler.user,
        facts={"country": "NL", "forms": ["sextortion"], "victim_age": 15, "acute_danger": False},
        routing_result=ADVICE,
    )
    calm = CaseFactory(organisation=org, handler=handler.user, facts={"country": "NL", "forms": ["cyberbullying"]})
    CaseFactory(organisation=org)
    with scopes_disabled():
        CaseTask.objects.create(
            organisation=org,
            case=urgent,
            title="Meld het bij het platform",
            destination="platform_report",
            due_date=timezone.localdate() + timedelta(days=2),
        )
        CaseEvent.objects.create(organisation=org, case=urgent, kind=CaseEvent.Kind.NOTE, detail="Gesprek gevoerd")
    ReferralFactory(organisation=org, case=urgent)
    return {"handler": handler, "urgent": urgent, "calm": calm}


@pytest.mark.parametrize("width", [1280, 400])
def test_case_list_filters_and_sort_by_keyboard(page, console, org, cases, sign_in, assert_accessible, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(cases["handler"].user)
    page.goto(f"/o/{org.slug}/casussen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Casussen")
    expect(page.locator("main")).to_contain_text("3 casussen gevonden")
    assert_accessible(page)
    no_horizontal_overflow(page, width)
    shot(page, f"list-{width}")

    # By keyboard: choose a form of online violence, then submit with Enter.
    page.get_by_label("Soort online geweld").focus()
    page.get_by_label("Soort online geweld").select_option("sextortion")
    page.get_by_label("Zoek op kenmerk").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"vorm=sextortion"))
    rows = page.locator("main tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(cases["urgent"].reference)
    expect(rows.first).to_contain_text("Afpersing met seksuele beelden")
    expect(rows.first).to_contain_text("Nu meteen")
    expect(rows.first).to_contain_text("Meld het bij het platform")
    assert_accessible(page)
    no_horizontal_overflow(page, width)
    shot(page, f"list-filtered-{width}")

    # Sort: the menu works at every width; at 1280 px the column header too.
    page.goto(f"/o/{org.slug}/casussen/")
    if width >= 1280:
        header = page.locator("thead").get_by_role("link", name=re.compile("^Urgentie"))
        header.focus()
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"sort=urgentie"))
        expect(page.locator("th[aria-sort=ascending]")).to_contain_text("Urgentie")
    else:
        page.get_by_label("Sorteren op").select_option("urgentie")
        page.get_by_role("button", name="Toon casussen").press("Enter")
        expect(page).to_have_url(re.compile(r"sort=urgentie"))
    expect(page.locator("main tbody tr").first).to_contain_text(cases["urgent"].reference)

    # A bad value in the URL: a message naming the field, and the whole list.
    page.goto(f"/o/{org.slug}/casussen/?urgentie=morgen")
    expect(page.get_by_role("alert")).to_contain_text("Urgentie: deze keuze kennen we niet")
    expect(page.locator("main tbody tr")).to_have_count(3)
    assert_accessible(page)
    assert_no_csp_violations(console)


@pytest.mark.parametrize("width", [1280, 400])
def test_case_page_summary_sections_and_chronology(page, console, org, cases, sign_in, assert_accessible, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(cases["handler"].user)
    case = cases["urgent"]
    page.goto(f"/o/{org.slug}/casussen/{case.pk}/")
    summary = page.locator("#samenvatting")
    expect(summary).to_contain_text("Nu meteen")
    expect(summary).to_contain_text("Meld het bij het platform, uiterlijk")
    expect(summary).to_contain_text("Sanne de Vries")
    expect(summary).to_contain_text("Slachtofferhulp Nederland: verstuurd")
    expect(summary).to_contain_text("Afpersing met seksuele beelden (sextortion)")
    assert_accessible(page)
    no_horizontal_overflow(page, width)
    shot(page, f"case-{width}")

    # The in-page menu, by keyboard: each link moves to its section.
    menu = page.get_by_role("navigation", name="Op deze pagina")
    for name, anchor in (
        ("Taken", "taken"),
        ("Doorverwijzingen", "doorverwijzingen"),
        ("Bewijs", "bewijs"),
        ("Notities", "notities"),
        ("Chronologie", "chronologie"),
    ):
        link = menu.get_by_role("link", name=re.compile(f"^{name}"))
        link.focus()
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(f"#{anchor}$"))
        expect(page.locator(f"#{anchor}")).to_be_in_viewport()

    # The chronology, only notes: without JavaScript it is a plain GET form.
    page.get_by_label("Toon alleen").select_option("note")
    page.locator("#chronologie").get_by_role("button", name="Toon").press("Enter")
    expect(page).to_have_url(re.compile(r"\?soort=note#chronologie$"))
    chronology = page.locator("#chronologie ol")
    expect(chronology.locator("li")).to_have_count(1)
    expect(chronology).to_contain_text("Gesprek gevoerd")
    expect(page.locator("#chronologie")).to_contain_text("Je ziet alleen: Notitie (1 van 2)")
    assert_accessible(page)
    no_horizontal_overflow(page, width)
    shot(page, f"case-chronology-{width}")
    assert_no_csp_violations(console)


def test_a_learner_sees_mijn_signalen(page, org, member_factory, sign_in, assert_accessible):
    learner = member_factory(org, Role.LEARNER)
    own = CaseFactory(organisation=org, raised_by=learner.user)
    with scopes_disabled():
        assert Case.objects.filter(organisation=org).count() == 1
    sign_in(learner.user)
    page.set_viewport_size({"width": 400, "height": 900})
    page.goto(f"/o/{org.slug}/casussen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn signalen")
    expect(page.locator("main tbody tr")).to_have_count(1)
    expect(page.locator("main tbody")).to_contain_text(own.reference)
    assert page.locator("select[name=vorm]").count() == 0
    assert_accessible(page)
    no_horizontal_overflow(page, 400)
    shot(page, "learner-400")
