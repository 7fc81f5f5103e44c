"""What the referrals app writes to the processing log (portal/processing_log.py).

Every change to a case leaves a line in its chronology (``CaseEvent``) and every read
of a victim's personal data a row in the access log (``PersonalDataAccess``); both are
written by the services in the transaction of the work. The receivers below turn each
of those rows, and each deleted case, into one processing-log entry about the victim,
so no service can change or read a case without an entry and the entry stands or
falls with the work. The chronology's line about a read (``PERSONAL_DATA_VIEWED``) is
skipped: the access-log row of the same read is its entry.

Work on a referral after it was sent (the partner acknowledges, answers, reads the
summary) continues the trace the referral was sent in (``Referral.trace_id``).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from django.db.models.signals import post_delete, post_save

from portal.processing_log import Operation, record, trace_continued, victim_subject
from referrals.models import Case, CaseEvent, PersonalDataAccess, Referral

K = CaseEvent.Kind


class Processing(NamedTuple):
    operation: str
    activity: str
    name: str


CASE = "case_handling"
REFERRAL = "referral"

# One processing per kind of chronology line; None: not an entry of its own.
EVENT_PROCESSING: dict[str, Processing | None] = {  # keyed by CaseEvent.Kind
    K.OPENED: Processing(Operation.CREATE, CASE, "case.open"),
    K.FACTS_CHANGED: Processing(Operation.UPDATE, CASE, "case.facts.update"),
    K.ROUTED: Processing(Operation.UPDATE, CASE, "case.route"),
    K.ACTIONS_CHOSEN: Processing(Operation.UPDATE, CASE, "case.actions.choose"),
    K.EVIDENCE_RECORDED: Processing(Operation.CREATE, CASE, "case.evidence.record"),
    K.CONSENT_RECORDED: Processing(Operation.UPDATE, CASE, "case.wishes.record"),
    K.CONTACT_CHANGED: Processing(Operation.UPDATE, CASE, "case.contact_details.update"),
    K.REFERRAL_DRAFTED: Processing(Operation.CREATE, REFERRAL, "referral.draft"),
    K.CONSENT_GIVEN: Processing(Operation.CREATE, REFERRAL, "referral.consent.record"),
    K.CONSENT_WITHDRAWN: Processing(Operation.UPDATE, REFERRAL, "referral.consent.withdraw"),
    K.REFERRAL_SENT: Processing(Operation.SHARE, REFERRAL, "referral.send"),
    K.ACKNOWLEDGED: Processing(Operation.UPDATE, REFERRAL, "referral.acknowledge"),
    K.REFERRAL_ACCEPTED: Processing(Operation.UPDATE, REFERRAL, "referral.accept"),
    K.REFERRAL_DECLINED: Processing(Operation.UPDATE, REFERRAL, "referral.decline"),
    K.REFERRAL_UPDATE: Processing(Operation.UPDATE, REFERRAL, "referral.message"),
    K.REFERRAL_CLOSED: Processing(Operation.UPDATE, REFERRAL, "referral.close"),
    K.REFERRAL_REDIRECTED: Processing(Operation.UPDATE, REFERRAL, "referral.redirect"),
    K.LINK_CREATED: Processing(Operation.SHARE, REFERRAL, "referral.link.create"),
    K.LINK_REVOKED: Processing(Operation.UPDATE, REFERRAL, "referral.link.revoke"),
    K.NOTE: Processing(Operation.CREATE, CASE, "case.note.add"),
    K.TASK_DONE: Processing(Operation.UPDATE, CASE, "case.task.complete"),
    K.REMINDER_SENT: Processing(Operation.READ, "notifications", "case.reminder.send"),
    K.PERSONAL_DATA_VIEWED: None,  # the access-log row of the same read is the entry
    K.CLOSED: Processing(Operation.UPDATE, CASE, "case.close"),
    K.ANONYMISED: Processing(Operation.DELETE, CASE, "case.anonymise"),
}

# Chronology lines written by the partner organisation (the actor is one of theirs).
PARTNER_KINDS = frozenset({K.ACKNOWLEDGED, K.REFERRAL_ACCEPTED, K.REFERRAL_DECLINED})

ACCESS_NAMES: dict[str, str] = {
    PersonalDataAccess.Kind.CONTACT_DETAILS: "case.contact_details.read",
    PersonalDataAccess.Kind.CASE_FILE: "case.file.read",
    PersonalDataAccess.Kind.REFERRAL: "referral.summary.read",
}


def _case_reference(organisation_id: int, case_id: int) -> str | None:
    with_scope = Case.objects.with_scope(organisation=organisation_id)  # type: ignore[attr-defined]
    return with_scope.filter(pk=case_id).values_list("reference", flat=True).first()


def _referral_facts(event: CaseEvent) -> tuple[str, int | None, int | None]:
    """The referral's trace, partner and municipality, from the instance the service
    passed (no query) or else one read."""
    if event.referral_id is None:
        return "", None, None
    if CaseEvent.referral.is_cached(event) and event.referral is not None:
        referral = event.referral
        return referral.trace_id, referral.partner_id, referral.municipality_id
    row = (
        Referral.objects.with_scope(organisation=event.organisation_id)  # type: ignore[attr-defined]
        .filter(pk=event.referral_id)
        .values_list("trace_id", "partner_id", "municipality_id")
        .first()
    )
    return row if row is not None else ("", None, None)


def case_event_logged(sender: Any, instance: CaseEvent, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if not created or raw:
        return
    processing = EVENT_PROCESSING.get(instance.kind)
    if processing is None:
        return
    if CaseEvent.case.is_cached(instance):
        reference: str | None = instance.case.reference
    else:
        reference = _case_reference(instance.organisation_id, instance.case_id)
    if reference is None:
        return
    trace_id, partner_id, municipality_id = _referral_facts(instance)
    actor_organisation_id: int | None = instance.organisation_id
    if instance.kind in PARTNER_KINDS:
        actor_organisation_id = partner_id
    elif instance.kind == K.REFERRAL_REDIRECTED:
        actor_organisation_id = municipality_id
    elif instance.actor_id is None:
        actor_organisation_id = None
    with trace_continued(trace_id or None):
        record(
            organisation_id=instance.organisation_id,
            operation=processing.operation,
            name=processing.name,
            activity=processing.activity,
            subject=victim_subject(instance.organisation_id, reference),
            actor=instance.actor_id,
            actor_organisation_id=actor_organisation_id,
        )


def access_logged(sender: Any, instance: PersonalDataAccess, created: bool, raw: bool = False, **kwargs: Any) -> None:
    """A read of personal data. Read by another organisation (a partner, through the
    referral) it is the moment the data is shared with them."""
    if not created or raw:
        return
    reader_organisation_id = instance.reader_organisation_id
    shared = instance.kind == PersonalDataAccess.Kind.REFERRAL or (
        reader_organisation_id is not None and reader_organisation_id != instance.organisation_id
    )
    record(
        organisation_id=instance.organisation_id,
        operation=Operation.SHARE if shared else Operation.READ,
        name=ACCESS_NAMES.get(instance.kind, "case.personal_data.read"),
        activity=REFERRAL if shared else CASE,
        subject=victim_subject(instance.organisation_id, instance.case_reference),
        actor=instance.user_id,
        actor_organisation_id=reader_organisation_id,
    )


def case_deleted(sender: Any, instance: Case, **kwargs: Any) -> None:
    """A case leaves the database (retention, erasure): the last entry about it."""
    record(
        organisation_id=instance.organisation_id,
        operation=Operation.DELETE,
        name="case.delete",
        activity=CASE,
        subject=victim_subject(instance.organisation_id, instance.reference),
    )


def connect() -> None:
    post_save.connect(case_event_logged, sender=CaseEvent, dispatch_uid="processing_log.case_event")
    post_save.connect(access_logged, sender=PersonalDataAccess, dispatch_uid="processing_log.access")
    post_delete.connect(case_deleted, sender=Case, dispatch_uid="processing_log.case_delete")
