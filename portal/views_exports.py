"""Large exports: start one, follow it, download the file.

* ``/o/<slug>/exports/``: for a member who may start an export of some kind (the
  registered kinds' ``may_start``; today an organisation coordinator), the form
  (filters prefilled from the URL: ``?van=&tot=&vorm=&status=&partner=``, the
  dashboard's names) and their own recent exports. Any other member gets 403, as
  for starting one; someone outside the organisation the tenancy's 404.
* ``POST /o/<slug>/dashboard/export/``: validate the filters and start. An export of
  at most ``EXPORT_INLINE_MAX_ROWS`` rows downloads at once (CSV streamed, XLSX
  written in memory): a person should not wait for a worker to write a small file.
  A larger one becomes an ``ExportJob`` for a worker, and the member goes to its page.
* ``/o/<slug>/exports/<job_id>/``: status and progress; with htmx the status part
  asks again every 2 seconds while the job is queued or running, without JavaScript
  the "Vernieuwen" link does the same.
* ``/o/<slug>/exports/<job_id>/bestand/``: the file, as an attachment.

A job is only ever seen by the member who asked for it, in the organisation it was
asked in: anyone else (a colleague too) gets the same 404 as for a missing id. Every
download writes an audit row. All four are wrapped in ``case_page`` (no caching).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.views.decorators.http import require_GET, require_POST
from django_scopes import scope

from portal import exports
from portal.models import ExportJob
from portal.tenancy import TenantRequest, access_object


def _kinds_for(request: TenantRequest) -> list[exports.ExportKind]:
    """The kinds this member may start, in the order the apps registered them (the
    first is the one the page offers, and the one a form without ``soort`` starts)."""
    return [kind for kind in exports.REGISTRY.values() if kind.may_start(request.membership)]


def _list_page(request: TenantRequest, *, form: exports.ExportForm | None = None, status: int = 200) -> HttpResponse:
    kinds = _kinds_for(request)
    if form is None and kinds:
        form = kinds[0].form_class(organisation=request.organisation, initial=request.GET.dict())
    return render(
        request,
        "portal/exports/list.html",
        {
            "form": form,
            "kind": kinds[0] if kinds else None,
            "jobs": exports.recent_jobs(request.user),
            "inline_max": settings.EXPORT_INLINE_MAX_ROWS,
        },
        status=status,
    )


@require_GET
def export_list(request: TenantRequest, org_slug: str) -> HttpResponse:
    if not _kinds_for(request):
        raise PermissionDenied
    return _list_page(request)


@require_POST
def export_start(request: TenantRequest, org_slug: str) -> HttpResponse | StreamingHttpResponse:
    organisation, membership = request.organisation, request.membership
    name = request.POST.get("soort")
    if name is None:
        kinds = _kinds_for(request)
        if not kinds:
            raise PermissionDenied
        name = kinds[0].name
    kind = exports.kind_for(name)
    if kind is None:
        raise Http404
    if not kind.may_start(membership):
        raise PermissionDenied
    form = kind.form_class(request.POST, organisation=organisation)
    if not form.is_valid():
        return _list_page(request, form=form, status=400)
    params, file_format = form.params(), form.cleaned_data["format"]
    rows = kind.count(organisation, params)
    if rows <= settings.EXPORT_INLINE_MAX_ROWS:
        return _inline(request, kind, params, file_format, rows)
    job = exports.export_request(
        organisation=organisation, membership=membership, kind=kind.name, params=params, file_format=file_format
    )
    return redirect("dashboards:export_detail", org_slug=organisation.slug, job_id=job.pk, permanent=False)


def _inline(
    request: TenantRequest, kind: exports.ExportKind, params: dict[str, Any], file_format: str, rows: int
) -> HttpResponse | StreamingHttpResponse:
    """A small export, at once. The CSV streams: its generator runs after the view
    returns, so it enters the organisation's scope itself."""
    organisation = request.organisation
    exports.export_downloaded(
        organisation=organisation,
        user=request.user,
        kind=kind.name,
        file_format=file_format,
        rows=rows,
    )
    name = f"export-{kind.name}-{organisation.slug}-{timezone.localdate().isoformat()}.{file_format}"
    if file_format == ExportJob.Format.XLSX:
        with translation.override("nl"):
            content = exports.xlsx_bytes(kind.header(), kind.rows(organisation, params))
        response: HttpResponse | StreamingHttpResponse = HttpResponse(content, content_type=exports.XLSX_CONTENT_TYPE)
    else:

        def lines() -> Iterator[str]:
            with scope(organisation=organisation), translation.override("nl"):
                yield from exports.stream_csv(kind.header(), kind.rows(organisation, params))

        response = StreamingHttpResponse(lines(), content_type=exports.CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _own_job(request: TenantRequest, job_id: int) -> ExportJob:
    """The job, if this member asked for it here and may still start its kind.
    Someone else's job is a 404, as if it did not exist."""
    job = access_object(ExportJob.objects.filter(requested_by=request.user), pk=job_id)
    kind = exports.kind_for(job.kind) or exports.FILE_KINDS.get(job.kind)
    if kind is not None and not kind.may_start(request.membership):
        raise PermissionDenied
    return job


@require_GET
def export_detail(request: TenantRequest, org_slug: str, job_id: int) -> HttpResponse:
    job = _own_job(request, job_id)
    kind = exports.kind_for(job.kind) or exports.FILE_KINDS.get(job.kind)
    context: dict[str, object] = {"job": job, "kind_label": kind.label if kind else job.kind}
    if request.htmx:
        return render(request, "portal/exports/_status.html", context)
    context["jobs"] = exports.recent_jobs(request.user)
    return render(request, "portal/exports/detail.html", context)


@require_GET
def export_download(request: TenantRequest, org_slug: str, job_id: int) -> HttpResponse | FileResponse:
    organisation = request.organisation
    job = _own_job(request, job_id)
    if job.status != ExportJob.Status.DONE:
        return redirect("dashboards:export_detail", org_slug=organisation.slug, job_id=job.pk)
    path = exports.job_path(job)
    if path is None or not path.is_file():
        raise Http404
    handle = path.open("rb")
    exports.export_downloaded(
        organisation=organisation,
        user=request.user,
        kind=job.kind,
        file_format=job.format,
        rows=job.rows_done,
        job=job,
    )
    return FileResponse(
        handle,
        as_attachment=True,
        filename=exports.download_name(job, organisation),
        content_type=exports.CONTENT_TYPES[job.format],
    )
