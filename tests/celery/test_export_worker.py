"""A case export through the real broker and a real worker process: the worker knows
the kind (``referrals/exports.py`` registers it when the app loads, and the worker
sets Django up before it imports the task modules), writes the file and marks the
job done. The worker shares the test's database (tests/celery/conftest.py)."""

from __future__ import annotations

import csv
import io

import pytest
from django_scopes import scopes_disabled

from portal.celery import app
from portal.models import ExportJob
from portal.roles import Role
from portal.tasks import exports_run
from tests.celery.helpers import reset_broker_connections
from tests.referrals.factories import CaseFactory

pytestmark = pytest.mark.celery_worker

# A bound for waiting, not the expected time: a loaded machine starts a worker slowly.
TIMEOUT = 120


def job_status(pk: int) -> str:
    with scopes_disabled():
        return ExportJob.objects.get(pk=pk).status


def test_a_worker_writes_a_case_export(org, member_factory, workers, private_queue, tmp_path, settings):
    settings.EXPORT_ROOT = tmp_path / "exports"  # the worker's own (VAR_DIR=tmp_path)
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    for number in range(3):
        CaseFactory(organisation=org, reference=f"2026-000{number + 1}", facts={"country": "NL", "forms": ["threat"]})
    with scopes_disabled():
        job = ExportJob.objects.create(organisation=org, requested_by=coordinator.user, kind="casussen", format="csv")
    saved_routes = app.conf.task_routes
    app.conf.update(task_routes={**saved_routes, "portal.tasks.exports_run": {"queue": private_queue.name}})
    reset_broker_connections()
    try:
        exports_run.delay(job.pk)
    finally:
        app.conf.update(task_routes=saved_routes)
    workers.start()
    status = workers.wait(
        lambda: job_status(job.pk) in ("done", "failed") and job_status(job.pk),
        timeout=TIMEOUT,
        what="the export job finished",
    )
    with scopes_disabled():
        job = ExportJob.objects.get(pk=job.pk)
    assert (status, job.error) == ("done", "")
    assert job.rows_done == 3
    text = (settings.EXPORT_ROOT / job.file_name).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert [row[0] for row in rows] == ["Kenmerk", "2026-0001", "2026-0002", "2026-0003"]
