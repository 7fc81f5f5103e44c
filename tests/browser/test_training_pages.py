"""A learner in a real browser: answering by keyboard with htmx (feedback swapped in
place, focus moved to it), a scenario by keyboard, and the same without JavaScript."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from portal.roles import Role
from tests.browser.helpers import assert_no_csp_violations, path_of
from tests.training.builders import BRANCHING, build_branching_module, build_module
from tests.training.factories import AssignmentFactory, CertificateFactory
from training.models import Answer

pytestmark = pytest.mark.browser


@pytest.fixture
def course_for_browser(transactional_db):
    return build_module()


def test_knowledge_check_and_scenario_by_keyboard_with_htmx(
    page, console, sign_in, org, member_factory, course_for_browser, assert_accessible
):
    module, lessons = course_for_browser
    learner = member_factory(org)
    sign_in(learner.user)
    url = f"/o/{org.slug}/training/{module.slug}/{lessons[0].slug}/"
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text(lessons[0].title)
    expect(page.locator("#kennischeck-teller")).to_have_text("0 van 1 vragen goed. Beantwoord eerst nog 1 vraag.")
    assert_accessible(page)

    page.get_by_label("Bewijs bewaren").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Controleer mijn antwoord")).to_be_focused()
    page.keyboard.press("Enter")

    result = page.locator("#vraag-q1-uitslag")
    expect(result).to_contain_text("Je antwoord is goed.")
    expect(result).to_be_focused()
    # The counter beside the question follows, out of band, without a page load.
    expect(page.locator("#kennischeck-teller")).to_have_text("1 van 1 vragen goed.")
    assert path_of(page) == url and "#" not in page.url  # swapped in place, no page load
    assert Answer.objects.get().is_correct
    assert_accessible(page)

    page.goto(f"/o/{org.slug}/training/{module.slug}/{lessons[1].slug}/")
    page.get_by_role("link", name="Je neemt de tijd en luistert.").focus()
    page.keyboard.press("Enter")
    outcome = page.get_by_role("heading", name="Jouw keuze: Je neemt de tijd en luistert.")
    expect(outcome).to_be_focused()
    expect(page.locator("#scenario-sc1")).to_contain_text("Sam vertelt meer.")
    expect(page.get_by_role("heading", level=1)).to_have_text(lessons[1].title)  # still one page, one h1
    assert "scenario=sc1" in page.url
    assert_accessible(page)
    assert_no_csp_violations(console)


@pytest.fixture
def branching_for_browser(transactional_db):
    return build_branching_module()


def choose_by_keyboard(page, text: str) -> None:
    """Tab from where the focus is to the choice ``text`` and press Enter."""
    link = page.locator(f"#scenario-{BRANCHING}").get_by_role("link", name=text, exact=True)
    for _ in range(60):
        page.keyboard.press("Tab")
        if link.evaluate("element => element === document.activeElement"):
            break
    expect(link).to_be_focused()
    page.keyboard.press("Enter")


@pytest.mark.parametrize("width", [1280, 400])
def test_branching_scenario_to_two_endings_by_keyboard(
    page, console, sign_in, org, member_factory, branching_for_browser, assert_accessible, width
):
    page.set_viewport_size({"width": width, "height": 900})
    module, (lesson,) = branching_for_browser
    sign_in(member_factory(org).user)
    url = f"/o/{org.slug}/training/{module.slug}/{lesson.slug}/"
    page.goto(url)
    scenario = page.locator(f"#scenario-{BRANCHING}")
    expect(scenario).to_contain_text("Noor wil de chat het liefst meteen wissen.")
    assert_accessible(page)

    # Path 1: keep the chat, go to the police with it: the good ending, full marks.
    choose_by_keyboard(page, "Je helpt Noor de chat te bewaren.")
    expect(page.get_by_role("heading", name="Jouw keuze: Je helpt Noor de chat te bewaren.")).to_be_focused()
    expect(scenario).to_contain_text("Noor wil dat het stopt.")
    expect(scenario).not_to_contain_text("De chat is gewist.")
    assert "pad=k-bewaar" in page.url and path_of(page) == url  # the path is in the address, one page
    choose_by_keyboard(page, "Jullie gaan met de chat naar de politie.")
    expect(scenario.get_by_role("heading", name="Einde: Het bewijs hielp")).to_be_visible()
    expect(scenario).to_contain_text("Je score: 4 van de 4 punten.")
    expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)  # still one page, one h1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)

    # Start again by keyboard: the focus lands on step 1.
    choose_by_keyboard(page, "Begin het scenario opnieuw")
    expect(page.get_by_role("heading", name="Stap 1")).to_be_focused()

    # Path 2: the chat is deleted; that carries forward: a note, and no police with the chat.
    choose_by_keyboard(page, "Je zegt: wis hem maar.")
    expect(scenario).to_contain_text("De chat is gewist. Er is geen bewijs meer.")
    expect(scenario.get_by_role("link", name="Jullie gaan met de chat naar de politie.")).to_have_count(0)
    assert_accessible(page)
    choose_by_keyboard(page, "Je vraagt de politie wat er nog kan.")
    expect(scenario.get_by_role("heading", name="Einde: Het kon beter")).to_be_visible()
    expect(scenario).to_contain_text("Deels goed afgelopen")
    expect(scenario).to_contain_text("Je score: 1 van de 4 punten.")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)

    # A tampered address: a message and a way back, no error page.
    page.goto(f"{url}?scenario={BRANCHING}&pad=k-wis.k-politie")
    expect(scenario).to_contain_text("niet meer maken")
    expect(scenario.get_by_role("link", name="Begin het scenario opnieuw")).to_be_visible()
    assert_accessible(page)
    assert_no_csp_violations(console)


def test_branching_scenario_without_javascript(browser, live_server, org, member_factory, branching_for_browser):
    module, (lesson,) = branching_for_browser
    learner = member_factory(org)
    no_js = browser.new_context(base_url=live_server.url, locale="nl-NL", java_script_enabled=False)
    try:
        client = Client()
        client.force_login(learner.user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        no_js.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
        page = no_js.new_page()
        page.goto(f"/o/{org.slug}/training/{module.slug}/{lesson.slug}/")
        page.get_by_role("link", name="Je zegt: wis hem maar.").click()
        expect(page.locator(f"#scenario-{BRANCHING}")).to_contain_text("De chat is gewist.")
        page.get_by_role("link", name="Je zegt dat melden geen zin heeft.").click()
        expect(page.locator(f"#scenario-{BRANCHING}")).to_contain_text("Einde: Noor bleef alleen")
        expect(page.locator(f"#scenario-{BRANCHING}")).to_contain_text("Je score: 0 van de 4 punten.")
    finally:
        no_js.close()


def test_knowledge_check_without_javascript(browser, live_server, org, member_factory, course_for_browser):
    module, lessons = course_for_browser
    learner = member_factory(org)
    no_js = browser.new_context(base_url=live_server.url, locale="nl-NL", java_script_enabled=False)
    try:
        client = Client()
        client.force_login(learner.user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        no_js.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
        page = no_js.new_page()
        url = f"/o/{org.slug}/training/{module.slug}/{lessons[2].slug}/"
        page.goto(url)
        page.get_by_label("Nergens").check()
        page.get_by_role("button", name="Controleer mijn antwoord").click()
        page.wait_for_url(f"**{url}#vraag-q3")
        expect(page.locator("#vraag-q3")).to_contain_text("Je antwoord is niet goed.")
        expect(page.locator("#kennischeck-teller")).to_have_text("0 van 1 vragen goed.")
        expect(page.locator("#vraag-q3")).to_contain_text("Uitleg bij Bij de aandachtsfunctionaris")
    finally:
        no_js.close()


def test_training_pages_are_accessible(
    page, console, sign_in, org, member_factory, course_for_browser, assert_accessible
):
    module, lessons = course_for_browser
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    learner = member_factory(org, Role.LEARNER)
    AssignmentFactory(organisation=org, module=module)
    certificate = CertificateFactory(user=coordinator.user, module=module)
    CertificateFactory(user=learner.user, module=module)
    sign_in(coordinator.user)
    for path in [
        f"/o/{org.slug}/training/",
        f"/o/{org.slug}/training/{module.slug}/",
        f"/o/{org.slug}/training/zoeken/?q=gesprek",
        f"/o/{org.slug}/mijn-training/",
        f"/o/{org.slug}/training/overzicht/",
        f"/o/{org.slug}/training/toewijzingen/",
        f"/certificaat/{certificate.code}/",
        "/certificaat/",
    ]:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)

    # A form with errors: each message is tied to its field.
    page.goto(f"/o/{org.slug}/training/toewijzingen/")
    page.get_by_label("Klaar voor").fill("2000-01-01")
    page.get_by_role("button", name="Wijs toe").click()
    expect(page.locator("#id_due_date_error")).to_contain_text("Kies een datum vanaf vandaag.")
    expect(page.get_by_label("Klaar voor")).to_have_attribute(
        "aria-describedby", "id_due_date_helptext id_due_date_error"
    )
    assert_accessible(page)
    assert_no_csp_violations(console)
