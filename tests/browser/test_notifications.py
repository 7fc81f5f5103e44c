"""The notification centre as a person uses it: the badge in the header, the list,
marking read with the keyboard (htmx) and without JavaScript, the poll, and the
e-mail preferences. Every page passes axe and reports no CSP violation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from messaging.models import Notification, NotificationKind, NotificationPreference
from portal.roles import Role
from tests.browser.helpers import assert_no_csp_violations, enter_email, fresh_totp_code, path_of
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.browser

K = NotificationKind


def sign_in_with_mfa(page, user) -> None:  # type: ignore[no-untyped-def]
    page.goto("/accounts/login/")
    enter_email(page, user.email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Aanmelden", exact=True).click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.get_by_label("Code").fill(fresh_totp_code())
    page.get_by_role("main").get_by_role("button", name="Aanmelden", exact=True).click()
    page.wait_for_url(lambda url: "/accounts/" not in url)


@pytest.fixture
def coordinator(org, member_factory):  # type: ignore[no-untyped-def]
    membership = member_factory(org, Role.ORG_COORDINATOR)
    now = timezone.now()
    for minutes, title, read in (
        (30, "Training is te laat", True),
        (20, "Taak over de datum", False),
        (10, "Doorverwijzing nog niet bevestigd", False),
        (1, "Nazorg: neem contact op", False),
    ):
        Notification.objects.create(
            user=membership.user,
            organisation=org,
            kind=K.TASK_OVERDUE,
            title=title,
            body="Kijk in het portaal wat er moet gebeuren.",
            url=f"/o/{org.slug}/",
            created_at=now - timedelta(minutes=minutes),
            read_at=now if read else None,
        )
    return membership


def badge(page):  # type: ignore[no-untyped-def]
    return page.get_by_role("navigation", name="Account").get_by_role("link", name="Meldingen")


def test_badge_list_and_marking_read_with_the_keyboard(page, console, org, coordinator, assert_accessible):
    page.clock.install()
    sign_in_with_mfa(page, coordinator.user)
    assert path_of(page) == f"/o/{org.slug}/"

    # The header says how many are unread: the number to see, a sentence to hear.
    expect(page.locator("#meldingen-teller .utrecht-badge-counter")).to_have_text("3")
    expect(badge(page)).to_have_accessible_name("Meldingen 3 ongelezen meldingen")

    badge(page).click()
    page.wait_for_url("**/meldingen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldingen")
    expect(page.locator("#meldingen-samenvatting")).to_have_text("Je hebt 3 ongelezen meldingen.")
    headings = page.locator("#meldingen h2")
    expect(headings).to_have_count(4)
    expect(headings.first).to_contain_text("Nazorg: neem contact op")  # newest first
    expect(headings.first).to_contain_text("Nieuw")  # unread, said in words
    expect(headings.last).not_to_contain_text("Nieuw")
    assert_accessible(page)

    # Keyboard only: focus the button, Enter. htmx swaps the item, the page stays.
    page.evaluate("window.zelfdePagina = true")
    button = page.get_by_role("button", name="Markeer als gelezen (Taak over de datum)")
    button.focus()
    with page.expect_response(lambda r: "/gelezen/" in r.url and r.request.headers.get("hx-request") == "true"):
        page.keyboard.press("Enter")
    expect(page.locator("#meldingen-teller .utrecht-badge-counter")).to_have_text("2")
    expect(badge(page)).to_have_accessible_name("Meldingen 2 ongelezen meldingen")
    expect(page.locator("#meldingen-samenvatting")).to_have_text("Je hebt 2 ongelezen meldingen.")
    confirmation = page.get_by_text("De melding is gemarkeerd als gelezen.")
    expect(confirmation).to_be_focused()  # focus is not lost with the button
    expect(page.get_by_role("button", name="Markeer als gelezen (Taak over de datum)")).to_have_count(0)
    assert page.evaluate("window.zelfdePagina") is True, "marking read reloaded the page"
    assert_accessible(page)

    # A notification arrives; within a minute the poll shows it in the header.
    Notification.objects.create(
        user=coordinator.user, kind=K.WEEKLY_DIGEST, title="Weekoverzicht", url=f"/o/{org.slug}/leden/"
    )
    with page.expect_response(lambda r: "/meldingen/aantal/" in r.url):
        page.clock.run_for(61_000)
    expect(page.locator("#meldingen-teller .utrecht-badge-counter")).to_have_text("3")

    # "Alles gelezen" only marks what was on the list: the digest arrived later.
    read_all = page.get_by_role("button", name="Alles gelezen")
    read_all.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Alle meldingen zijn gemarkeerd als gelezen.")).to_be_focused()
    expect(page.locator("#meldingen-teller .utrecht-badge-counter")).to_have_text("1")
    assert page.evaluate("window.zelfdePagina") is True
    assert_accessible(page)

    # Opening a notification marks it read and goes to its page in the portal.
    page.reload()
    page.get_by_role("link", name="Weekoverzicht").click()
    page.wait_for_url(f"**/o/{org.slug}/leden/")
    expect(page.locator("#meldingen-teller .utrecht-badge-counter")).to_have_count(0)
    assert_no_csp_violations(console)


def test_marking_read_without_javascript(browser, live_server, org, coordinator, assert_accessible):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", java_script_enabled=False)
    client = Client()
    client.force_login(coordinator.user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    try:
        page.goto("/meldingen/")
        expect(page.locator("#meldingen-teller .utrecht-badge-counter")).to_have_text("3")
        with page.expect_navigation():
            page.get_by_role("button", name="Markeer als gelezen (Doorverwijzing nog niet bevestigd)").click()
        assert path_of(page) == "/meldingen/"
        expect(page.get_by_role("status")).to_contain_text("De melding is gemarkeerd als gelezen.")
        expect(page.locator("#meldingen-teller .utrecht-badge-counter")).to_have_text("2")

        with page.expect_navigation():
            page.get_by_role("button", name="Alles gelezen").click()
        expect(page.get_by_role("status")).to_contain_text("Alle meldingen zijn gemarkeerd als gelezen.")
        expect(page.locator("#meldingen-teller .utrecht-badge-counter")).to_have_count(0)
        expect(page.get_by_role("button", name="Alles gelezen")).to_have_count(0)
        assert not Notification.objects.filter(user=coordinator.user, read_at__isnull=True).exists()
    finally:
        context.close()


def test_email_preferences(page, console, org, coordinator, sign_in, assert_accessible):
    sign_in(coordinator.user)
    page.goto("/meldingen/")
    page.get_by_role("link", name="Kies welke meldingen je ook per e-mail krijgt").click()
    page.wait_for_url("**/meldingen/voorkeuren/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldingen per e-mail")
    assert_accessible(page)

    escalation = page.get_by_label(str(K.PARTNER_ESCALATION.label))
    expect(escalation).to_be_checked()
    expect(escalation).to_be_disabled()
    expect(escalation).to_have_accessible_description(
        "Escalaties kun je niet uitzetten: een hulpvraag blijft anders misschien liggen."
    )

    digest = page.get_by_label(str(K.WEEKLY_DIGEST.label))
    expect(digest).to_be_checked()
    digest.uncheck()
    with page.expect_navigation():
        page.get_by_role("button", name="Bewaar voorkeuren").click()
    expect(page.get_by_role("status")).to_contain_text("Je voorkeuren voor e-mail zijn opgeslagen.")
    expect(page.get_by_label(str(K.WEEKLY_DIGEST.label))).not_to_be_checked()
    expect(page.get_by_label(str(K.PARTNER_ESCALATION.label))).to_be_checked()
    assert NotificationPreference.objects.get(user=coordinator.user, kind=K.WEEKLY_DIGEST).email is False
    assert_accessible(page)
    assert_no_csp_violations(console)
