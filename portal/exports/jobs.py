"""Large exports as a background job: request, run under a lease, retries, expiry,
the member's recent jobs and the download's audit row.

A job stores its kind's name (``portal.exports.kinds.REGISTRY``), the filters its
form validated and the file format. The worker (``portal.tasks.exports_run``) writes
the file in the organisation's scope; the hourly sweep queues a job whose worker died
again and deletes expired files.
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from django_scopes import scope, scopes_disabled

from portal.exports.kinds import FILE_KINDS, REGISTRY, ExportKind, FileKind
from portal.exports.writers import FORMATS, write_csv, write_xlsx
from portal.models import AuditEvent, ExportJob, Membership, Organisation, User
from portal.processing_log import acting_as
from portal.services import audit_record

# A job not updated for this long lost its worker: the sweep queues it again.
STALE_AFTER = timedelta(minutes=10)
# After this many runs, or this long after it was asked for, a job that keeps stopping fails.
MAX_ATTEMPTS = 3
GIVE_UP_AFTER = timedelta(hours=2)
KEEP_FILES = timedelta(hours=24)
RECENT_JOBS = 10

FAILED_MESSAGE = gettext_lazy(
    "Het maken van het bestand is niet gelukt. Probeer het opnieuw. Lukt het dan weer niet? "
    "Neem contact op met de beheerder van het portaal."
)
STOPPED_MESSAGE = gettext_lazy(
    "Het maken van het bestand is steeds gestopt voordat het klaar was. Probeer het later opnieuw."
)
UNKNOWN_KIND_MESSAGE = gettext_lazy("Deze soort export bestaat niet meer. Vraag het bestand opnieuw aan.")

logger = logging.getLogger(__name__)


def export_root() -> Path:
    return Path(settings.EXPORT_ROOT)


def job_path(job: ExportJob) -> Path | None:
    """The job's file, only when it lies inside ``EXPORT_ROOT``."""
    if not job.file_name:
        return None
    root = export_root().resolve()
    path = (root / job.file_name).resolve()
    return path if path.is_relative_to(root) else None


def download_name(job: ExportJob, organisation: Organisation) -> str:
    day = timezone.localdate(job.finished_at or job.created_at).isoformat()
    return f"export-{job.kind}-{organisation.slug}-{day}.{job.format}"


def _enqueue(job_id: int) -> None:
    from portal.tasks import exports_run

    exports_run.delay(job_id)


def export_request(
    *,
    organisation: Organisation,
    membership: Membership,
    kind: str,
    params: dict[str, Any],
    file_format: str,
    enqueue: Callable[[int], None] | None = None,
) -> ExportJob:
    """Queue a large export for ``membership`` (in its organisation's scope).

    ``params`` are the filters a kind's form validated. The job row is written in one
    transaction; the worker task is queued when it commits, with the job's id only.
    Refuses (``PermissionDenied``) a member who may not start this kind. A file kind
    (``FileKind``) takes only its own format."""
    export_kind: ExportKind | FileKind = REGISTRY[kind] if kind in REGISTRY else FILE_KINDS[kind]
    formats = (export_kind.file_format,) if isinstance(export_kind, FileKind) else FORMATS
    if not export_kind.may_start(membership) or file_format not in formats:
        raise PermissionDenied
    send = enqueue or _enqueue
    with transaction.atomic():
        job = ExportJob.objects.create(
            organisation=organisation,
            requested_by=membership.user,
            kind=kind,
            params=params,
            format=file_format,
        )
        transaction.on_commit(lambda: send(job.pk))
    return job


class _TakenOver(Exception):
    """The sweep gave the job to another run while this one was still writing."""


def export_run(job_id: int, *, now: datetime | None = None) -> str:
    """Write one job's file. Safe to run twice and safe to run late.

    Claims the job (row lock, ``queued`` → ``running``, one more attempt) in a short
    transaction, then reads and writes outside any transaction, in the organisation's
    scope, to ``<file>.part``; progress every ``PROGRESS_EVERY`` rows. Every write
    after the claim is conditional on this attempt still owning the job: when the
    sweep has queued it again meanwhile, this run stops and removes its file. On an
    error the job fails with a message for the member (no data); the log has the
    traceback. Returns what happened: "done", "failed", "skipped" or "taken-over"."""
    with scopes_disabled(), transaction.atomic():
        job = ExportJob.objects.select_for_update(skip_locked=True).filter(pk=job_id).first()
        if job is None or job.status != ExportJob.Status.QUEUED:
            return "skipped"
        started = now or timezone.now()
        job.status = ExportJob.Status.RUNNING
        job.started_at = job.updated_at = started
        job.attempts += 1
        job.rows_done = 0
        job.error = ""
        job.save(update_fields=["status", "started_at", "updated_at", "attempts", "rows_done", "error"])
        organisation = Organisation.objects.get(pk=job.organisation_id)

    def mine() -> QuerySet[ExportJob]:
        return ExportJob.objects.filter(pk=job.pk, status=ExportJob.Status.RUNNING, attempts=job.attempts)

    export_kind: ExportKind | FileKind | None = REGISTRY.get(job.kind) or FILE_KINDS.get(job.kind)
    if export_kind is None:
        with scopes_disabled():
            mine().update(status=ExportJob.Status.FAILED, error=str(UNKNOWN_KIND_MESSAGE), finished_at=timezone.now())
        return "failed"

    folder = export_root() / str(organisation.pk)
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob(f"{job.pk}-*.part"):  # from an earlier run that died
        leftover.unlink(missing_ok=True)
    name = f"{organisation.pk}/{job.pk}-{secrets.token_hex(8)}.{job.format}"
    final = export_root() / name
    partial = final.with_name(final.name + ".part")

    def progress(rows_done: int) -> None:
        with scopes_disabled():
            if not mine().update(rows_done=rows_done, updated_at=timezone.now()):
                raise _TakenOver

    writer = write_xlsx if job.format == ExportJob.Format.XLSX else write_csv
    try:
        # The processing log's entries of this export name the member it is for.
        with scope(organisation=organisation), translation.override("nl"), acting_as(job.requested_by_id):
            total = export_kind.count(organisation, job.params)
            with scopes_disabled():
                if not mine().update(rows_total=total, updated_at=timezone.now()):
                    raise _TakenOver
            if isinstance(export_kind, FileKind):
                rows_done = export_kind.write(organisation, job.params, partial, progress)
            else:
                rows_done = writer(
                    partial, export_kind.header(), export_kind.rows(organisation, job.params), progress=progress
                )
        os.replace(partial, final)
    except _TakenOver:
        partial.unlink(missing_ok=True)
        return "taken-over"
    except Exception:
        logger.exception("Export job %s (%s) failed", job.pk, job.kind)
        partial.unlink(missing_ok=True)
        with scopes_disabled():
            mine().update(status=ExportJob.Status.FAILED, error=str(FAILED_MESSAGE), finished_at=timezone.now())
        return "failed"
    finished = timezone.now()
    with scopes_disabled():
        claimed = mine().update(
            status=ExportJob.Status.DONE,
            rows_done=rows_done,
            rows_total=rows_done,
            file_name=name,
            finished_at=finished,
            updated_at=finished,
            expires_at=finished + KEEP_FILES,
        )
    if not claimed:
        final.unlink(missing_ok=True)
        return "taken-over"
    return "done"


def exports_expire(*, now: datetime | None = None, enqueue: Callable[[int], None] | None = None) -> dict[str, int]:
    """The hourly sweep. Safe to run twice; rows are locked with ``skip_locked``.

    * A job queued or running that has not moved for ``STALE_AFTER`` lost its worker
      (or its message): it is queued again, or fails with a message once it has run
      ``MAX_ATTEMPTS`` times or was asked for more than ``GIVE_UP_AFTER`` ago.
    * A finished file past ``expires_at`` is deleted; the row stays as "expired".
    """
    now = now or timezone.now()
    send = enqueue or _enqueue
    counts = {"requeued": 0, "failed": 0, "expired": 0}
    with scopes_disabled(), transaction.atomic():
        stale = list(
            ExportJob.objects.select_for_update(skip_locked=True)
            .filter(status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING], updated_at__lte=now - STALE_AFTER)
            .order_by("updated_at")[:1000]
        )
        for job in stale:
            if job.attempts >= MAX_ATTEMPTS or job.created_at <= now - GIVE_UP_AFTER:
                job.status = ExportJob.Status.FAILED
                job.error = str(STOPPED_MESSAGE)
                job.finished_at = now
                counts["failed"] += 1
            else:
                job.status = ExportJob.Status.QUEUED
                transaction.on_commit(functools.partial(send, job.pk))
                counts["requeued"] += 1
            job.updated_at = now
            job.save(update_fields=["status", "error", "finished_at", "updated_at"])
    while True:
        with scopes_disabled(), transaction.atomic():
            due = list(
                ExportJob.objects.select_for_update(skip_locked=True)
                .filter(status=ExportJob.Status.DONE, expires_at__lte=now)
                .order_by("expires_at")[:500]
            )
            for job in due:
                path = job_path(job)
                if path is not None:
                    path.unlink(missing_ok=True)
            ExportJob.objects.filter(pk__in=[job.pk for job in due]).update(
                status=ExportJob.Status.EXPIRED, file_name="", updated_at=now
            )
        counts["expired"] += len(due)
        if len(due) < 500:
            return counts


# --- Reads and the download -------------------------------------------------------------


def recent_jobs(user: User) -> list[ExportJob]:
    """The member's latest jobs in this organisation (scope), newest first: one query."""
    return list(ExportJob.objects.filter(requested_by=user).order_by("-created_at", "-pk")[:RECENT_JOBS])


def export_downloaded(
    *, organisation: Organisation, user: User, kind: str, file_format: str, rows: int, job: ExportJob | None = None
) -> None:
    """The audit row of a download (a job's file, or a small export at once). Names
    the kind, the format and the number of rows; never a filter's value or a row.
    A file kind's ``downloaded`` hook runs beside it (its app's own record)."""
    where = f"export {job.pk}" if job is not None else "direct"
    detail = f"{kind}, {file_format}, {rows} rijen, {where}"
    audit_record(organisation=organisation, kind=AuditEvent.Kind.EXPORT_DOWNLOADED, actor=user, detail=detail)
    file_kind = FILE_KINDS.get(kind)
    if file_kind is not None and file_kind.downloaded is not None:
        file_kind.downloaded(organisation, user, job)
