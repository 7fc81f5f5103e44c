"""The overview of an access request (AVG art. 15) through the request pages: at once or
as an export job, audited and in the processing log, only the requesting
organisation's data, and never downloadable from another organisation."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from portal import exports, tasks
from portal.exports import jobs
from portal.models import AuditEvent, ExportJob, ProcessingLogEntry
from portal.processing_log import staff_subject, subject_entries, victim_subject
from portal.roles import Role
from privacy.models import SubjectRequest
from tests.factories import MembershipFactory
from tests.privacy.factories import SubjectRequestFactory
from tests.privacy.helpers import full_case, staff_traces

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def export_root(settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path / "exports"
    return settings.EXPORT_ROOT


@pytest.fixture
def queued(monkeypatch):
    ids: list[int] = []
    monkeypatch.setattr(jobs, "_enqueue", ids.append)
    return ids


@pytest.fixture
def big(settings):
    """Every overview is "large": a worker makes it."""
    settings.SUBJECT_EXPORT_INLINE_MAX_ROWS = 0


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR, first_name="Cora", last_name="Coördinator")


@pytest.fixture
def handler(org, member_factory):
    return member_factory(org, Role.CASE_HANDLER, first_name="Henk", last_name="Handelaar")


@pytest.fixture
def other_coordinator(other_org, member_factory):
    return member_factory(other_org, Role.ORG_COORDINATOR)


@pytest.fixture
def other_handler(other_org, member_factory):
    return member_factory(other_org, Role.CASE_HANDLER, first_name="Olga", last_name="Overkant")


def url(org, request: SubjectRequest, tail: str = "") -> str:
    return f"/o/{org.slug}/privacy/verzoeken/{request.pk}/{tail}"


def register(client, org, **data) -> SubjectRequest:
    response = client.post(
        f"/o/{org.slug}/privacy/verzoeken/nieuw/",
        {"kind": "access", "received_on": timezone.localdate().isoformat(), **data},
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    with scope(organisation=org):
        return SubjectRequest.objects.latest("pk")


def unzip(content: bytes) -> tuple[dict, zipfile.ZipFile]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    names = set(archive.namelist())
    assert {"gegevens.json", "overzicht.pdf"} <= names, names
    assert archive.read("overzicht.pdf").startswith(b"%PDF")
    return json.loads(archive.read("gegevens.json")), archive


def export_entries(org, subject) -> list[ProcessingLogEntry]:
    with scope(organisation=org):
        return list(subject_entries(subject).filter(operation=ProcessingLogEntry.Operation.EXPORT))


def audit(org, kind) -> int:
    with scope(organisation=org):
        return AuditEvent.objects.filter(kind=kind).count()


# --- At once -----------------------------------------------------------------------------------


def test_small_overview_downloads_at_once_audited_and_logged(client, org, coordinator, handler):
    full_case(org, handler, reference="2026-0001", pseudonym="J.B.")
    full_case(org, handler, reference="2026-0002", pseudonym="J.B.")
    client.force_login(coordinator.user)
    request = register(client, org, subject_type="victim", case_references="2026-0001, 2026-0002", pseudonym="J.B.")

    response = client.post(url(org, request, "overzicht/"))
    assert response.status_code == 200
    assert response["Content-Type"] == exports.ZIP_CONTENT_TYPE
    assert response["Content-Disposition"].startswith('attachment; filename="inzage-verzoek-')
    assert "no-store" in response["Cache-Control"]
    data, _archive = unzip(response.content)
    text = json.dumps(data, ensure_ascii=False)
    assert "2026-0001" in text and "2026-0002" in text

    assert audit(org, AuditEvent.Kind.PRIVACY_EXPORT_CREATED) == 1
    assert audit(org, AuditEvent.Kind.EXPORT_DOWNLOADED) == 1
    for reference in ("2026-0001", "2026-0002"):
        entries = export_entries(org, victim_subject(org.pk, reference))
        assert {e.name for e in entries} == {"privacy.subject_access.created", "privacy.subject_access.downloaded"}
        assert all(e.activity == "subject_rights" and e.actor_id == coordinator.user_id for e in entries)
    with scopes_disabled():
        assert not ExportJob.objects.exists()  # nothing stored


def test_only_an_access_request_has_an_overview(client, org, coordinator):
    request = SubjectRequestFactory(organisation=org, kind=SubjectRequest.Kind.ERASURE)
    client.force_login(coordinator.user)
    response = client.post(url(org, request, "overzicht/"), follow=True)
    assert "alleen bij een inzageverzoek" in response.text
    assert audit(org, AuditEvent.Kind.PRIVACY_EXPORT_CREATED) == 0


# --- As a job ----------------------------------------------------------------------------------


def test_large_overview_is_a_job_with_progress_then_a_download(
    client, org, coordinator, member_factory, queued, big, django_capture_on_commit_callbacks, export_root
):
    member = member_factory(org, Role.LEARNER, first_name="Lotte", last_name="Leerling")
    staff_traces(member)
    client.force_login(coordinator.user)
    request = register(client, org, subject_type="staff", member=member.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(org, request, "overzicht/"))
    assert response.status_code == 302
    assert response["Location"] == url(org, request) + "#overzicht"
    with scopes_disabled():
        job = ExportJob.objects.get()
    assert queued == [job.pk]
    assert (job.kind, job.format, job.status) == ("privacy_subject_access", "zip", "queued")
    assert job.params == {"request_id": request.pk, "actor_id": coordinator.user_id}

    page = client.get(url(org, request))
    assert "In de wachtrij" in page.text
    assert 'hx-trigger="every 2s"' in page.text
    assert "Vernieuwen" in page.text
    partial = client.get(url(org, request), headers={"HX-Request": "true"})
    assert partial.text.strip().startswith('<div id="overzicht-status"')
    assert client.get(url(org, request, "overzicht/bestand/"))["Location"].endswith("#overzicht")  # not ready yet

    assert tasks.exports_run(job.pk) == "done"
    with scopes_disabled():
        job.refresh_from_db()
    assert job.status == "done" and job.rows_done >= 1
    assert job.expires_at == job.finished_at + exports.KEEP_FILES
    assert (export_root / job.file_name).is_file()
    assert audit(org, AuditEvent.Kind.PRIVACY_EXPORT_CREATED) == 1
    created = export_entries(org, staff_subject(member.user_id))
    assert [(e.name, e.activity, e.actor_id) for e in created] == [
        ("privacy.subject_access.created", "subject_rights", coordinator.user_id)
    ]

    page = client.get(url(org, request))
    assert 'hx-trigger="every 2s"' not in page.text
    # The requester finds it among their exports too, under its own name.
    assert "Overzicht voor een inzageverzoek" in client.get(f"/o/{org.slug}/exports/{job.pk}/").text
    assert url(org, request, "overzicht/bestand/") in page.text

    # A colleague who handles privacy requests may download it too; each download is audited and logged.
    colleague = member_factory(org, Role.ORG_COORDINATOR)
    for who in (coordinator, colleague):
        client.force_login(who.user)
        response = client.get(url(org, request, "overzicht/bestand/"))
        assert response.status_code == 200
        assert response["Content-Type"] == exports.ZIP_CONTENT_TYPE
        assert "no-store" in response["Cache-Control"]
        data, _archive = unzip(b"".join(response.streaming_content))
        assert "Lotte" in json.dumps(data, ensure_ascii=False)
    assert audit(org, AuditEvent.Kind.EXPORT_DOWNLOADED) == 2
    downloads = [e for e in export_entries(org, staff_subject(member.user_id)) if e.name.endswith("downloaded")]
    assert sorted(e.actor_id for e in downloads) == sorted([coordinator.user_id, colleague.user_id])


def test_the_file_of_another_organisations_request_is_404(
    client, org, coordinator, other_coordinator, member_factory, queued, big, django_capture_on_commit_callbacks
):
    member = member_factory(org, Role.LEARNER)
    client.force_login(coordinator.user)
    request = register(client, org, subject_type="staff", member=member.pk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(org, request, "overzicht/"))
    with scopes_disabled():
        job = ExportJob.objects.get()
    assert tasks.exports_run(job.pk) == "done"

    client.force_login(other_coordinator.user)
    assert client.get(url(org, request, "overzicht/bestand/")).status_code == 404
    other_org = other_coordinator.organisation
    assert client.get(f"/o/{other_org.slug}/privacy/verzoeken/{request.pk}/overzicht/bestand/").status_code == 404
    assert client.get(f"/o/{other_org.slug}/exports/{job.pk}/bestand/").status_code == 404
    assert audit(org, AuditEvent.Kind.EXPORT_DOWNLOADED) == 0


# --- Two organisations, one person -------------------------------------------------------------------


def test_person_known_in_two_organisations_gets_only_the_requesting_organisations_data(
    client, org, other_org, coordinator, handler, other_handler, member_factory
):
    # A victim with the same case reference in both organisations, and a member of both.
    full_case(org, handler, reference="2026-0001", pseudonym="J.B.", note_text="Notitie van school een")
    full_case(
        other_org, other_handler, reference="2026-0001", pseudonym="J.B.", note_text="Notitie van de andere school"
    )
    both = member_factory(org, Role.LEARNER, first_name="Bo", last_name="Beide", email="bo@example.org")
    member_factory(other_org, Role.LEARNER, email="bo-anders@example.org")  # someone else there
    there = MembershipFactory(organisation=other_org, user=both.user, role=Role.LEARNER)
    staff_traces(both, detail="Rol gewijzigd hier")
    staff_traces(there, detail="Rol gewijzigd daar")

    client.force_login(coordinator.user)
    victim_request = register(client, org, subject_type="victim", case_references="2026-0001", pseudonym="J.B.")
    staff_request = register(client, org, subject_type="staff", member=both.pk)

    victim_data, _archive = unzip(client.post(url(org, victim_request, "overzicht/")).content)
    victim_text = json.dumps(victim_data, ensure_ascii=False)
    assert "Notitie van school een" in victim_text
    assert "Notitie van de andere school" not in victim_text
    assert other_org.name not in victim_text
    assert org.name in victim_text

    staff_data, _archive = unzip(client.post(url(org, staff_request, "overzicht/")).content)
    staff_text = json.dumps(staff_data, ensure_ascii=False)
    assert "Rol gewijzigd hier" in staff_text
    assert "Rol gewijzigd daar" not in staff_text
    assert other_org.name not in staff_text

    # The processing log of the other organisation knows nothing of these exports.
    assert export_entries(other_org, victim_subject(other_org.pk, "2026-0001")) == []
    with scope(organisation=other_org):
        assert not ProcessingLogEntry.objects.filter(operation=ProcessingLogEntry.Operation.EXPORT).exists()
