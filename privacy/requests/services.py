"""The writes of subject access and erasure requests (AVG art. 15 and 17).

Every service checks ``Action.PRIVACY_MANAGE`` of the acting member, runs in one
transaction with its audit row (never the person: the audit detail names the request
by id and kind only) and plans or cancels the due-date reminder in that transaction.
They run in the organisation's scope (a view's, or ``TenantTask``'s).

* ``subject_request_register``: a request with the legal due date (one calendar month
  after receipt, art. 12 lid 3; 31 January → 28/29 February).
* ``subject_request_extend``: at most two more months after the first due date, with a
  reason, only while the current due date has not passed.
* ``subject_request_answer``: the answer and its date; the reminder is cancelled.
* ``subject_request_export``: the overview (ZIP with ``gegevens.json`` and
  ``overzicht.pdf``) of an access request; small ones at once, large ones as an export
  job (``privacy/requests/exports.py``).
* ``subject_request_erase``: applies ``privacy.erasure.erasure_apply`` once and keeps
  what it did and kept.
* ``subject_requests_reduce``: the retention sweep (counts only after
  ``SUBJECT_REQUESTS_KEEP_MONTHS``).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import exports
from portal.models import AuditEvent, ExportJob, Membership, Organisation, User
from portal.processing_log import Operation, record, staff_subject, victim_subject
from portal.roles import Action, require_permission
from portal.services import audit_record
from privacy import messages
from privacy.erasure import ErasureItem, erasure_apply
from privacy.models import SubjectRequest
from privacy.subject_data import PersonSubject, StaffSubject, VictimSubject, subject_collect, subject_size, subject_zip
from privacy.subject_data import subject_validate as _subject_validate

# The export kind of an access request's overview (registered in privacy/requests/exports.py).
EXPORT_KIND = "privacy_subject_access"
# At most this much longer than the first due date (art. 12 lid 3 AVG).
MAX_EXTENSION_MONTHS = 2


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later; the month's last day when it is
    shorter (31 January + 1 → 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(received_on: date) -> date:
    """The legal due date: one calendar month after the request came in."""
    return add_months(received_on, 1)


def request_person(request: SubjectRequest) -> PersonSubject:
    """Whom the request is about, as the subject-data functions take it."""
    if request.subject_type == SubjectRequest.SubjectType.VICTIM:
        return VictimSubject(case_references=tuple(request.case_references), pseudonym=request.pseudonym)
    if request.subject_user_id is None:
        raise ValidationError(_("Het account van dit lid bestaat niet meer."))
    return StaffSubject(user_id=request.subject_user_id)


def _log_subjects(organisation: Organisation, person: PersonSubject) -> list[tuple[Any, str]]:
    """The processing log's pseudonymous subjects of a person, with their activity (answering
    a data subject: ``subject_rights`` in the register)."""
    if isinstance(person, VictimSubject):
        return [(victim_subject(organisation.pk, ref), "subject_rights") for ref in person.case_references]
    return [(staff_subject(person.user_id), "subject_rights")]


def _log_export(organisation: Organisation, person: PersonSubject, *, name: str, actor: User | None) -> None:
    for subject, activity in _log_subjects(organisation, person):
        record(
            organisation_id=organisation.pk,
            operation=Operation.EXPORT,
            name=name,
            activity=activity,
            subject=subject,
            actor=actor,
        )


def _locked(request: SubjectRequest) -> SubjectRequest:
    return SubjectRequest.objects.select_for_update().get(pk=request.pk)


def _refuse_when_reduced(request: SubjectRequest) -> None:
    if request.is_reduced:
        raise ValidationError(_("Dit verzoek is na de bewaartermijn teruggebracht tot aantallen."))


# --- Register, extend, answer -----------------------------------------------------------


def subject_request_register(
    *,
    organisation: Organisation,
    actor_membership: Membership,
    kind: str,
    person: PersonSubject,
    received_on: date,
    today: date | None = None,
) -> SubjectRequest:
    """Register a request; the due date is one month after ``received_on``.

    Refuses (``ValidationError`` on the field) a date in the future and a person the
    organisation does not know (``privacy.subject_data.subject_validate``: fields
    ``case_references``, ``pseudonym``, ``user``). Plans the reminder 7 days before the
    due date in the same transaction."""
    require_permission(actor_membership, Action.PRIVACY_MANAGE)
    today = today or timezone.localdate()
    if kind not in SubjectRequest.Kind.values:
        raise ValidationError({"kind": _("Kies inzage of verwijderen.")})
    if received_on > today:
        raise ValidationError({"received_on": _("De datum van ontvangst kan niet in de toekomst liggen.")})
    _subject_validate(organisation=organisation, subject=person)
    with transaction.atomic():
        if isinstance(person, VictimSubject):
            fields: dict[str, Any] = {
                "subject_type": SubjectRequest.SubjectType.VICTIM,
                "case_references": list(person.case_references),
                "pseudonym": person.pseudonym,
            }
        else:
            fields = {"subject_type": SubjectRequest.SubjectType.STAFF, "subject_user_id": person.user_id}
        request = SubjectRequest.objects.create(
            organisation=organisation,
            kind=kind,
            received_on=received_on,
            due_on=due_date(received_on),
            handled_by=actor_membership.user,
            **fields,
        )
        audit_record(
            organisation=organisation,
            kind=AuditEvent.Kind.PRIVACY_REQUEST_REGISTERED,
            actor=actor_membership.user,
            detail=f"verzoek {request.pk}, {request.kind}",
        )
        messages.plan_due(request)
    return request


def extension_limit(request: SubjectRequest) -> date:
    """The latest date an extension may reach: two months after the first due date."""
    return add_months(request.due_on, MAX_EXTENSION_MONTHS)


def subject_request_extend(
    *,
    request: SubjectRequest,
    actor_membership: Membership,
    months: int,
    reason: str,
    today: date | None = None,
) -> SubjectRequest:
    """Extend the due date to ``months`` (1 or 2) after the first due date (art. 12 lid 3).

    Only an open request whose current due date has not passed, with a reason; never
    beyond two months after the first due date, and never earlier than it is now. The
    reminder moves with it."""
    require_permission(actor_membership, Action.PRIVACY_MANAGE)
    today = today or timezone.localdate()
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Schrijf op waarom het verzoek meer tijd nodig heeft.")})
    if months not in range(1, MAX_EXTENSION_MONTHS + 1):
        raise ValidationError({"months": _("Verlengen kan met 1 of 2 maanden.")})
    with transaction.atomic():
        request = _locked(request)
        _refuse_when_reduced(request)
        if not request.is_open:
            raise ValidationError(_("Dit verzoek is al beantwoord."))
        if today > request.final_due_on:
            raise ValidationError(_("De uiterste datum is al voorbij. Verlengen kan alleen vóór de uiterste datum."))
        new_due = add_months(request.due_on, months)
        if new_due <= request.final_due_on:
            raise ValidationError(
                {
                    "months": _("Het verzoek is al verlengd tot %(date)s. Kies een langere termijn.")
                    % {"date": request.final_due_on.strftime("%d-%m-%Y")}
                }
            )
        request.extended_until = new_due
        request.extension_reason = reason
        request.save(update_fields=["extended_until", "extension_reason"])
        audit_record(
            organisation=request.organisation,
            kind=AuditEvent.Kind.PRIVACY_REQUEST_EXTENDED,
            actor=actor_membership.user,
            detail=f"verzoek {request.pk}, tot {new_due.isoformat()}",
        )
        messages.plan_due(request)
    return request


def subject_request_answer(
    *,
    request: SubjectRequest,
    actor_membership: Membership,
    answer: str,
    answered_on: date,
    today: date | None = None,
) -> SubjectRequest:
    """Close the request with the answer that was sent and its date; the reminder is
    cancelled. The date lies between receipt and today."""
    require_permission(actor_membership, Action.PRIVACY_MANAGE)
    today = today or timezone.localdate()
    answer = answer.strip()
    if not answer:
        raise ValidationError({"answer": _("Schrijf kort op wat je hebt geantwoord en gedaan.")})
    with transaction.atomic():
        request = _locked(request)
        _refuse_when_reduced(request)
        if not request.is_open:
            raise ValidationError(_("Dit verzoek is al beantwoord."))
        if answered_on > today:
            raise ValidationError({"answered_on": _("De datum van het antwoord kan niet in de toekomst liggen.")})
        if answered_on < request.received_on:
            raise ValidationError(
                {"answered_on": _("De datum van het antwoord kan niet vóór de ontvangst van het verzoek liggen.")}
            )
        request.status = SubjectRequest.Status.ANSWERED
        request.answer = answer
        request.answered_on = answered_on
        request.handled_by = actor_membership.user
        request.save(update_fields=["status", "answer", "answered_on", "handled_by"])
        audit_record(
            organisation=request.organisation,
            kind=AuditEvent.Kind.PRIVACY_REQUEST_ANSWERED,
            actor=actor_membership.user,
            detail=f"verzoek {request.pk}, {request.kind}, {'op tijd' if answered_on <= request.final_due_on else 'te laat'}",
        )
        messages.cancel_due(request)
    return request


# --- The overview of an access request -------------------------------------------------------


def inline_max() -> int:
    """Up to this many rows, the overview is made at once; larger ones by a worker."""
    return int(getattr(settings, "SUBJECT_EXPORT_INLINE_MAX_ROWS", settings.EXPORT_INLINE_MAX_ROWS))


@dataclass(frozen=True)
class Overview:
    """What ``subject_request_export`` gave: the file at once, or the job that makes it."""

    content: bytes | None = None
    job: ExportJob | None = None


def _check_access_request(request: SubjectRequest) -> None:
    _refuse_when_reduced(request)
    if request.kind != SubjectRequest.Kind.ACCESS:
        raise ValidationError(_("Een overzicht maak je alleen bij een inzageverzoek."))


def subject_request_export(
    *,
    request: SubjectRequest,
    actor_membership: Membership,
    enqueue: Callable[[int], None] | None = None,
) -> Overview:
    """Make the overview of an access request.

    At most ``inline_max()`` rows (``subject_size``): collected and zipped now; its
    creation and download are audited and written to the processing log (operation
    export, per case reference or for the member). Larger: an export job (the file
    under ``EXPORT_ROOT``, expiring like every export) linked to the request; the
    worker audits and logs the creation, each download is audited and logged
    (``privacy/requests/exports.py``)."""
    require_permission(actor_membership, Action.PRIVACY_MANAGE)
    _check_access_request(request)
    organisation, user = request.organisation, actor_membership.user
    person = request_person(request)
    size = subject_size(organisation=organisation, subject=person)
    if size > inline_max():
        with transaction.atomic():
            job = exports.export_request(
                organisation=organisation,
                membership=actor_membership,
                kind=EXPORT_KIND,
                params={"request_id": request.pk, "actor_id": user.pk},
                file_format=ExportJob.Format.ZIP,
                enqueue=enqueue,
            )
            SubjectRequest.objects.filter(pk=request.pk).update(export=job)
            request.export = job
        return Overview(job=job)
    content = subject_zip(subject_collect(organisation=organisation, subject=person))
    with transaction.atomic():
        overview_created(organisation=organisation, request=request, person=person, actor=user, by_worker=False)
        exports.export_downloaded(
            organisation=organisation, user=user, kind=EXPORT_KIND, file_format=ExportJob.Format.ZIP, rows=size
        )
        overview_downloaded(organisation=organisation, request=request, actor=user)
    return Overview(content=content)


def overview_created(
    *,
    organisation: Organisation,
    request: SubjectRequest,
    person: PersonSubject,
    actor: User | None,
    by_worker: bool,
) -> None:
    """The audit row and processing-log entries of a made overview (in the caller's transaction)."""
    where = "exporttaak" if by_worker else "direct"
    audit_record(
        organisation=organisation,
        kind=AuditEvent.Kind.PRIVACY_EXPORT_CREATED,
        actor=actor,
        detail=f"verzoek {request.pk}, {where}",
    )
    _log_export(organisation, person, name="privacy.subject_access.created", actor=actor)


def overview_downloaded(*, organisation: Organisation, request: SubjectRequest, actor: User) -> None:
    """The processing-log entries of a download (the audit row is ``export_downloaded``'s)."""
    if request.is_reduced:
        return
    try:
        person = request_person(request)
    except ValidationError:
        return
    _log_export(organisation, person, name="privacy.subject_access.downloaded", actor=actor)


# --- Erasure ---------------------------------------------------------------------------


def subject_request_erase(*, request: SubjectRequest, actor_membership: Membership) -> list[ErasureItem]:
    """Apply the erasure of an erasure request, once, and keep what was erased and what
    was kept and why (``erasure_result``). ``erasure_apply`` writes the processing
    log's delete entries; this writes the request and its audit row, in the same
    transaction."""
    require_permission(actor_membership, Action.PRIVACY_MANAGE)
    with transaction.atomic():
        request = _locked(request)
        _refuse_when_reduced(request)
        if request.kind != SubjectRequest.Kind.ERASURE:
            raise ValidationError(_("Verwijderen doe je alleen bij een verwijderverzoek."))
        if not request.is_open:
            raise ValidationError(_("Dit verzoek is al beantwoord."))
        if request.erasure_done_at is not None:
            raise ValidationError(_("Het verwijderen is al gedaan. Je ziet hieronder wat er is gebeurd."))
        items: list[ErasureItem] = erasure_apply(
            organisation=request.organisation, subject=request_person(request), actor=actor_membership.user
        )
        request.erasure_result = [asdict(item) for item in items]
        request.erasure_done_at = timezone.now()
        request.save(update_fields=["erasure_result", "erasure_done_at"])
        erased = sum(1 for item in items if item.erased)
        audit_record(
            organisation=request.organisation,
            kind=AuditEvent.Kind.PRIVACY_ERASURE_DONE,
            actor=actor_membership.user,
            detail=f"verzoek {request.pk}, {erased} verwijderd, {len(items) - erased} bewaard",
        )
    return items


# --- Retention ---------------------------------------------------------------------------


def reduce_before(today: date) -> date:
    """Requests answered before this day are reduced to counts."""
    return add_months(today, -settings.SUBJECT_REQUESTS_KEEP_MONTHS)


def subject_requests_reduce(*, organisation: Organisation, now: datetime | None = None) -> int:
    """Retention, for one organisation (in its scope): every request answered more than
    ``SUBJECT_REQUESTS_KEEP_MONTHS`` ago loses what says whom it was about (case
    references, pseudonym, member, extension reason, answer, erasure result, the export
    link); kind, dates and status stay, for counts. Safe to run twice. The daily task
    (``privacy.tasks.subject_requests_reduce``) runs it for every organisation."""
    now = now or timezone.now()
    with transaction.atomic():
        return SubjectRequest.objects.filter(
            organisation=organisation,
            status=SubjectRequest.Status.ANSWERED,
            answered_on__lt=reduce_before(timezone.localdate(now)),
            reduced_at__isnull=True,
        ).update(
            case_references=[],
            pseudonym="",
            subject_user=None,
            extension_reason="",
            answer="",
            erasure_result=[],
            export=None,
            reduced_at=now,
        )
