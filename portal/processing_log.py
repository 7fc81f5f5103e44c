"""The processing log (Logboek Dataverwerkingen, Logius): every processing of personal
data (read, create, change, share with a partner, export, delete) is one entry.

Each entry is a span of a W3C trace: a request carries a trace (``traceparent`` from
the caller, else a new one, set by ``TraceContextMiddleware``); a referral keeps the
trace it was sent in, and the partner's work on it continues that trace
(``trace_continued``), so the hand-off can be followed across organisations. Parsing
and writing ``traceparent`` is OpenTelemetry's propagator; we keep no tracing SDK.

The data subject is a pseudonym (``victim_subject``/``staff_subject``): an HMAC of the
case reference or user id with ``PSEUDONYM_KEY``, never a name. A coordinator finds
the entries about one person from the case reference or the member
(``subject_entries``); the log never shows whom a pseudonym belongs to.

The log is append-only: the model and queryset refuse updates and deletes, and on
PostgreSQL and SQLite a trigger refuses them in the database too (a delete only of
an entry past its ``retain_until``, which only ``expired_purge`` does).

    with processing(
        organisation=org, operation=Operation.READ, name="case.contact_details.read",
        activity="case_handling", subject=victim_subject(org.pk, case.reference), actor=user,
    ):
        details = read_details(case)

``record`` writes one entry for work that is already done (inside the transaction of
the change it logs, so the entry and the change stand or fall together);
``processing`` times the work and writes status ``error`` when it raises.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.db.models.signals import post_save
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from opentelemetry import trace
from opentelemetry.trace import NonRecordingSpan, SpanContext, TraceFlags
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from portal.models import AuditEvent, ProcessingLogEntry

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.http import HttpRequest, HttpResponse

Operation = ProcessingLogEntry.Operation
Status = ProcessingLogEntry.Status
SubjectType = ProcessingLogEntry.SubjectType

_PROPAGATOR = TraceContextTextMapPropagator()

# The processing activities of the register (privacy/inventory/activities.py registers
# them at start-up, see ``activities_register``): an entry names one of them.
_ACTIVITIES: set[str] = set()


def activities_register(ids: set[str] | frozenset[str]) -> None:
    _ACTIVITIES.update(ids)


# --- Trace context -----------------------------------------------------------------------


@dataclass(frozen=True)
class TraceContext:
    trace_id: str  # 32 lowercase hex digits
    span_id: str  # 16 lowercase hex digits: the span that new entries hang under

    @property
    def traceparent(self) -> str:
        carrier: dict[str, str] = {}
        span_context = SpanContext(
            trace_id=int(self.trace_id, 16),
            span_id=int(self.span_id, 16),
            is_remote=False,
            trace_flags=TraceFlags(TraceFlags.SAMPLED),
        )
        _PROPAGATOR.inject(carrier, context=trace.set_span_in_context(NonRecordingSpan(span_context)))
        return carrier["traceparent"]


def _new_span_id() -> str:
    while True:
        value = secrets.token_hex(8)
        if value != "0" * 16:
            return value


def trace_new() -> TraceContext:
    while True:
        trace_id = secrets.token_hex(16)
        if trace_id != "0" * 32:
            return TraceContext(trace_id=trace_id, span_id=_new_span_id())


def trace_parse(traceparent: str | None) -> TraceContext | None:
    """A valid W3C ``traceparent`` header as a context, else None."""
    if not traceparent:
        return None
    context = _PROPAGATOR.extract({"traceparent": traceparent})
    span_context = trace.get_current_span(context).get_span_context()
    if not span_context.is_valid:
        return None
    return TraceContext(trace_id=format(span_context.trace_id, "032x"), span_id=format(span_context.span_id, "016x"))


_current: ContextVar[TraceContext | None] = ContextVar("processing_log_trace", default=None)
# Who is doing the work when a caller does not say: the signed-in member of this
# request (set by the middleware), or the member a background job works for.
_request: ContextVar[Any] = ContextVar("processing_log_request", default=None)
_acting: ContextVar[int | None] = ContextVar("processing_log_actor", default=None)
CURRENT_ACTOR: Any = object()


@contextmanager
def acting_as(user_id: int | None) -> Iterator[None]:
    """Work done for a member outside their request (an export job): entries name them."""
    token = _acting.set(user_id)
    try:
        yield
    finally:
        _acting.reset(token)


def _current_actor_id() -> int | None:
    acting = _acting.get()
    if acting is not None:
        return acting
    request = _request.get()
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return int(user.pk)
    return None


def trace_current() -> TraceContext:
    """The trace of this request or task; a new one when none is set."""
    current = _current.get()
    if current is None:
        current = trace_new()
        _current.set(current)
    return current


def trace_start() -> TraceContext:
    """A new trace for work that starts here (a Celery task)."""
    context = trace_new()
    _current.set(context)
    return context


@contextmanager
def trace_continued(trace_id: str | None) -> Iterator[TraceContext]:
    """Work that continues an earlier trace (a partner's answer to a referral): entries
    written inside carry ``trace_id`` with a new span under this request's span."""
    outer = _current.get()
    if not trace_id or len(trace_id) != 32:
        yield trace_current()
        return
    context = TraceContext(trace_id=trace_id, span_id=(outer.span_id if outer else _new_span_id()))
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)


class TraceContextMiddleware:
    """Every request runs in a trace: the caller's ``traceparent`` when valid, else a new
    trace. The answer carries the request's own ``traceparent`` so a caller (a
    partner's system on the API) can link its log to ours."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = trace_parse(request.headers.get("traceparent"))
        context = (
            TraceContext(trace_id=incoming.trace_id, span_id=_new_span_id()) if incoming is not None else trace_new()
        )
        token = _current.set(context)
        request_token = _request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _request.reset(request_token)
            _current.reset(token)
        response.headers["traceparent"] = context.traceparent
        if isinstance(response, StreamingHttpResponse) and not isinstance(response, FileResponse):
            # A streamed export writes its rows (and their entries) after this returns
            # (a file, static or an export job's, is sent as it is).
            response.streaming_content = _in_context(response.streaming_content, context, request)
        return response


def _in_context(chunks: Any, context: TraceContext, request: HttpRequest) -> Iterator[Any]:
    """The chunks, each made in the request's trace and for its member."""
    iterator = iter(chunks)
    while True:
        token, request_token = _current.set(context), _request.set(request)
        try:
            chunk = next(iterator)
        except StopIteration:
            return
        finally:
            _request.reset(request_token)
            _current.reset(token)
        yield chunk


# --- Data subjects -------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    type: str  # SubjectType
    ref: str  # the pseudonym


def _pseudonym(value: str) -> str:
    key = getattr(settings, "PSEUDONYM_KEY", "") or settings.SECRET_KEY
    return salted_hmac("veilig-online.processing-log.subject", value, secret=key, algorithm="sha256").hexdigest()[:32]


def victim_subject(organisation_id: int, case_reference: str) -> Subject:
    """The victim of a case: by organisation and case reference, so the pseudonym can be
    found again after the case itself is deleted (the reference is in the access log
    and with the victim)."""
    return Subject(type=SubjectType.VICTIM, ref=_pseudonym(f"case:{organisation_id}:{case_reference.strip().upper()}"))


def staff_subject(user_id: int) -> Subject:
    return Subject(type=SubjectType.STAFF, ref=_pseudonym(f"user:{user_id}"))


# --- Writing -------------------------------------------------------------------------


def _keep_until(now: datetime) -> datetime:
    return now + timedelta(days=settings.PROCESSING_LOG_KEEP_DAYS)


def record(
    *,
    organisation_id: int,
    operation: str,
    name: str,
    activity: str,
    subject: Subject,
    actor: Any = CURRENT_ACTOR,
    actor_organisation_id: int | None = None,
    status: str = Status.OK,
    started_at: datetime | None = None,
    ended_at: datetime | None = None,
) -> ProcessingLogEntry:
    """One entry, written now, as a child span of the current trace. ``actor``: a
    user, a user id, None (the system), or by default whoever this request or job
    works for."""
    return ProcessingLogEntry.objects.create(
        **_fields(
            organisation_id=organisation_id,
            operation=operation,
            name=name,
            activity=activity,
            subject=subject,
            actor=actor,
            actor_organisation_id=actor_organisation_id,
            status=status,
            started_at=started_at,
            ended_at=ended_at,
        )
    )


def record_many(
    *,
    organisation_id: int,
    operation: str,
    name: str,
    activity: str,
    subjects: Iterable[Subject],
    actor: Any = CURRENT_ACTOR,
    actor_organisation_id: int | None = None,
    status: str = Status.OK,
    started_at: datetime | None = None,
    ended_at: datetime | None = None,
) -> int:
    """One entry per subject, in one insert (an export of many cases)."""
    rows = [
        ProcessingLogEntry(
            **_fields(
                organisation_id=organisation_id,
                operation=operation,
                name=name,
                activity=activity,
                subject=subject,
                actor=actor,
                actor_organisation_id=actor_organisation_id,
                status=status,
                started_at=started_at,
                ended_at=ended_at,
            )
        )
        for subject in subjects
    ]
    ProcessingLogEntry.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _fields(
    *,
    organisation_id: int,
    operation: str,
    name: str,
    activity: str,
    subject: Subject,
    actor: Any,
    actor_organisation_id: int | None,
    status: str = Status.OK,
    started_at: datetime | None = None,
    ended_at: datetime | None = None,
) -> dict[str, Any]:
    if operation not in Operation.values:
        raise ValueError(f"Unknown operation {operation!r}.")
    if _ACTIVITIES and activity not in _ACTIVITIES:
        raise ValueError(f"Unknown processing activity {activity!r}: add it to privacy/inventory/activities.py.")
    now = timezone.now()
    context = trace_current()
    actor_id = _current_actor_id() if actor is CURRENT_ACTOR else getattr(actor, "pk", actor)
    return dict(
        organisation_id=organisation_id,
        trace_id=context.trace_id,
        span_id=_new_span_id(),
        parent_span_id=context.span_id,
        name=name,
        operation=operation,
        status=status,
        started_at=started_at or now,
        ended_at=ended_at or now,
        activity=activity,
        subject_type=subject.type,
        subject_ref=subject.ref,
        actor_id=actor_id,
        actor_organisation_id=actor_organisation_id,
        retain_until=_keep_until(now),
    )


@contextmanager
def processing(
    *,
    organisation_id: int,
    operation: str,
    name: str,
    activity: str,
    subjects: list[Subject] | tuple[Subject, ...],
    actor: Any = CURRENT_ACTOR,
    actor_organisation_id: int | None = None,
) -> Iterator[None]:
    """Times the work inside and writes one entry per subject when it ends: ``ok``, or
    ``error`` when it raised (the exception goes on). Use it outside the work's own
    transaction, so an error entry survives the rollback."""
    started_at = timezone.now()
    status = Status.OK
    try:
        yield
    except BaseException:
        status = Status.ERROR
        raise
    finally:
        record_many(
            organisation_id=organisation_id,
            operation=operation,
            name=name,
            activity=activity,
            subjects=subjects,
            actor=actor,
            actor_organisation_id=actor_organisation_id,
            status=status,
            started_at=started_at,
            ended_at=timezone.now(),
        )


# --- Reading and retention -------------------------------------------------------------


def subject_entries(subject: Subject) -> QuerySet[ProcessingLogEntry]:
    """The entries about one data subject in the current organisation's scope."""
    return ProcessingLogEntry.objects.filter(subject_ref=subject.ref, subject_type=subject.type).order_by(
        "-started_at", "-pk"
    )


def expired_purge(*, now: datetime | None = None) -> int:
    """Deletes the entries past their own retention: the one delete path, and the one the
    database triggers allow."""
    now = now or timezone.now()
    table = connection.ops.quote_name(ProcessingLogEntry._meta.db_table)
    column = connection.ops.quote_name("retain_until")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {column} < %s", [now])  # noqa: S608 - names quoted, value bound
        return cursor.rowcount


# --- Staff members: what the audit trail records about them ---------------------------------

_A = "accounts"
# One processing per kind of audit row that is about a member (``subject_user``); None:
# not an entry of its own (no member, or the work writes its own entries).
AUDIT_PROCESSING: dict[str, tuple[str, str, str] | None] = {
    "invitation_sent": None,  # an address, not yet an account
    "invitation_revoked": None,
    "invitation_accepted": (Operation.CREATE, _A, "membership.create"),
    "role_changed": (Operation.UPDATE, _A, "membership.role.update"),
    "member_deactivated": (Operation.UPDATE, _A, "membership.deactivate"),
    "member_reactivated": (Operation.UPDATE, _A, "membership.reactivate"),
    "assignment_created": (Operation.CREATE, "training", "training.assignment.create"),
    "assignment_deleted": (Operation.DELETE, "training", "training.assignment.delete"),
    "assignment_changed": (Operation.UPDATE, "training", "training.assignment.update"),
    "case_settings_changed": None,
    "export_downloaded": None,  # the export's rows wrote their own entries
    "sso_provisioned": (Operation.CREATE, _A, "membership.create.sso"),
    "sso_linked": (Operation.UPDATE, _A, "account.link.sso"),
    "sign_in_settings_changed": None,
    "privacy_request_registered": (Operation.CREATE, "subject_rights", "privacy_request.register"),
    "privacy_request_extended": (Operation.UPDATE, "subject_rights", "privacy_request.extend"),
    "privacy_request_answered": (Operation.UPDATE, "subject_rights", "privacy_request.answer"),
    "privacy_export_created": None,  # the overview writes its own export entries
    "privacy_erasure_done": None,  # the erasure writes its own delete entries
}


def audit_logged(sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    """An audit row about a member is a processing of that member's data."""
    if not created or raw or instance.subject_user_id is None:
        return
    processing = AUDIT_PROCESSING.get(instance.kind)
    if processing is None:
        return
    operation, activity, name = processing
    record(
        organisation_id=instance.organisation_id,
        operation=operation,
        name=name,
        activity=activity,
        subject=staff_subject(instance.subject_user_id),
        actor=instance.actor_id,
        actor_organisation_id=instance.organisation_id,
    )


def staff_read(*, organisation_id: int, user_ids: Iterable[int], name: str, activity: str = _A) -> int:
    """A page showed these members' personal data to the signed-in member: one read
    entry each, in one insert."""
    return record_many(
        organisation_id=organisation_id,
        operation=Operation.READ,
        name=name,
        activity=activity,
        subjects=[staff_subject(user_id) for user_id in user_ids],
        actor_organisation_id=organisation_id,
    )


# Connected when this module is first imported; the referrals app imports it in its
# ready(), so every process (web, worker, tests) has it before any request or task.
post_save.connect(audit_logged, sender=AuditEvent, dispatch_uid="processing_log.audit")
