"""The dashboards in a browser: a case handler and a partner's intake worker sign in
with their second factor, open /o/<slug>/dashboard/, and find a page that passes
axe, breaks no CSP rule, and shows each chart with the same data in a table."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from messaging.subjects import Subject
from portal.models import NotificationKind
from portal.roles import Role
from referrals.models import CaseTask, Referral, Reminder
from reporting.rollups import rollups_refresh
from tests.browser.helpers import assert_no_csp_violations, contrast_ratio, fresh_totp_code, path_of
from tests.factories import TEST_PASSWORD, PartnerFactory
from tests.referrals.factories import make_referral, make_routed_case

pytestmark = pytest.mark.browser

PSEUDONYM = "J.B."
SUMMARY = "Wordt afgeperst met beelden; wil hulp bij aangifte."


def sign_in_with_totp(page: Page, user, path: str) -> None:
    """The real sign-in: password, then the authenticator code; ends on ``path``."""
    page.goto(path)
    assert path_of(page) == "/accounts/login/"
    page.get_by_label("E-mail").fill(user.email)
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


def test_case_handler_dashboard(page, console, org, member_factory, assert_accessible):
    handler = member_factory(org, Role.CASE_HANDLER)
    partner = PartnerFactory(name="Slachtofferhulp Zuid")
    now = timezone.now()
    case = make_routed_case(org, handler=handler.user, reference="2026-0801", created_at=now - timedelta(days=9))
    referral = make_referral(org, case=case, partner=partner)
    with scopes_disabled():
        Referral.objects.filter(pk=referral.pk).update(sent_at=now - timedelta(days=14))
        CaseTask.objects.create(
            organisation=org,
            case=case,
            title="Meld het bij het platform",
            destination="platform_report",
            due_date=date.today() - timedelta(days=3),
        )
        Reminder.objects.create(
            organisation=org,
            kind=NotificationKind.CASE_FOLLOW_UP,
            subject=str(Subject.case(case.pk)),
            due_at=case.created_at + timedelta(days=14),
        )

    sign_in_with_totp(page, handler.user, f"/o/{org.slug}/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn dashboard")
    main = page.get_by_role("main")
    expect(main.locator("#casussen-tabel")).to_contain_text("2026-0801")
    expect(main.locator("#taken-tabel")).to_contain_text("Meld het bij het platform")
    expect(main.locator("#nazorg-tabel")).to_contain_text("dag 14 na het openen")
    expect(main.locator("#doorverwijzingen-tabel")).to_contain_text("Slachtofferhulp Nederland")
    expect(main).not_to_contain_text(PSEUDONYM)
    expect(main).not_to_contain_text(SUMMARY)
    assert_chart_has_its_table(page, "wachttijden", rows=3)
    assert_accessible(page)

    # Keyboard only: the reference opens the case page.
    link = main.locator("#casussen-tabel").get_by_role("link", name="2026-0801")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/o/{org.slug}/casussen/{case.pk}/")
    assert_no_csp_violations(console)


def test_partner_dashboard(page, console, org, member_factory, assert_accessible):
    partner = PartnerFactory(name="Slachtofferhulp Zuid", slug="shn-zuid")
    intake = member_factory(partner, Role.PARTNER_INTAKE)
    now = timezone.now()
    for _ in range(6):
        make_referral(org, partner=partner, status=Referral.Status.ACKNOWLEDGED)
    for _ in range(2):
        make_referral(org, partner=partner)
    for outcome in (Referral.Outcome.HELPED,) * 5 + (Referral.Outcome.NO_CONTACT,):
        make_referral(org, partner=partner, status=Referral.Status.CLOSED, outcome=outcome)
    rollups_refresh()  # the page reads the rollup per partner and day

    sign_in_with_totp(page, intake.user, f"/o/{partner.slug}/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard doorverwijzingen")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Bijgewerkt om")
    expect(main).not_to_contain_text(SUMMARY)
    expect(main).not_to_contain_text(re.compile(r"\b\d{4}-\d{4}\b"))  # no case references either
    # Two waiting and one "no contact": shown as <5, and the totals they are in are hidden.
    expect(main.locator("#bevestiging-tabel")).to_contain_text("<5")
    expect(main.locator("#bevestiging-tabel tfoot")).to_contain_text("verborgen")
    expect(main.locator("#uitkomsten-table")).to_contain_text("Hulp gegeven en afgerond")
    assert_chart_has_its_table(page, "uitkomsten", rows=7)
    assert_chart_has_its_table(page, "wachttijden", rows=3)
    assert_accessible(page)

    # The filters work without JavaScript: a plain GET form.
    today = timezone.localdate(now)
    page.get_by_label("Verstuurd vanaf").fill(today.isoformat())
    page.get_by_label("Verstuurd tot en met").fill((today - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Filter", exact=True).click()
    expect(main.get_by_role("alert").first).to_contain_text("Het filter klopt niet")
    expect(main).to_contain_text("Deze datum ligt vóór de datum bij ‘Verstuurd vanaf’.")
    assert_accessible(page)

    page.get_by_label("Verstuurd tot en met").fill(today.isoformat())
    page.get_by_label("Status").select_option("acknowledged")
    page.get_by_role("button", name="Filter", exact=True).click()
    expect(page).to_have_url(re.compile(r"status=acknowledged"))
    expect(main.locator("#bevestiging-tabel tfoot")).to_contain_text("6")
    assert_accessible(page)

    # The table downloads as CSV, with the filter.
    with page.expect_download() as download:
        main.get_by_role("link", name=re.compile("Ontvangen doorverwijzingen, naar bevestiging.*CSV")).click()
    assert download.value.suggested_filename == f"dashboard-bevestiging-{partner.slug}-{today.isoformat()}.csv"
    assert_no_csp_violations(console)
