"""Exports in a browser: a coordinator starts a case export, follows its progress
(htmx asks every 2 seconds; without JavaScript the "Vernieuwen" link does) and
downloads the file. Every state passes axe and breaks no CSP rule."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from portal import exports
from portal.exports import jobs
from portal.models import ExportJob
from portal.roles import Role
from tests.browser.helpers import assert_no_csp_violations, sign_in_with_totp
from tests.referrals.factories import CaseFactory, ReferralFactory

pytestmark = pytest.mark.browser

PSEUDONYM = "J.B."


@pytest.fixture
def export_settings(settings, tmp_path, monkeypatch):
    """Every export goes to a worker here; the test plays the worker (no broker)."""
    settings.EXPORT_ROOT = tmp_path / "exports"
    settings.EXPORT_INLINE_MAX_ROWS = 0
    monkeypatch.setattr(jobs, "_enqueue", lambda job_id: None)
    return settings


def test_a_coordinator_exports_every_case(page, console, org, member_factory, assert_accessible, export_settings):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    for number in range(3):
        case = CaseFactory(organisation=org, reference=f"2026-09{number}", facts={"country": "NL", "forms": ["threat"]})
    ReferralFactory(organisation=org, case=case)

    sign_in_with_totp(page, coordinator.user, f"/o/{org.slug}/exports/")
    main = page.get_by_role("main")
    expect(page.get_by_role("heading", level=1)).to_have_text("Exports")
    assert_accessible(page)

    # A wrong filter is named at its field; nothing starts.
    page.get_by_label("Geopend vanaf").fill("2026-06-10")
    page.get_by_label("Geopend tot en met").fill("2026-06-01")
    page.get_by_role("button", name="Maak het bestand").click()
    expect(main.get_by_role("alert")).to_contain_text("Niet alles is goed ingevuld")
    expect(main).to_contain_text("Deze datum ligt vóór de datum bij ‘Geopend vanaf’.")
    assert_accessible(page)
    with scopes_disabled():
        assert not ExportJob.objects.exists()

    # By keyboard: clear the dates, choose a form of threat and Excel, start.
    page.get_by_label("Geopend vanaf").fill("")
    page.get_by_label("Geopend tot en met").fill("")
    page.get_by_label("Vorm van online dreiging").select_option("threat")
    page.get_by_label("Bestandsvorm").select_option("xlsx")
    page.get_by_role("button", name="Maak het bestand").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/exports/\d+/$"))
    with scopes_disabled():
        job = ExportJob.objects.get()
    expect(main.locator("#export-status")).to_contain_text("In de wachtrij")
    expect(main.get_by_role("link", name="Vernieuwen")).to_be_visible()
    assert_accessible(page)

    # Half-way: the page shows it by itself (htmx asks again every 2 seconds).
    with scopes_disabled():
        ExportJob.objects.filter(pk=job.pk).update(status="running", rows_done=12000, rows_total=48000)
    expect(main.locator("#export-status")).to_contain_text("12.000 van 48.000 rijen", timeout=5000)
    expect(main.locator("progress#export-voortgang")).to_have_attribute("value", "12000")
    assert_accessible(page)

    # The worker writes the file; the download link appears without reloading.
    with scopes_disabled():
        ExportJob.objects.filter(pk=job.pk).update(status="queued")
    assert exports.export_run(job.pk) == "done"
    link = main.get_by_role("link", name=re.compile("Download het bestand"))
    expect(link).to_be_visible(timeout=5000)
    expect(main.locator("#export-status")).to_contain_text("Het bestand is klaar: 3 rijen.")
    expect(main.locator("#exports-tabel")).to_contain_text("Excel-bestand (XLSX)")
    expect(main).not_to_contain_text(PSEUDONYM)
    assert_accessible(page)
    with page.expect_download() as download:
        link.click()
    today = timezone.localdate().isoformat()
    assert download.value.suggested_filename == f"export-casussen-{org.slug}-{today}.xlsx"
    assert_no_csp_violations(console)


def test_without_javascript_the_refresh_link_shows_progress(
    browser, live_server, org, member_factory, export_settings, assert_accessible
):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    CaseFactory(organisation=org)
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    try:
        sign_in_with_totp(page, coordinator.user, f"/o/{org.slug}/exports/")
        page.get_by_role("button", name="Maak het bestand").click()
        page.wait_for_url(re.compile(r"/exports/\d+/$"))
        with scopes_disabled():
            job = ExportJob.objects.get()
        main = page.get_by_role("main")
        expect(main.locator("#export-status")).to_contain_text("In de wachtrij")
        assert exports.export_run(job.pk) == "done"
        page.wait_for_timeout(2500)  # no script: nothing changes by itself
        expect(main.locator("#export-status")).to_contain_text("In de wachtrij")
        main.get_by_role("link", name="Vernieuwen").click()
        expect(main.get_by_role("link", name=re.compile("Download het bestand"))).to_be_visible()
    finally:
        context.close()
