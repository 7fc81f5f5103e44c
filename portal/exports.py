"""Exports: a dashboard table as CSV or XLSX, and large exports as a background job.

Small tables (a dashboard's own) download at once with ``download``:
``?format=csv|xlsx&table=<name>``, Dutch headers whatever the page's language, the
same values as on the page (so suppressed counts stay ``"<5"``).

Writers
-------
``stream_csv`` and ``write_xlsx`` take any iterable of rows and keep only one row in
memory: CSV is a generator for ``StreamingHttpResponse`` or a file; XLSX uses
XlsxWriter's ``constant_memory`` mode, which flushes each row to a temporary file.
Both keep a spreadsheet from running what someone typed: CSV cells that start like a
formula get a leading quote (``csv_safe``), and XLSX writes every string as a string
(never a formula or a link).
"""

from __future__ import annotations

import csv
import io
import logging
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import xlsxwriter
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope, scopes_disabled

from portal.forms import DateRangeMixin, PortalForm, date_field
from portal.models import AuditEvent, ExportJob, Membership, Organisation, User
from portal.roles import Action, OrganisationKind, can
from portal.services import audit_record
from referrals import workdays
from referrals.forms import FORM_LABELS
from referrals.models import Case, Referral

Rows = tuple[list[Any], list[list[Any]]]

FORMATS = ("csv", "xlsx")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
CONTENT_TYPES = {"csv": CSV_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE}

# XlsxWriter options: strings stay strings, whatever they look like.
XLSX_OPTIONS: dict[str, Any] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "remove_timezone": True,
}

ProgressCallback = Callable[[int], None]


# --- Writers -----------------------------------------------------------------------------

# What a spreadsheet program reads as the start of a formula: = + - @, their
# full-width twins (Excel and LibreOffice read ＝1+1 as =1+1), and a tab or carriage
# return, which they skip before the formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\t", "\r")


def csv_safe(value: object) -> str:
    """A spreadsheet must not run what someone typed (a name, a message): cells that
    start like a formula get a leading quote (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class _Echo:
    """A file-like object that hands back what is written: csv.writer per row."""

    def write(self, value: str) -> str:
        return value


def stream_csv(header: Iterable[Any], rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """The CSV text, one line at a time: a byte-order mark first (so spreadsheet
    programs read UTF-8), ``;`` between cells, formula-like cells quoted."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff"
    yield writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        yield writer.writerow([csv_safe(cell) for cell in row])


def write_csv(
    path: Any, header: Iterable[Any], rows: Iterable[Iterable[Any]], *, progress: ProgressCallback | None = None
) -> int:
    """Write a CSV file (``path`` or an open text file); returns the number of rows.
    ``progress(rows_done)`` is called after every ``PROGRESS_EVERY`` rows."""
    counted = _Counting(rows, progress)
    if hasattr(path, "write"):
        for line in stream_csv(header, counted):
            path.write(line)
    else:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            for line in stream_csv(header, counted):
                handle.write(line)
    return counted.count


PROGRESS_EVERY = 5000


class _Counting:
    """Iterate rows, count them and report progress every ``PROGRESS_EVERY`` rows."""

    def __init__(self, rows: Iterable[Any], progress: ProgressCallback | None) -> None:
        self.rows = rows
        self.progress = progress
        self.count = 0

    def __iter__(self) -> Iterator[Any]:
        for row in self.rows:
            yield row
            self.count += 1
            if self.progress is not None and self.count % PROGRESS_EVERY == 0:
                self.progress(self.count)


class _XlsxSheet:
    """One worksheet: a bold header, then typed cells."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.sheet = workbook.add_worksheet(_("Export"))
        self.bold = workbook.add_format({"bold": True})
        self.date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        self.datetime = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        self.row = 0

    def header(self, cells: Iterable[Any]) -> None:
        for column, cell in enumerate(cells):
            self.sheet.write_string(self.row, column, str(cell), self.bold)
        self.sheet.freeze_panes(1, 0)
        self.row += 1

    def append(self, cells: Iterable[Any]) -> None:
        sheet, row = self.sheet, self.row
        for column, value in enumerate(cells):
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                sheet.write_boolean(row, column, value)
            elif isinstance(value, int | float | Decimal):
                sheet.write_number(row, column, value)
            elif isinstance(value, datetime):
                moment = timezone.localtime(value) if timezone.is_aware(value) else value
                sheet.write_datetime(row, column, moment.replace(tzinfo=None), self.datetime)
            elif isinstance(value, date):
                sheet.write_datetime(row, column, value, self.date)
            else:
                sheet.write_string(row, column, str(value))
        self.row += 1


def write_xlsx(
    path: Any, header: Iterable[Any], rows: Iterable[Iterable[Any]], *, progress: ProgressCallback | None = None
) -> int:
    """Write an XLSX file with one sheet in constant memory; returns the number of rows.

    ``path`` is a file name (or a binary file object). Numbers are written as
    numbers, dates as dates, everything else as text: never as a formula or link.
    ``progress(rows_done)`` is called after every ``PROGRESS_EVERY`` rows."""
    workbook = xlsxwriter.Workbook(path, {**XLSX_OPTIONS, "constant_memory": True})
    try:
        sheet = _XlsxSheet(workbook)
        sheet.header(header)
        counted = _Counting(rows, progress)
        for row in counted:
            sheet.append(row)
    finally:
        workbook.close()
    return counted.count


def xlsx_bytes(header: Iterable[Any], rows: Iterable[Iterable[Any]]) -> bytes:
    """A small XLSX file in memory (a dashboard table)."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {**XLSX_OPTIONS, "in_memory": True})
    sheet = _XlsxSheet(workbook)
    sheet.header(header)
    for row in rows:
        sheet.append(row)
    workbook.close()
    return buffer.getvalue()


# --- A dashboard table -------------------------------------------------------------------


def _attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def table_response(request: HttpRequest, table: str, build: Callable[[], Rows], wanted_format: str) -> HttpResponse:
    """One table as CSV or XLSX: Dutch headers and labels, whatever language the page is in."""
    with translation.override("nl"):
        header, rows = build()
        header = [str(cell) for cell in header]
        if wanted_format == "xlsx":
            content: bytes | str = xlsx_bytes(header, ([_plain(cell) for cell in row] for row in rows))
        else:
            content = "".join(stream_csv(header, rows))
    organisation = request.organisation  # type: ignore[attr-defined]
    name = f"dashboard-{table}-{organisation.slug}-{timezone.localdate().isoformat()}.{wanted_format}"
    return _attachment(HttpResponse(content, content_type=CONTENT_TYPES[wanted_format]), name)


def _plain(cell: Any) -> Any:
    """A lazy translation (a label such as "verborgen") as text; the rest as it is."""
    if isinstance(cell, str | int | float | Decimal | date | bool) or cell is None:
        return cell
    return str(cell)


def download(request: HttpRequest, tables: dict[str, Callable[[], Rows]]) -> tuple[HttpResponse | None, str]:
    """The table asked for with ``?format=csv|xlsx&table=<name>``, or an error to show
    on the page ("" when no download was asked for)."""
    wanted_format = request.GET.get("format")
    table = request.GET.get("table")
    if wanted_format is None and table is None:
        return None, ""
    if wanted_format not in FORMATS:
        return None, _("Downloaden kan alleen als CSV- of Excel-bestand. Gebruik de links onder de tabellen.")
    if table not in tables:
        return None, _("Deze tabel bestaat niet. Gebruik de links onder de tabellen om te downloaden.")
    return table_response(request, table, tables[table], wanted_format), ""


# --- Large exports: the registry ---------------------------------------------------------
#
# A large export is a named kind: who may start it, a form that validates its filters
# (stored as the job's ``params``), its header and its rows. ``rows`` and ``count`` run
# inside the organisation's scope and read with ``values_list`` + ``iterator``, so the
# memory a job needs does not grow with the number of rows.


@dataclass(frozen=True)
class ExportKind:
    name: str
    label: Promise
    may_start: Callable[[Membership], bool]
    form_class: type[ExportForm]
    header: Callable[[], list[str]]
    count: Callable[[Organisation, dict[str, Any]], int]
    rows: Callable[[Organisation, dict[str, Any]], Iterator[list[Any]]]


REGISTRY: dict[str, ExportKind] = {}


def register(kind: ExportKind) -> ExportKind:
    REGISTRY[kind.name] = kind
    return kind


def kind_for(name: str) -> ExportKind | None:
    return REGISTRY.get(name)


class ExportForm(PortalForm):
    """The file format and the filters of an export. ``params()`` gives the valid
    filters as JSON-safe values (ISO dates), which is what a job stores."""

    format = forms.ChoiceField(
        label=gettext_lazy("Bestandsvorm"),
        choices=ExportJob.Format.choices,
        initial=ExportJob.Format.CSV,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        self.organisation = organisation
        super().__init__(*args, **kwargs)

    def params(self) -> dict[str, Any]:
        params = {}
        for name, value in self.cleaned_data.items():
            if name == "format" or value in (None, ""):
                continue
            params[name] = value.isoformat() if isinstance(value, date) else value
        return params


class CaseExportForm(DateRangeMixin, ExportForm):
    """Filters of the case export; the same names as the dashboard's URL filters."""

    van = date_field(gettext_lazy("Geopend vanaf"), gettext_lazy("Bijvoorbeeld 2026-01-31."))
    tot = date_field(gettext_lazy("Geopend tot en met"), gettext_lazy("Bijvoorbeeld 2026-12-31."))
    vorm = forms.ChoiceField(label=gettext_lazy("Vorm van online dreiging"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    partner = forms.ChoiceField(label=gettext_lazy("Doorverwezen naar"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        every = ("", gettext_lazy("Alle"))
        self.fields["vorm"].choices = [every, *FORM_LABELS.items()]
        self.fields["status"].choices = [every, *Case.Status.choices]
        self.fields["partner"].choices = [every, *_destinations()]


def _destinations() -> list[tuple[str, str]]:
    """Where this organisation has referred to: one query, inside its scope."""
    seen: dict[str, str] = {}
    for code, label in (
        Referral.objects.filter(sent_at__isnull=False)
        .values_list("destination", "destination_label")
        .distinct()
        .order_by("destination_label", "destination")
    ):
        seen.setdefault(code, label)
    return sorted(seen.items(), key=lambda item: (item[1].casefold(), item[0]))


# --- The "casussen" export ----------------------------------------------------------------


def _may_export_cases(membership: Membership) -> bool:
    """The coordinator of a school or sports club (``CASE_EXPORT``). Case handlers work
    case by case and do not export the whole organisation; a partner's coordinator
    holds the role too, but a partner has no cases of its own."""
    return membership.organisation.kind in (OrganisationKind.SCHOOL, OrganisationKind.SPORTS_CLUB) and can(
        membership, Action.CASE_EXPORT
    )


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _filtered_cases(params: dict[str, Any]) -> QuerySet[Case]:
    """The organisation's cases (in scope) that match the stored filters."""
    cases = Case.objects.all()
    if params.get("van"):
        cases = cases.filter(created_at__gte=_start_of(date.fromisoformat(params["van"])))
    if params.get("tot"):
        cases = cases.filter(created_at__lt=_start_of(date.fromisoformat(params["tot"]) + timedelta(days=1)))
    if params.get("status"):
        cases = cases.filter(status=params["status"])
    if params.get("vorm"):
        if connection.features.supports_json_field_contains:
            cases = cases.filter(facts__forms__contains=[params["vorm"]])
        else:  # SQLite: the list's JSON text holds the quoted code (codes are [a-z_] only).
            cases = cases.filter(facts__forms__icontains=f'"{params["vorm"]}"')
    if params.get("partner"):
        cases = cases.filter(
            Exists(Referral.objects.filter(case=OuterRef("pk"), destination=params["partner"], sent_at__isnull=False))
        )
    return cases


def _case_header() -> list[str]:
    return [
        _("Kenmerk"),
        _("Geopend op"),
        _("Vorm(en) van online dreiging"),
        _("Status"),
        _("Afgesloten op"),
        _("Uitkomst"),
        _("Doorverwezen naar"),
        _("Werkdagen tot bevestiging"),
    ]


def _case_count(organisation: Organisation, params: dict[str, Any]) -> int:
    return _filtered_cases(params).count()


def _case_rows(organisation: Organisation, params: dict[str, Any]) -> Iterator[list[Any]]:
    """One row per case, oldest first. Two reads side by side, both ordered by case:
    the cases, and their sent referrals (label, sent, acknowledged). Neither is held
    in memory. Never the pseudonym, the signal, notes, summaries or contact details."""
    country = organisation.country
    form_labels = {code: str(label) for code, label in FORM_LABELS.items()}
    status_labels = {value: str(label) for value, label in Case.Status.choices}
    outcome_labels = {value: str(label) for value, label in Case.Outcome.choices}
    cases = _filtered_cases(params)
    case_rows = (
        cases.order_by("pk")
        .values_list("pk", "reference", "created_at", "facts__forms", "status", "closed_at", "outcome")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    referral_rows = (
        Referral.objects.filter(case__in=cases.values("pk"), sent_at__isnull=False)
        .order_by("case_id", "sent_at", "pk")
        .values_list("case_id", "destination_label", "sent_at", "acknowledged_at")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    working_days = lru_cache(maxsize=8192)(
        lambda sent, acknowledged: max(0, workdays.working_days_between(sent, acknowledged, country))
    )
    pending = next(referral_rows, None)
    for pk, reference, created_at, forms_list, status, closed_at, outcome in case_rows:
        while pending is not None and pending[0] < pk:  # a case that left the filter meanwhile
            pending = next(referral_rows, None)
        labels: list[str] = []
        first_ack: int | None = None  # working days until the first referral was acknowledged
        first = True
        while pending is not None and pending[0] == pk:
            _case_id, label, sent_at, acknowledged_at = pending
            if label not in labels:
                labels.append(label)
            if first and acknowledged_at is not None:
                first_ack = working_days(_local_date(sent_at), _local_date(acknowledged_at))
            first = False
            pending = next(referral_rows, None)
        yield [
            reference,
            _local_date(created_at),
            "; ".join(form_labels.get(code, code) for code in (forms_list or []) if isinstance(code, str)),
            status_labels.get(status, status),
            _local_date(closed_at) if closed_at else None,
            outcome_labels.get(outcome, outcome) if outcome else "",
            "; ".join(labels),
            first_ack,
        ]


def _local_date(moment: datetime) -> date:
    return timezone.localtime(moment).date()


CHUNK_SIZE = 2000

CASES = register(
    ExportKind(
        name="casussen",
        label=gettext_lazy("Alle casussen"),
        may_start=_may_export_cases,
        form_class=CaseExportForm,
        header=_case_header,
        count=_case_count,
        rows=_case_rows,
    )
)


# --- Large exports: services ---------------------------------------------------------------

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
    Refuses (``PermissionDenied``) a member who may not start this kind."""
    export_kind = REGISTRY[kind]
    if not export_kind.may_start(membership) or file_format not in FORMATS:
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

    export_kind = REGISTRY.get(job.kind)
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
        with scope(organisation=organisation), translation.override("nl"):
            total = export_kind.count(organisation, job.params)
            with scopes_disabled():
                if not mine().update(rows_total=total, updated_at=timezone.now()):
                    raise _TakenOver
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
                transaction.on_commit(lambda pk=job.pk: send(pk))
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
    the kind, the format and the number of rows; never a filter's value or a row."""
    where = f"export {job.pk}" if job is not None else "direct"
    detail = f"{kind}, {file_format}, {rows} rijen, {where}"
    audit_record(organisation=organisation, kind=AuditEvent.Kind.EXPORT_DOWNLOADED, actor=user, detail=detail)
