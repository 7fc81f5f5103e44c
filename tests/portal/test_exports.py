"""The export machinery (portal/exports/, portal/views_exports.py): a dashboard table
as CSV and XLSX, the streaming writers, and large exports as a job (start, run,
progress, failure, expiry, download) with who may see what.

The jobs here run the kind every school has, the cases export; what its rows hold,
its filters and who may start it are tested in tests/referrals/test_case_export.py."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled

from portal import exports, tasks
from portal.exports import jobs, writers
from portal.models import AuditEvent, ExportJob
from portal.roles import Role
from referrals.exports import CASES
from referrals.models import CaseTask, Referral
from tests.factories import ExportJobFactory, PartnerFactory
from tests.portal.helpers import at, csv_text_rows, export_start_url, reload_job, xlsx_sheet
from tests.referrals.factories import CaseFactory, ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def export_root(settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path / "exports"
    return settings.EXPORT_ROOT


@pytest.fixture
def queued(monkeypatch):
    """What would go to the broker: job ids, instead of a worker."""
    ids: list[int] = []
    monkeypatch.setattr(jobs, "_enqueue", ids.append)
    return ids


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR)


@pytest.fixture
def colleague(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR)


@pytest.fixture
def handler(org, member_factory):
    return member_factory(org, Role.CASE_HANDLER)


def detail_url(job) -> str:
    return f"/o/{job.organisation.slug}/exports/{job.pk}/"


def download_url(job) -> str:
    return f"/o/{job.organisation.slug}/exports/{job.pk}/bestand/"


def file_content(response) -> bytes:
    """A FileResponse's body. Reading it to the end closes the file (the test client
    wraps it so); ``response.close()`` would also close the test's database connection."""
    return b"".join(response.streaming_content)


# --- A dashboard table as CSV and XLSX -----------------------------------------------------


def test_a_dashboard_table_downloads_as_xlsx_with_types_and_formulas_as_text(login_as, org, handler):
    case = CaseFactory(organisation=org, handler=handler.user)
    with scopes_disabled():
        CaseTask.objects.create(
            organisation=org,
            case=case,
            title='=HYPERLINK("http://x","klik")',
            destination="x",
            due_date=date(2020, 1, 1),
        )
    response = login_as(handler).get(f"/o/{org.slug}/dashboard/", {"format": "xlsx", "table": "taken"})
    assert response.status_code == 200
    assert response["Content-Type"] == exports.XLSX_CONTENT_TYPE
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="dashboard-taken-{org.slug}-{today}.xlsx"'
    assert "no-store" in response["Cache-Control"]
    sheet = xlsx_sheet(response.content)
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Taak", "Kenmerk", "Uiterlijk op", "Dagen te laat")
    assert sheet["A1"].font.b
    assert rows[1][0] == '=HYPERLINK("http://x","klik")'
    assert sheet["A2"].data_type == "s"  # a string, not a formula
    assert rows[1][1] == case.reference
    assert isinstance(rows[1][3], int) and rows[1][3] > 2000  # days late: a number
    assert sheet.max_row == 2
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml


def test_the_dashboard_shows_both_download_links(login_as, org, handler):
    CaseFactory(organisation=org, handler=handler.user)
    text = login_as(handler).get(f"/o/{org.slug}/dashboard/").content.decode()
    assert 'href="?format=csv&amp;table=casussen"' in text
    assert 'href="?format=xlsx&amp;table=casussen"' in text
    assert "Download “Mijn open casussen” als Excel-bestand (XLSX)" in text


def test_a_suppressed_partner_table_keeps_its_suppression_in_xlsx_and_csv(login_as, org, member_factory):
    partner = PartnerFactory(name="Slachtofferhulp Zuid", slug="shn-zuid")
    intake = member_factory(partner, Role.PARTNER_INTAKE)
    for _ in range(6):
        ReferralFactory(organisation=org, partner=partner, status=Referral.Status.ACKNOWLEDGED)
    ReferralFactory(organisation=org, partner=partner)  # one waiting: "<5", so the total is hidden
    client = login_as(intake)
    sheet = xlsx_sheet(client.get(f"/o/{partner.slug}/dashboard/", {"format": "xlsx", "table": "bevestiging"}).content)
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Bevestiging", "Aantal doorverwijzingen")
    assert ("Wacht nog op bevestiging", "<5") in rows
    assert ("Binnen 2 werkdagen bevestigd", 6) in rows  # an exact count stays a number
    assert rows[-1] == ("Totaal ontvangen", "verborgen")
    text = client.get(f"/o/{partner.slug}/dashboard/", {"format": "csv", "table": "bevestiging"}).content.decode()
    assert ["Wacht nog op bevestiging", "<5"] in csv_text_rows(text)


def test_dutch_headers_whatever_the_page_language(login_as, org, handler):
    CaseFactory(organisation=org, handler=handler.user)
    client = login_as(handler)
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        response = client.get(f"/o/{org.slug}/dashboard/", {"format": "xlsx", "table": "casussen"})
    assert next(xlsx_sheet(response.content).iter_rows(values_only=True)) == ("Kenmerk", "Geopend op", "Dagen open")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"format": "pdf", "table": "casussen"}, "Downloaden kan alleen als CSV- of Excel-bestand."),
        ({"table": "casussen"}, "Downloaden kan alleen als CSV- of Excel-bestand."),
        ({"format": "xlsx", "table": "pseudoniemen"}, "Deze tabel bestaat niet."),
    ],
)
def test_a_bad_download_request_shows_the_page_with_a_message(login_as, org, handler, params, message):
    response = login_as(handler).get(f"/o/{org.slug}/dashboard/", params)
    assert response["Content-Type"].startswith("text/html")
    assert message in response.content.decode()


# --- The writers ------------------------------------------------------------------------------


def test_stream_csv_quotes_formulas_and_keeps_small_numbers():
    text = "".join(exports.stream_csv(["Naam", "Aantal"], [["=1+1", "<5"], ["+31 6", 7], ["@SUM(A1)", None]]))
    assert csv_text_rows(text) == [["Naam", "Aantal"], ["'=1+1", "<5"], ["'+31 6", "7"], ["'@SUM(A1)", ""]]


@pytest.mark.parametrize(
    "value",
    ["＝1+1", "＋31 6", "－2", "＠SUM(A1)", "=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx", "\t=1+1", "\r=1+1"],
)
def test_stream_csv_quotes_full_width_and_whitespace_formula_starters(value):
    """Spreadsheet programs read a full-width ＝ ＋ － ＠ as its ASCII twin, and
    skip a leading tab or carriage return before the formula."""
    text = "".join(exports.stream_csv(["Naam"], [[value], [f"Anna {value}"]]))
    assert csv_text_rows(text) == [["Naam"], ["'" + value], [f"Anna {value}"]]
    assert exports.csv_safe(value) == "'" + value


def test_stream_csv_is_lazy():
    def rows():
        yield ["a"]
        raise AssertionError("read too far")

    lines = exports.stream_csv(["x"], rows())
    assert [next(lines), next(lines), next(lines)] == ["\ufeff", "x\r\n", "a\r\n"]


def test_write_xlsx_types_cells_and_reports_progress(tmp_path, monkeypatch):
    monkeypatch.setattr(writers, "PROGRESS_EVERY", 2)
    seen: list[int] = []
    path = tmp_path / "t.xlsx"
    rows = [
        ["=cmd|' /C calc'!A0", 3, date(2026, 6, 1), at(2, hour=23), "<5", None],
        ["https://example.org", 2.5, None, None, "", True],
        ["-2", 0, None, None, "x", False],
    ]
    assert exports.write_xlsx(path, ["A", "B", "C", "D", "E", "F"], rows, progress=seen.append) == 3
    assert seen == [2]
    sheet = openpyxl.load_workbook(path).active
    assert [cell.value for cell in sheet[2]][:5] == [
        "=cmd|' /C calc'!A0",
        3,
        datetime(2026, 6, 1),
        datetime(2026, 6, 2, 23, 0),  # local time, without a zone
        "<5",
    ]
    assert sheet["A2"].data_type == "s"
    assert sheet["A3"].hyperlink is None and sheet["A3"].value == "https://example.org"
    assert sheet["A4"].value == "-2" and sheet["A4"].data_type == "s"
    assert sheet["C2"].number_format == "yyyy-mm-dd"
    assert sheet["F3"].value is True
    assert sheet["F4"].value is False


def test_write_csv_reports_progress(tmp_path, monkeypatch):
    monkeypatch.setattr(writers, "PROGRESS_EVERY", 2)
    seen: list[int] = []
    path = tmp_path / "t.csv"
    assert exports.write_csv(path, ["a"], ([i] for i in range(5)), progress=seen.append) == 5
    assert seen == [2, 4]
    assert csv_text_rows(path.read_text(encoding="utf-8"))[-1] == ["4"]


# --- Starting an export ---------------------------------------------------------------------


def test_start_is_post_only(login_as, org, coordinator):
    assert login_as(coordinator).get(export_start_url(org)).status_code == 405


def test_an_unknown_kind_is_404(login_as, org, coordinator):
    assert (
        login_as(coordinator).post(export_start_url(org), {"soort": "pseudoniemen", "format": "csv"}).status_code == 404
    )


def test_start_needs_the_csrf_token(org, coordinator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator.user)
    assert client.post(export_start_url(org), {"format": "csv"}).status_code == 403


# --- Large exports: the job ------------------------------------------------------------------


@pytest.fixture
def cases(org):
    """Three cases of the organisation, one about online bullying, for the cases
    export that the jobs here run."""
    CaseFactory(organisation=org, reference="2026-0001", facts={"country": "NL", "forms": ["sextortion", "threat"]})
    CaseFactory(organisation=org, reference="2026-0002", facts={"country": "NL", "forms": ["cyberbullying"]})
    referred = CaseFactory(organisation=org, reference="2026-0003", facts={"country": "NL"})
    ReferralFactory(organisation=org, case=referred, destination="helpwanted", status=Referral.Status.ACKNOWLEDGED)


@pytest.fixture
def big(settings):
    """Every export is "large" (more rows than this go to a worker)."""
    settings.EXPORT_INLINE_MAX_ROWS = 0


def test_job_lifecycle(login_as, org, coordinator, queued, cases, big, django_capture_on_commit_callbacks, export_root):
    client = login_as(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(export_start_url(org), {"format": "xlsx", "vorm": "cyberbullying"})
    with scopes_disabled():
        job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(job)
    assert queued == [job.pk]
    assert (job.status, job.kind, job.format, job.params) == ("queued", "casussen", "xlsx", {"vorm": "cyberbullying"})
    assert job.requested_by == coordinator.user

    page = client.get(detail_url(job)).content.decode()
    assert "In de wachtrij" in page
    assert 'hx-trigger="every 2s"' in page
    assert "Vernieuwen" in page
    assert client.get(download_url(job))["Location"] == detail_url(job)  # not ready yet

    assert tasks.exports_run(job.pk) == "done"
    assert tasks.exports_run(job.pk) == "skipped"  # running it twice does nothing
    job = reload_job(job)
    assert (job.status, job.rows_done, job.rows_total, job.attempts) == ("done", 1, 1, 1)
    assert job.started_at and job.finished_at and job.expires_at == job.finished_at + timedelta(hours=24)
    path = export_root / job.file_name
    assert path.is_file() and path.parent == export_root / str(org.pk)
    assert not list(path.parent.glob("*.part"))

    page = client.get(detail_url(job)).content.decode()
    assert "Klaar" in page
    assert 'hx-trigger="every 2s"' not in page
    assert download_url(job) in page

    response = client.get(download_url(job))
    assert response.status_code == 200
    assert response["Content-Type"] == exports.XLSX_CONTENT_TYPE
    day = timezone.localdate(job.finished_at).isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="export-casussen-{org.slug}-{day}.xlsx"'
    assert "no-store" in response["Cache-Control"]
    rows = list(xlsx_sheet(file_content(response)).iter_rows(values_only=True))
    assert [row[0] for row in rows] == ["Kenmerk", "2026-0002"]
    with scope(organisation=org):
        event = AuditEvent.objects.get(kind=AuditEvent.Kind.EXPORT_DOWNLOADED)
    assert (event.actor, event.detail) == (coordinator.user, f"casussen, xlsx, 1 rijen, export {job.pk}")


def test_the_status_fragment_for_htmx(login_as, org, coordinator):
    job = ExportJobFactory(
        organisation=org, requested_by=coordinator.user, status="running", rows_done=12000, rows_total=48000
    )
    response = login_as(coordinator).get(detail_url(job), headers={"HX-Request": "true"})
    text = response.content.decode()
    assert text.lstrip().startswith('<div id="export-status"')
    assert "<h1>" not in text
    assert "12.000 van 48.000 rijen" in text
    assert '<progress id="export-voortgang" max="48000" value="12000">' in text


def test_the_task_goes_through_celery(
    login_as, org, coordinator, cases, big, monkeypatch, django_capture_on_commit_callbacks
):
    """Started by the view, queued on commit, run by Celery (eagerly, without a broker),
    inside the test's transaction: the task signals leave an eager task's connection open."""
    from celery.backends.base import DisabledBackend

    from portal.celery import app

    monkeypatch.setattr(app._local, "backend", DisabledBackend(app), raising=False)  # no result store
    app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = login_as(coordinator).post(export_start_url(org), {"format": "csv"})
    finally:
        app.conf.task_always_eager = False
    with scopes_disabled():
        job = ExportJob.objects.get()
    assert response["Location"] == detail_url(job)
    assert (job.status, job.rows_done) == ("done", 3)


def test_the_task_is_acked_late_and_the_sweep_is_on_the_beat_schedule():
    from portal.celery import app

    assert tasks.exports_run.acks_late and tasks.exports_run.reject_on_worker_lost
    assert "portal.tasks.exports_expire" in {entry["task"] for entry in app.conf.beat_schedule.values()}


def test_progress_is_written_while_the_file_is_written(org, coordinator, monkeypatch):
    monkeypatch.setattr(writers, "PROGRESS_EVERY", 2)
    seen: list[tuple[str, int, int | None]] = []
    job = ExportJobFactory(organisation=org, requested_by=coordinator.user)

    def rows(organisation, params):
        for number in range(5):
            with scopes_disabled():
                current = ExportJob.objects.get(pk=job.pk)
            seen.append((current.status, current.rows_done, current.rows_total))
            yield [f"R-{number}"]

    monkeypatch.setitem(
        exports.REGISTRY,
        "casussen",
        exports.ExportKind(**{**vars(CASES), "rows": rows, "count": lambda o, p: 5}),
    )
    assert exports.export_run(job.pk) == "done"
    assert seen == [("running", 0, 5), ("running", 0, 5), ("running", 2, 5), ("running", 2, 5), ("running", 4, 5)]
    assert reload_job(job).rows_done == 5


def test_a_failing_export_says_so_and_leaves_no_file(login_as, org, coordinator, monkeypatch, export_root, caplog):
    job = ExportJobFactory(organisation=org, requested_by=coordinator.user)

    def rows(organisation, params):
        yield ["R-1"]
        raise RuntimeError("database went away")

    monkeypatch.setitem(exports.REGISTRY, "casussen", exports.ExportKind(**{**vars(CASES), "rows": rows}))
    assert exports.export_run(job.pk) == "failed"
    job = reload_job(job)
    assert job.status == "failed"
    assert job.error.startswith("Het maken van het bestand is niet gelukt.")
    assert job.file_name == ""
    assert not any(export_root.rglob("*.*"))
    assert "Export job" in caplog.text
    page = login_as(coordinator).get(detail_url(job)).content.decode()
    assert "Mislukt" in page and "Het maken van het bestand is niet gelukt." in page
    assert 'hx-trigger="every 2s"' not in page


def test_a_job_of_an_unknown_kind_fails(org, coordinator):
    job = ExportJobFactory(organisation=org, requested_by=coordinator.user, kind="verdwenen")
    assert exports.export_run(job.pk) == "failed"
    assert reload_job(job).error == str(exports.UNKNOWN_KIND_MESSAGE)


def test_a_job_whose_kind_is_no_longer_registered_fails_with_the_friendly_message(
    login_as, org, coordinator, monkeypatch
):
    """A kind lives in its domain app's registry entry: a job queued before its kind
    was removed (or renamed) fails with a message the member can act on, and its page
    still opens, titled with the stored name."""
    job = ExportJobFactory(organisation=org, requested_by=coordinator.user)
    monkeypatch.delitem(exports.REGISTRY, "casussen")
    assert exports.export_run(job.pk) == "failed"
    job = reload_job(job)
    assert (job.status, job.error, job.file_name) == ("failed", str(exports.UNKNOWN_KIND_MESSAGE), "")
    page = login_as(coordinator).get(detail_url(job)).content.decode()
    assert "Export: casussen" in page
    assert "Deze soort export bestaat niet meer. Vraag het bestand opnieuw aan." in page


def test_a_run_that_the_sweep_took_over_stops_and_removes_its_file(org, coordinator, monkeypatch, export_root):
    monkeypatch.setattr(writers, "PROGRESS_EVERY", 1)
    job = ExportJobFactory(organisation=org, requested_by=coordinator.user)

    def rows(organisation, params):
        yield ["R-1"]
        with scopes_disabled():  # meanwhile the sweep gave the job to a new run
            ExportJob.objects.filter(pk=job.pk).update(status="queued")
        yield ["R-2"]

    monkeypatch.setitem(exports.REGISTRY, "casussen", exports.ExportKind(**{**vars(CASES), "rows": rows}))
    assert exports.export_run(job.pk) == "taken-over"
    assert reload_job(job).status == "queued"
    assert not any(export_root.rglob("*.*"))


# --- The sweep ----------------------------------------------------------------------------


def test_the_sweep_requeues_a_job_whose_worker_died_then_gives_up(
    org, coordinator, queued, django_capture_on_commit_callbacks
):
    now = timezone.now()
    lost = ExportJobFactory(
        organisation=org,
        requested_by=coordinator.user,
        status="running",
        attempts=1,
        updated_at=now - timedelta(minutes=11),
    )
    busy = ExportJobFactory(
        organisation=org,
        requested_by=coordinator.user,
        status="running",
        attempts=1,
        updated_at=now - timedelta(minutes=9),
    )
    tired = ExportJobFactory(
        organisation=org,
        requested_by=coordinator.user,
        status="running",
        attempts=3,
        updated_at=now - timedelta(minutes=11),
    )
    never = ExportJobFactory(
        organisation=org,
        requested_by=coordinator.user,
        created_at=now - timedelta(hours=3),
        updated_at=now - timedelta(hours=1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert exports.exports_expire(now=now) == {"requeued": 1, "failed": 2, "expired": 0}
    assert queued == [lost.pk]
    assert reload_job(lost).status == "queued"
    assert reload_job(busy).status == "running"
    for job in (tired, never):
        job = reload_job(job)
        assert job.status == "failed"
        assert job.error.startswith("Het maken van het bestand is steeds gestopt")
    # The requeued job runs again from the start.
    assert exports.export_run(lost.pk) == "done"
    assert reload_job(lost).attempts == 2


def test_the_sweep_deletes_expired_files(login_as, org, coordinator, export_root):
    job = ExportJobFactory(organisation=org, requested_by=coordinator.user)
    assert exports.export_run(job.pk) == "done"
    job = reload_job(job)
    path = export_root / job.file_name
    assert path.is_file()
    assert exports.exports_expire(now=job.expires_at - timedelta(minutes=1))["expired"] == 0
    assert path.is_file()
    assert exports.exports_expire(now=job.expires_at) == {"requeued": 0, "failed": 0, "expired": 1}
    assert not path.exists()
    job = reload_job(job)
    assert (job.status, job.file_name) == ("expired", "")
    client = login_as(coordinator)
    assert "Het bestand is verlopen en verwijderd." in client.get(detail_url(job)).content.decode()
    assert client.get(download_url(job))["Location"] == detail_url(job)
    assert exports.exports_expire(now=job.expires_at)["expired"] == 0


def test_a_file_outside_the_export_root_is_never_served(login_as, org, coordinator, tmp_path):
    secret = tmp_path / "geheim.csv"
    secret.write_text("x")
    job = ExportJobFactory(
        organisation=org,
        requested_by=coordinator.user,
        status="done",
        file_name="../geheim.csv",
        finished_at=timezone.now(),
    )
    assert exports.job_path(job) is None
    assert login_as(coordinator).get(download_url(job)).status_code == 404


def test_the_export_root_is_private(settings):
    from django.conf import settings as live

    root = Path(live.EXPORT_ROOT).resolve()
    for public in (live.MEDIA_ROOT, live.STATIC_ROOT):
        assert not root.is_relative_to(Path(public).resolve())


# --- Who sees a job -------------------------------------------------------------------------


@pytest.mark.parametrize("path", [detail_url, download_url])
def test_a_colleague_gets_404(login_as, org, coordinator, colleague, path):
    job = ExportJobFactory(organisation=org, requested_by=coordinator.user)
    assert exports.export_run(job.pk) == "done"
    own = login_as(coordinator).get(path(reload_job(job)))
    assert own.status_code == 200
    if own.streaming:
        file_content(own)
    response = login_as(colleague).get(path(reload_job(job)))
    assert response.status_code == 404
    with scope(organisation=org):
        assert AuditEvent.objects.filter(actor=colleague.user).count() == 0


@pytest.mark.parametrize("path", [detail_url, download_url])
def test_another_organisations_coordinator_gets_404(client, org, other_org, coordinator, member_factory, path):
    job = ExportJobFactory(organisation=org, requested_by=coordinator.user)
    assert exports.export_run(job.pk) == "done"
    outsider = member_factory(other_org, Role.ORG_COORDINATOR)
    client.force_login(outsider.user)
    forged = f"/o/{other_org.slug}/exports/{job.pk}/" + ("bestand/" if path is download_url else "")
    assert client.get(forged).status_code == 404
    assert client.get(path(job)).status_code == 404  # the organisation's own URL


def test_a_coordinator_who_became_a_handler_no_longer_downloads(login_as, org, coordinator):
    job = ExportJobFactory(organisation=org, requested_by=coordinator.user)
    assert exports.export_run(job.pk) == "done"
    with scopes_disabled():
        coordinator.role = Role.CASE_HANDLER
        coordinator.save()
    assert login_as(coordinator).get(download_url(job)).status_code == 403


def test_a_member_who_may_no_longer_export_gets_403_on_the_list(login_as, org, coordinator):
    ExportJobFactory(organisation=org, requested_by=coordinator.user)
    client = login_as(coordinator)
    assert client.get(f"/o/{org.slug}/exports/").status_code == 200
    with scopes_disabled():
        coordinator.role = Role.CASE_HANDLER
        coordinator.save()
    assert client.get(f"/o/{org.slug}/exports/").status_code == 403


def test_another_organisations_member_gets_404_on_the_list(client, org, other_org, coordinator, member_factory):
    ExportJobFactory(organisation=org, requested_by=coordinator.user)
    client.force_login(member_factory(other_org, Role.ORG_COORDINATOR).user)
    assert client.get(f"/o/{org.slug}/exports/").status_code == 404


def test_the_list_shows_only_my_own_exports(login_as, org, coordinator, colleague):
    mine = ExportJobFactory(organisation=org, requested_by=coordinator.user)
    theirs = ExportJobFactory(organisation=org, requested_by=colleague.user)
    response = login_as(coordinator).get(f"/o/{org.slug}/exports/")
    assert response.context["jobs"] == [mine]
    text = response.content.decode()
    assert detail_url(mine) in text and detail_url(theirs) not in text


# --- Queries ----------------------------------------------------------------------------------


def count_queries(user, path: str, **headers) -> int:
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("headers", [{}, {"HX-Request": "true"}])
def test_the_detail_page_reads_the_same_for_10_and_10000_rows(org, coordinator, headers):
    small = ExportJobFactory(
        organisation=org, requested_by=coordinator.user, status="running", rows_done=5, rows_total=10
    )
    large = ExportJobFactory(
        organisation=org, requested_by=coordinator.user, status="running", rows_done=5000, rows_total=10000
    )
    first = count_queries(coordinator.user, detail_url(small), **headers)
    assert first == count_queries(coordinator.user, detail_url(large), **headers)
    assert first <= 12


def test_the_list_page_reads_the_same_for_1_and_10_jobs(org, coordinator, cases):
    ExportJobFactory(organisation=org, requested_by=coordinator.user)
    first = count_queries(coordinator.user, f"/o/{org.slug}/exports/")
    for _ in range(9):
        ExportJobFactory(organisation=org, requested_by=coordinator.user, status="done", rows_done=10, rows_total=10)
    assert first == count_queries(coordinator.user, f"/o/{org.slug}/exports/")
