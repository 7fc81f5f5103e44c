"""Data for the subject-access and erasure tests: a victim's case with everything that
can hang on it, and a member with training, in one organisation (call twice for two)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_scopes import scope

from messaging.models import Notification, NotificationKind
from portal.models import AuditEvent, Membership
from referrals.models import (
    Case,
    CaseEvent,
    CaseNote,
    EvidenceItem,
    PersonalDataAccess,
    Referral,
    ReferralUpdate,
    VictimContact,
)
from tests.referrals.factories import CaseFactory, CaseTaskFactory, ReferralFactory
from tests.training.factories import AttemptFactory, CertificateFactory
from training.models import Answer, LessonProgress, ModuleAttempt


def full_case(
    org,
    handler,
    *,
    reference: str,
    pseudonym: str = "J.B.",
    rows: int = 1,
    partner=None,
    closed: bool = False,
    note_text: str = "Moeder gebeld over de berichten.",
):
    """A case of ``org`` handled by ``handler`` (a membership) with ``rows`` notes, evidence
    items, tasks and chronology lines, contact details, a referral (to ``partner`` when
    given) with consent and a message, and an access-log row by the partner."""
    now = timezone.now()
    case = CaseFactory(
        organisation=org,
        reference=reference,
        pseudonym=pseudonym,
        handler=handler.user,
        raised_by=handler.user,
        signal="Dreigberichten via een chatapp.",
        first_impressions="Bang, wil dat het stopt.",
        facts={"country": org.country, "victim_age": 15, "forms": ["sextortion"]},
        consent_contact=True,
        consent_referral=True,
        status=Case.Status.CLOSED if closed else Case.Status.OPEN,
        outcome="referred" if closed else "",
        closed_at=now - timedelta(days=3) if closed else None,
    )
    with scope(organisation=org):
        VictimContact.objects.create(
            organisation=org, case=case, name="Jamie", phone="06-12345678", email="jamie@example.net", note="via mail"
        )
        for number in range(rows):
            CaseNote.objects.create(organisation=org, case=case, author=handler.user, text=f"{note_text} ({number})")
            EvidenceItem.objects.create(
                organisation=org,
                case=case,
                kind="url",
                platform="Snapchat",
                description=f"Schermafbeelding {number}",
                kept_where="telefoon van de ouder",
                recorded_by=handler.user,
            )
            CaseEvent.objects.create(
                organisation=org, case=case, kind=CaseEvent.Kind.NOTE, actor=handler.user, detail="Notitie"
            )
        PersonalDataAccess.objects.create(
            organisation=org,
            case=case,
            case_reference=case.reference,
            user=handler.user,
            reader_organisation=org,
            reason="Terugbellen over de aangifte",
        )
    for number in range(rows):
        CaseTaskFactory(organisation=org, case=case, title=f"Taak {number}", assignee=handler.user)
    status = Referral.Status.CLOSED if closed else Referral.Status.ACCEPTED
    referral = ReferralFactory(organisation=org, case=case, partner=partner, status=status, created_by=handler.user)
    with scope(organisation=org):
        ReferralUpdate.objects.create(
            organisation=org,
            referral=referral,
            author_label=partner.name if partner else "Slachtofferhulp Nederland",
            text="We hebben contact gehad.",
        )
        if partner is not None:
            PersonalDataAccess.objects.create(
                organisation=org,
                case=case,
                case_reference=case.reference,
                user=None,
                reader_organisation=partner,
                kind=PersonalDataAccess.Kind.REFERRAL,
                reason="Doorverwijzing gelezen",
            )
    return case


def training_in(membership, module, lessons, *, passed: bool = True):
    """A passed attempt (with an answer and a lesson done) and its certificate, issued by
    the membership's organisation, started now."""
    attempt = AttemptFactory(
        user=membership.user,
        module=module,
        status=ModuleAttempt.Status.PASSED if passed else ModuleAttempt.Status.OPEN,
        finished_at=timezone.now() if passed else None,
        score=100 if passed else None,
    )
    LessonProgress.objects.create(attempt=attempt, lesson=lessons[0])
    Answer.objects.create(attempt=attempt, lesson=lessons[0], question_id="q1", option_ids=["a"], is_correct=True)
    certificate = None
    if passed:
        certificate = CertificateFactory(
            user=membership.user,
            module=module,
            attempt=attempt,
            organisation=membership.organisation,
            organisation_name=membership.organisation.name,
        )
    return attempt, certificate


def staff_traces(membership, *, detail: str = "Rol gewijzigd"):
    """A notification and an audit row about the member in its organisation."""
    org = membership.organisation
    Notification.objects.create(
        user=membership.user, organisation=org, kind=NotificationKind.TRAINING_DUE, title=f"Training bij {org.name}"
    )
    with scope(organisation=org):
        AuditEvent.objects.create(
            organisation=org, kind=AuditEvent.Kind.ROLE_CHANGED, actor=None, subject_user=membership.user, detail=detail
        )
    return membership


def backdate(membership: Membership, days: int) -> Membership:
    with scope(organisation=membership.organisation):
        Membership.objects.filter(pk=membership.pk).update(created_at=timezone.now() - timedelta(days=days))
    membership.refresh_from_db()
    return membership
