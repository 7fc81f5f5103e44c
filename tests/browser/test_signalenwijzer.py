"""The Signalenwijzer as a teacher or coach uses it: by keyboard, at 1280 and 400 px,
every screen axe clean, no sideways scrolling, no CSP report. An NL school, a BE
school and a sports club, through the urgent branches (the country's numbers) and
through to a raised signal that carries the ticked signals."""

from __future__ import annotations

import re

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from portal.models import Country
from portal.roles import Role
from signalenwijzer.services import signalenwijzer_load
from tests.browser.helpers import assert_no_csp_violations, press_until_focused, screenshot
from tests.factories import MunicipalityFactory, SchoolFactory, SportsClubFactory, wagtail_root

pytestmark = pytest.mark.browser

WIDTHS = [1280, 400]


def check_screen(page, assert_accessible, name: str) -> None:
    expect(page.locator(".sw-banner")).to_contain_text("Bel meteen 112")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{name}: sideways scrolling"
    screenshot(page, f"signalenwijzer-{name}-{page.viewport_size['width']}")


def tick(page, name: str, value: str) -> None:
    press_until_focused(page, f"input[name={name}][value={value}]")
    page.keyboard.press("Space")
    expect(page.locator(f"input[name={name}][value={value}]")).to_be_checked()


def choose(page, name: str, value: str) -> None:
    """A radio group by keyboard: Tab into it, Space, then the arrow keys."""
    press_until_focused(page, f"input[name={name}]")
    page.keyboard.press("Space")
    for _n in range(6):
        if page.locator(f"input[name={name}][value={value}]").is_checked():
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"{name}={value} could not be chosen by keyboard")


def forward(page) -> None:
    press_until_focused(page, "button[name=ga][value=verder]")
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")


def walk(page, assert_accessible, organisation, *, signals, certainty, urgent, course=False) -> None:
    """From the menu to the summary, by keyboard."""
    page.goto(f"/o/{organisation.slug}/")
    page.get_by_role("navigation", name="Organisatie").get_by_role("link", name="Signalenwijzer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signalenwijzer")
    check_screen(page, assert_accessible, "start")
    press_until_focused(page, "button[value=verder]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Wat valt je op?")
    check_screen(page, assert_accessible, "signalen")
    for key in signals:
        tick(page, "s", key)
    forward(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Hoe zeker ben je?")
    check_screen(page, assert_accessible, "zekerheid")
    forward(page)  # nothing chosen: the question says so and keeps the screen
    expect(page.get_by_role("alert")).to_contain_text("Kies wat het best bij je past.")
    choose(page, "zeker", certainty)
    forward(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Is er iets dat niet kan wachten?")
    check_screen(page, assert_accessible, "urgentie")
    for key in urgent:
        if not page.locator(f"input[name=dringend][value={key}]").is_checked():
            tick(page, "dringend", key)
    forward(page)

    if urgent != ("geen",):
        expect(page.get_by_role("heading", level=1)).to_have_text("Dit kan niet wachten")
        check_screen(page, assert_accessible, "dringend")
        forward(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Het gesprek")
    check_screen(page, assert_accessible, "gesprek")
    if course:  # drawn from the course's conversation lessons, with a link to each
        expect(page.get_by_role("link", name="Lees de hele les: Vragen die je stelt")).to_be_visible()
        expect(page.locator(".block-dialogue")).to_be_visible()
    else:
        expect(page.get_by_role("link", name="Meer over het gesprek in de training")).to_be_visible()
    forward(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie betrek je erbij?")
    check_screen(page, assert_accessible, "betrekken")
    forward(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat nu?")
    check_screen(page, assert_accessible, "verder")


@pytest.mark.parametrize("width", WIDTHS)
def test_nl_school_walk_to_a_raised_signal(page, console, org, member_factory, sign_in, assert_accessible, width):
    from cms.services import course_load

    signalenwijzer_load()
    wagtail_root()  # a flushed database (an earlier live-server test) has lost it
    course_load()
    teacher = member_factory(org, Role.LEARNER)
    sign_in(teacher.user)
    page.set_viewport_size({"width": width, "height": 900})
    walk(
        page,
        assert_accessible,
        org,
        signals=("teruggetrokken", "telefoon", "niet-meer-leven"),
        certainty="enkele",
        urgent=("thuis",),  # self-harm is ticked already: a signal pointed to it
        course=True,
    )
    summary = page.locator(".sw-summary")
    expect(summary).to_contain_text("Is geheimzinnig met de telefoon")
    expect(summary).to_contain_text("0800-0113")
    expect(summary).to_contain_text("Veilig Thuis")
    expect(summary).not_to_contain_text("1813")
    expect(page.get_by_role("button", name="Samenvatting afdrukken")).to_be_visible()  # JavaScript ran
    # On paper: the summary without the menu, the buttons or the form.
    page.emulate_media(media="print")
    expect(page.locator(".portal-header")).to_be_hidden()
    expect(page.locator(".sw-next")).to_be_hidden()
    expect(summary).to_be_visible()
    page.emulate_media(media="screen")

    press_until_focused(page, ".sw-next button[type=submit]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/o/{org.slug}/casussen/melden/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Signaal melden")
    text = page.get_by_label("Wat is er gebeurd?")
    expect(text).to_have_value(re.compile("Is stiller dan eerst of zoekt minder contact"))
    assert_accessible(page)
    press_until_focused(page, "#id_pseudonym")
    page.keyboard.type("Vos")
    press_until_focused(page, "#id_signal")
    page.keyboard.press("Control+End")
    page.keyboard.type("\nIk heb haar vandaag gesproken.")
    press_until_focused(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile("Je signaal is gemeld met kenmerk"))).to_be_visible()
    from referrals.models import Case

    with scopes_disabled():
        case = Case.objects.get(organisation=org)
    assert "Is geheimzinnig met de telefoon, of schrikt als die trilt" in case.signal
    assert "Ik heb haar vandaag gesproken." in case.signal
    assert_no_csp_violations(console)


@pytest.mark.parametrize("width", WIDTHS)
def test_be_school_urgent_branches_give_belgian_numbers(
    page, console, member_factory, sign_in, assert_accessible, width
):
    signalenwijzer_load()
    school = SchoolFactory(
        name="Basisschool Brugge", slug="school-brugge", parent=MunicipalityFactory(country=Country.BE)
    )
    sign_in(member_factory(school, Role.LEARNER).user)
    page.set_viewport_size({"width": width, "height": 900})
    walk(
        page,
        assert_accessible,
        school,
        signals=("gespannen",),
        certainty="gevoel",
        urgent=("gevaar", "zelfbeschadiging", "thuis"),
    )
    summary = page.locator(".sw-summary")
    for text in ("112", "Zelfmoordlijn 1813", "1712", "CLB"):
        expect(summary).to_contain_text(text)
    for text in ("0800-0113", "Veilig Thuis", "0800-2000"):
        expect(summary).not_to_contain_text(text)
    # Back from the summary: the answers are still there.
    press_until_focused(page, "button[name=ga][value=terug]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie betrek je erbij?")
    expect(page.locator("main")).to_contain_text("De vertrouwenspersoon of het CLB")
    assert_no_csp_violations(console)


@pytest.mark.parametrize("width", WIDTHS)
def test_sports_club_names_its_own_contact(page, console, member_factory, sign_in, assert_accessible, width):
    from signalenwijzer.models import OrganisationContact

    signalenwijzer_load()
    club = SportsClubFactory(name="VV De Bal", slug="vv-de-bal", parent=MunicipalityFactory())
    with scopes_disabled():
        OrganisationContact.objects.create(organisation=club, name="Karin de Wit", role="vertrouwenscontactpersoon")
    sign_in(member_factory(club, Role.LEARNER).user)
    page.set_viewport_size({"width": width, "height": 900})
    walk(page, assert_accessible, club, signals=("afwezig", "beelden-rond"), certainty="veel", urgent=("gevaar",))
    summary = page.locator(".sw-summary")
    expect(summary).to_contain_text("Bel 112")
    expect(summary).to_contain_text("De vertrouwenscontactpersoon (VCP) (Karin de Wit)")
    expect(summary).to_contain_text("Een trainer of bestuurslid die je vertrouwt")
    assert_no_csp_violations(console)


@pytest.mark.parametrize("width", WIDTHS)
def test_coordinator_counts_page(page, console, org, member_factory, sign_in, assert_accessible, width):
    import datetime

    from signalenwijzer.models import WalkCount

    with scopes_disabled():
        WalkCount.objects.create(organisation=org, month=datetime.date(2026, 5, 1), started=12, finished=9, signalled=3)
    sign_in(member_factory(org, Role.ORG_COORDINATOR).user)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/o/{org.slug}/")
    page.get_by_role("link", name="Signalenwijzer in cijfers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signalenwijzer in cijfers")
    expect(page.locator("#telling")).to_contain_text("<5")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_no_csp_violations(console)


@pytest.mark.parametrize("width", WIDTHS)
def test_nl_school_extortion_branch(page, console, org, member_factory, sign_in, assert_accessible, width):
    """Sextortion or images going round now: pre-ticked by the signal, the Dutch
    police and help for a minor, and never a step that handles the images."""
    signalenwijzer_load()
    sign_in(member_factory(org, Role.LEARNER).user)
    page.set_viewport_size({"width": width, "height": 900})
    walk(
        page,
        assert_accessible,
        org,
        signals=("geld-of-beelden-gevraagd",),
        certainty="veel",
        urgent=("afpersing",),  # ticked already: the signal points to it
    )
    summary = page.locator(".sw-summary")
    expect(summary).to_contain_text("Iemand wordt nu afgeperst, of naaktbeelden gaan nu rond")
    help_box = summary.locator("[data-hulp=afpersing]")
    for text in ("0900-8844", "helpwanted.nl", "Take It Down", "StopNCII", "0800-0113", "wis de chat niet"):
        expect(help_box).to_contain_text(text)
    for text in ("Child Focus", "1813", "politiezone"):
        expect(help_box).not_to_contain_text(text)
    assert_no_csp_violations(console)
