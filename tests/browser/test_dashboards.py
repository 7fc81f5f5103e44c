"""The dashboards in a browser: a case handler and a partner's intake worker sign in
with their second factor, open /o/<slug>/dashboard/, and find a page that passes
axe, breaks no CSP rule, and shows each chart with the same data in a table."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from messaging.models import NotificationKind, Reminder
from messaging.subjects import Subject
from portal.roles import Role
from referrals.models import CaseTask, Referral
from reporting.rollups import rollups_refresh
from tests.browser.helpers import assert_chart_has_its_table, assert_no_csp_violations, sign_in_with_totp
from tests.factories import PartnerFactory
from tests.referrals.factories import ReferralFactory, RoutedCaseFactory

pytestmark = pytest.mark.browser

PSEUDONYM = "J.B."
SUMMARY = "Wordt afgeperst met beelden; wil hulp bij aangifte."


def test_case_handler_dashboard(page, console, org, member_factory, assert_accessible):
    handler = member_factory(org, Role.CASE_HANDLER)
    partner = PartnerFactory(name="Slachtofferhulp Zuid")
    now = timezone.now()
    case = RoutedCaseFactory(
        organisation=org, handler=handler.user, reference="2026-0801", created_at=now - timedelta(days=9)
    )
    referral = ReferralFactory(organisation=org, case=case, partner=partner)
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
        ReferralFactory(organisation=org, partner=partner, status=Referral.Status.ACKNOWLEDGED)
    for _ in range(2):
        ReferralFactory(organisation=org, partner=partner)
    for outcome in (Referral.Outcome.HELPED,) * 5 + (Referral.Outcome.NO_CONTACT,):
        ReferralFactory(organisation=org, partner=partner, status=Referral.Status.CLOSED, outcome=outcome)
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
