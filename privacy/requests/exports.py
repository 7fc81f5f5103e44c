"""The overview of an access request as an export job (``portal.exports.FileKind``).

A large overview is written by the export worker, like every large export: the ZIP
(``gegevens.json``, ``overzicht.pdf``, ``LEESMIJ.txt``) under ``EXPORT_ROOT``, deleted
after ``KEEP_FILES``. The job's params name the request and the member who asked;
nothing about the person. Writing it audits its creation and writes the processing
log's export entries; every download of it (``portal.exports.export_downloaded``)
writes them again through ``downloaded``. Registered from ``PrivacyConfig.ready``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy

from portal import exports
from portal.models import ExportJob, Membership, Organisation, User
from portal.roles import Action, can
from privacy.models import SubjectRequest
from privacy.requests.services import (
    EXPORT_KIND,
    overview_created,
    overview_downloaded,
    request_person,
)
from privacy.subject_data import subject_collect, subject_size, subject_zip


def _may_start(membership: Membership) -> bool:
    return can(membership, Action.PRIVACY_MANAGE)


def _request(params: dict[str, Any]) -> SubjectRequest:
    """The request of a job, in the organisation's scope (the worker's)."""
    return SubjectRequest.objects.get(pk=params["request_id"])


def _count(organisation: Organisation, params: dict[str, Any]) -> int:
    return subject_size(organisation=organisation, subject=request_person(_request(params)))


def _write(organisation: Organisation, params: dict[str, Any], path: Path, progress: Callable[[int], None]) -> int:
    request = _request(params)
    person = request_person(request)
    done = [0]

    def step(rows: int) -> None:
        done[0] = rows
        progress(rows)

    content = subject_zip(subject_collect(organisation=organisation, subject=person, progress=step))
    path.write_bytes(content)
    actor = User.objects.filter(pk=int(params.get("actor_id") or 0)).first()
    with transaction.atomic():
        overview_created(organisation=organisation, request=request, person=person, actor=actor, by_worker=True)
    return max(done[0], 1)


def _downloaded(organisation: Organisation, user: User, job: ExportJob | None) -> None:
    # A direct download is logged by subject_request_export itself.
    if job is None:
        return
    request = SubjectRequest.objects.filter(pk=job.params.get("request_id")).first()
    if request is not None:
        overview_downloaded(organisation=organisation, request=request, actor=user)


def register_kinds() -> None:
    exports.register_file_kind(
        exports.FileKind(
            name=EXPORT_KIND,
            label=gettext_lazy("Overzicht voor een inzageverzoek"),
            may_start=_may_start,
            file_format=ExportJob.Format.ZIP,
            count=_count,
            write=_write,
            downloaded=_downloaded,
        )
    )
