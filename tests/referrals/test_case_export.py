"""The cases export (referrals/exports.py): its rows (what they hold and never hold),
its filters, who may start it, its form, and a small one downloaded at once; the
kind is registered when the app loads, in any process that sets Django up.

The machinery it runs on (writers, the job, the sweep, who sees a job) is tested in
tests/portal/test_exports.py."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled

from portal import exports
from portal.exports import jobs
from portal.models import AuditEvent, ExportJob, ProcessingLogEntry
from portal.processing_log import victim_subject
from portal.roles import Role
from referrals.exports import CASES
from referrals.models import Case, Referral
from tests.factories import ExportJobFactory, PartnerFactory
from tests.portal.helpers import at, csv_text_rows, export_start_url, reload_job, xlsx_sheet
from tests.referrals.factories import CaseFactory, ReferralFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PSEUDONYM = "J.B."
SIGNAL = "Berichten met dreigementen via Snapchat."
SUMMARY = "Wordt afgeperst met beelden; wil hulp bij aangifte."
HEADER = [
    "Kenmerk",
    "Geopend op",
    "Vorm(en) van online dreiging",
    "Status",
    "Afgesloten op",
    "Uitkomst",
    "Doorverwezen naar",
    "Werkdagen tot bevestiging",
]


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


# --- The kind is registered ------------------------------------------------------------------


def test_the_case_export_is_registered_when_the_app_loads():
    assert exports.kind_for("casussen") is CASES
    assert exports.REGISTRY["casussen"].may_start.__module__ == "referrals.exports"


def test_a_worker_process_knows_the_case_export():
    """The Celery worker imports its task modules after its Django fixup ran
    ``django.setup()`` (so ``ReferralsConfig.ready``): a job of this kind never
    meets "Deze soort export bestaat niet meer" there."""
    probe = (
        "from portal.celery import app\n"
        "app.loader.import_default_modules()\n"
        "from portal.exports import kind_for\n"
        "print(kind_for('casussen').label)\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "Alle casussen"


# --- The "casussen" export -------------------------------------------------------------------


@pytest.fixture
def world(org, other_org):
    """Cases with forms, a closed one with an outcome, referrals (one acknowledged
    after 2 working days), and a case of another organisation."""
    open_case = CaseFactory(
        organisation=org,
        reference="2026-0001",
        created_at=at(1),
        facts={"country": "NL", "forms": ["sextortion", "threat"]},
    )
    closed = CaseFactory(
        organisation=org,
        reference="2026-0002",
        created_at=at(3),
        facts={"country": "NL", "forms": ["cyberbullying"]},
        status=Case.Status.CLOSED,
        closed_at=at(20),
        outcome=Case.Outcome.REFERRED,
    )
    plain = CaseFactory(organisation=org, reference="2026-0003", created_at=at(10), facts={"country": "NL"})
    first = ReferralFactory(
        organisation=org, case=closed, destination="slachtofferhulp", status=Referral.Status.ACKNOWLEDGED
    )
    second = ReferralFactory(organisation=org, case=closed, destination="helpwanted")
    ReferralFactory(organisation=org, case=closed, destination="slachtofferhulp", status=Referral.Status.DRAFT)
    with scopes_disabled():
        # Sent Monday 8 June, acknowledged Wednesday 10 June: 2 working days.
        Referral.objects.filter(pk=first.pk).update(sent_at=at(8), acknowledged_at=at(10, hour=16))
        Referral.objects.filter(pk=second.pk).update(sent_at=at(9))
    CaseFactory(organisation=other_org, reference="ANDER-1", created_at=at(2))
    return {"open": open_case, "closed": closed, "plain": plain}


def case_rows(org, params=None) -> list[list]:
    with scope(organisation=org), translation.override("nl"):
        return list(CASES.rows(org, params or {}))


def test_case_rows_hold_what_the_issue_lists_and_nothing_about_the_victim(org, world):
    rows = case_rows(org)
    assert rows == [
        [
            "2026-0001",
            date(2026, 6, 1),
            "Afpersing met seksuele beelden (sextortion); Bedreiging",
            "Open",
            None,
            "",
            "",
            None,
        ],
        [
            "2026-0002",
            date(2026, 6, 3),
            "Online pesten",
            "Afgesloten",
            date(2026, 6, 20),
            "Doorverwezen",
            "Slachtofferhulp Nederland; HelpWanted",
            2,
        ],
        ["2026-0003", date(2026, 6, 10), "", "Open", None, "", "", None],
    ]
    flat = repr(rows)
    for secret in (PSEUDONYM, SIGNAL, SUMMARY, "ANDER-1"):
        assert secret not in flat


def test_the_first_referral_decides_the_working_days(org, world):
    later = ReferralFactory(
        organisation=org, case=world["open"], destination="helpwanted", status=Referral.Status.ACKNOWLEDGED
    )
    earlier = ReferralFactory(organisation=org, case=world["open"], destination="slachtofferhulp")
    with scopes_disabled():
        Referral.objects.filter(pk=later.pk).update(sent_at=at(5), acknowledged_at=at(5))
        Referral.objects.filter(pk=earlier.pk).update(sent_at=at(4))  # never acknowledged
    assert case_rows(org)[0][6:] == ["Slachtofferhulp Nederland; HelpWanted", None]


@pytest.mark.parametrize(
    ("params", "references"),
    [
        ({"van": "2026-06-02"}, ["2026-0002", "2026-0003"]),
        ({"tot": "2026-06-03"}, ["2026-0001", "2026-0002"]),
        ({"van": "2026-06-03", "tot": "2026-06-03"}, ["2026-0002"]),
        ({"vorm": "threat"}, ["2026-0001"]),
        ({"vorm": "doxing"}, []),
        ({"status": "closed"}, ["2026-0002"]),
        ({"status": "open"}, ["2026-0001", "2026-0003"]),
        ({"partner": "helpwanted"}, ["2026-0002"]),
        ({"partner": "slachtofferhulp", "status": "open"}, []),
    ],
)
def test_filters(org, world, params, references):
    assert [row[0] for row in case_rows(org, params)] == references
    with scope(organisation=org):
        assert CASES.count(org, params) == len(references)


def test_a_draft_alone_is_no_destination_to_filter_on(org, world):
    assert case_rows(org, {"partner": "nergens"}) == []


def test_case_rows_read_in_two_queries_and_log_in_one(org, world, django_assert_num_queries):
    for _ in range(5):
        ReferralFactory(organisation=org, case=CaseFactory(organisation=org))
    with scope(organisation=org), django_assert_num_queries(3):
        assert len(list(CASES.rows(org, {}))) == 8


def test_every_exported_case_is_an_export_entry_in_the_processing_log(login_as, org, coordinator, world):
    response = login_as(coordinator).post(export_start_url(org), {"format": "csv", "status": "closed"})
    b"".join(response.streaming_content)
    with scope(organisation=org):
        entries = list(ProcessingLogEntry.objects.filter(operation="export"))
    assert [(e.name, e.subject_ref, e.actor_id) for e in entries] == [
        ("case.export", victim_subject(org.pk, "2026-0002").ref, coordinator.user_id)
    ]


def test_a_job_names_the_member_it_exports_for(org, coordinator, world):
    job = ExportJobFactory(organisation=org, requested_by=coordinator.user)
    assert exports.export_run(job.pk) == "done"
    with scope(organisation=org):
        actors = set(ProcessingLogEntry.objects.filter(operation="export").values_list("actor_id", flat=True))
    assert actors == {coordinator.user_id}


# --- Who may start an export -----------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.LEARNER, Role.CASE_HANDLER, Role.CONTENT_EDITOR])
def test_only_a_coordinator_starts_a_case_export(login_as, org, member_factory, queued, role, world):
    client = login_as(member_factory(org, role))
    assert client.post(export_start_url(org), {"format": "csv"}).status_code == 403
    # The exports page is theirs neither: 403, as for starting one.
    assert client.get(f"/o/{org.slug}/exports/").status_code == 403
    with scopes_disabled():
        assert not ExportJob.objects.exists()
    assert queued == []


def test_a_partners_coordinator_does_not_export_cases(login_as, member_factory):
    partner = PartnerFactory(slug="shn")
    client = login_as(member_factory(partner, Role.ORG_COORDINATOR))
    assert client.post(export_start_url(partner), {"format": "csv"}).status_code == 403


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"format": "csv", "van": "31-01-2026"}, "van", "Voer een geldige datum in."),
        ({"format": "csv", "van": "2026-06-10", "tot": "2026-06-01"}, "tot", "ligt vóór de datum bij ‘Geopend vanaf’"),
        ({"format": "csv", "tot": "1990-01-01"}, "tot", "Kies een datum tussen 2000 en 2100."),
        ({"format": "csv", "vorm": "pesten"}, "vorm", "Selecteer een geldige keuze."),
        ({"format": "csv", "status": "weg"}, "status", "Selecteer een geldige keuze."),
        ({"format": "csv", "partner": "nergens"}, "partner", "Selecteer een geldige keuze."),
        ({"format": "pdf"}, "format", "Selecteer een geldige keuze."),
    ],
)
def test_invalid_filters_are_named_and_start_nothing(login_as, org, coordinator, queued, world, data, field, message):
    response = login_as(coordinator).post(export_start_url(org), data)
    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert message in " ".join(form.errors[field])
    text = response.content.decode()
    assert f'id="id_{field}_error"' in text
    assert "Niet alles is goed ingevuld" in text
    with scopes_disabled():
        assert not ExportJob.objects.exists()
    assert queued == []


def test_the_form_offers_the_destinations_and_takes_the_dashboards_filters(login_as, org, coordinator, world):
    response = login_as(coordinator).get(f"/o/{org.slug}/exports/", {"vorm": "threat", "van": "2026-06-01"})
    form = response.context["form"]
    assert dict(form.fields["partner"].choices) == {
        "": "Alle",
        "helpwanted": "HelpWanted",
        "slachtofferhulp": "Slachtofferhulp Nederland",
    }
    text = response.content.decode()
    assert '<option value="threat" selected>' in text
    assert 'value="2026-06-01"' in text


# --- Small exports: at once --------------------------------------------------------------------


def test_a_small_export_downloads_at_once_and_is_audited(login_as, org, coordinator, queued, world):
    response = login_as(coordinator).post(export_start_url(org), {"format": "csv", "status": "closed"})
    assert response.status_code == 200
    assert response.streaming
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="export-casussen-{org.slug}-{today}.csv"'
    assert "no-store" in response["Cache-Control"]
    rows = csv_text_rows(b"".join(response.streaming_content).decode())
    assert rows == [
        HEADER,
        [
            "2026-0002",
            "2026-06-03",
            "Online pesten",
            "Afgesloten",
            "2026-06-20",
            "Doorverwezen",
            "Slachtofferhulp Nederland; HelpWanted",
            "2",
        ],
    ]
    assert queued == []
    with scope(organisation=org):
        event = AuditEvent.objects.get(kind=AuditEvent.Kind.EXPORT_DOWNLOADED)
    assert event.actor == coordinator.user
    assert event.detail == "casussen, csv, 1 rijen, direct"


def test_a_small_xlsx_export_has_dates_as_dates(login_as, org, coordinator, world):
    response = login_as(coordinator).post(export_start_url(org), {"format": "xlsx"})
    rows = list(xlsx_sheet(response.content).iter_rows(values_only=True))
    assert rows[0] == tuple(HEADER)
    assert rows[2][:2] == ("2026-0002", datetime(2026, 6, 3))
    assert rows[2][7] == 2


def test_running_a_job_reads_in_a_fixed_number_of_queries(org, coordinator, world, django_assert_max_num_queries):
    for _ in range(30):
        ReferralFactory(organisation=org, case=CaseFactory(organisation=org))
    job = ExportJobFactory(organisation=org, requested_by=coordinator.user)
    # claim (lock, update, organisation), count, total, two reads, the processing log, done
    with django_assert_max_num_queries(13):
        assert exports.export_run(job.pk) == "done"
    assert reload_job(job).rows_done == 33


def test_dates_follow_the_portals_time_zone(org, coordinator):
    CaseFactory(organisation=org, reference="LAAT-1", created_at=datetime(2026, 6, 1, 23, 30, tzinfo=ZoneInfo("UTC")))
    with time_machine.travel(at(15), tick=False):
        rows = case_rows(org)
    assert rows[0][:2] == ["LAAT-1", date(2026, 6, 2)]  # 01:30 in Amsterdam
