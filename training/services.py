"""Writes for the training: answers, lessons, attempts, certificates and assignments.

Verbs on nouns, keyword-only, one transaction each. Scoring happens here, on the
server, from the lesson's content: the browser only sends which options it chose.

Tampered input (an option or question that does not exist here, another learner's
attempt, answering in a finished attempt or twice in one attempt) raises
``AnswerRejected`` before anything is written; the view answers 400.
"""

from __future__ import annotations

import calendar
import secrets
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.models import KnowledgeCheck, LessonPage, ModulePage
from messaging import reminders
from messaging.subjects import Subject
from portal.models import AuditEvent, Membership, Organisation, User
from portal.roles import Action, require_permission
from portal.services import audit_record
from training import messages
from training.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Answer,
    Assignment,
    Certificate,
    LessonProgress,
    ModuleAttempt,
)


class AnswerRejected(Exception):
    """Input that the page could not have sent. ``message`` is Dutch, for the learner."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- Attempts --------------------------------------------------------------------


def _next_number(*, user: User, module: ModulePage) -> int:
    highest = ModuleAttempt.objects.filter(user=user, module=module).aggregate(n=Max("number"))["n"]
    return (highest or 0) + 1


def attempt_start(*, learner: User, module: ModulePage) -> ModuleAttempt:
    """Start a new attempt. An attempt still in progress is kept, marked as stopped."""
    with transaction.atomic():
        ModuleAttempt.objects.select_for_update().filter(
            user=learner, module=module, status=ModuleAttempt.Status.OPEN
        ).update(status=ModuleAttempt.Status.STOPPED, finished_at=timezone.now())
        return ModuleAttempt.objects.create(
            user=learner, module=module, number=_next_number(user=learner, module=module)
        )


def _attempt_for_write(*, learner: User, module: ModulePage, attempt_id: int | None) -> ModuleAttempt:
    """The open attempt a form refers to, locked for this transaction.

    A form without an attempt comes from a page shown before the learner began:
    the first answer starts attempt 1. After a finished attempt a new one must be
    started on purpose, so an old page cannot quietly add answers.
    """
    if attempt_id is None:
        attempts = list(ModuleAttempt.objects.select_for_update().filter(user=learner, module=module))
        open_attempts = [a for a in attempts if a.is_open]
        if open_attempts:
            return open_attempts[0]
        if attempts:
            raise AnswerRejected(
                _("Je hebt deze module al afgerond. Begin een nieuwe poging om opnieuw te antwoorden.")
            )
        try:
            with transaction.atomic():
                return ModuleAttempt.objects.create(user=learner, module=module, number=1)
        except IntegrityError:
            # Another request of the same learner started it a moment ago.
            return ModuleAttempt.objects.select_for_update().get(
                user=learner, module=module, status=ModuleAttempt.Status.OPEN
            )
    attempt = ModuleAttempt.objects.select_for_update().filter(pk=attempt_id, user=learner).first()
    if attempt is None:
        raise AnswerRejected(_("Deze poging is niet van jou."))
    if attempt.module_id != module.pk:
        raise AnswerRejected(_("Deze poging hoort bij een andere module."))
    if not attempt.is_open:
        raise AnswerRejected(_("Deze poging is al afgerond. Begin een nieuwe poging om opnieuw te antwoorden."))
    return attempt


# --- Answers ---------------------------------------------------------------------


def _check_in_lesson(*, lesson: LessonPage, question_id: str, country: str | None) -> KnowledgeCheck:
    for check in lesson.knowledge_checks(country):
        if check.id == question_id:
            return check
    raise AnswerRejected(_("Deze vraag hoort niet bij deze les."))


def score_answer(*, check: KnowledgeCheck, option_ids: list[str]) -> bool:
    """Right when exactly the correct options are chosen (one, or all of several)."""
    return frozenset(option_ids) == check.correct_ids


def progress_record_answer(
    *,
    learner: User,
    module: ModulePage,
    lesson: LessonPage,
    attempt_id: int | None,
    question_id: str,
    option_ids: list[str],
    country: str | None = None,
) -> Answer:
    """Record and score one answer of ``learner`` to a knowledge check of ``lesson``.

    ``country`` is the learner's organisation's country: a question meant for the
    other country is refused as not being part of the lesson. ``None`` accepts every
    question (no country known).

    Starts attempt 1 when the learner has none yet. Raises ``AnswerRejected`` for
    tampered input and ``ValidationError`` when no option was chosen; in both cases
    nothing is written.
    """
    check = _check_in_lesson(lesson=lesson, question_id=question_id, country=country)
    if not option_ids:
        raise ValidationError(_("Kies een antwoord.") if not check.multiple else _("Kies minstens één antwoord."))
    known = {option["id"] for option in check.options}
    if len(set(option_ids)) != len(option_ids) or not set(option_ids) <= known:
        raise AnswerRejected(_("Dit antwoord hoort niet bij deze vraag."))
    if not check.multiple and len(option_ids) != 1:
        raise AnswerRejected(_("Bij deze vraag kies je één antwoord."))

    with transaction.atomic():
        attempt = _attempt_for_write(learner=learner, module=module, attempt_id=attempt_id)
        if Answer.objects.filter(attempt=attempt, question_id=question_id).exists():
            raise AnswerRejected(_("Je hebt deze vraag al beantwoord in deze poging."))
        try:
            with transaction.atomic():
                return Answer.objects.create(
                    attempt=attempt,
                    lesson=lesson,
                    question_id=question_id,
                    option_ids=list(option_ids),
                    is_correct=score_answer(check=check, option_ids=option_ids),
                )
        except IntegrityError:
            raise AnswerRejected(_("Je hebt deze vraag al beantwoord in deze poging.")) from None


# --- Lessons and finishing a module ----------------------------------------------


@dataclass(frozen=True)
class LessonCompleted:
    attempt: ModuleAttempt
    next_lesson: LessonPage | None
    certificate: Certificate | None

    @property
    def module_finished(self) -> bool:
        return not self.attempt.is_open


def progress_complete_lesson(
    *,
    learner: User,
    module: ModulePage,
    lesson: LessonPage,
    attempt_id: int | None,
    country: str | None = None,
    organisation: Organisation | None = None,
) -> LessonCompleted:
    """Mark ``lesson`` done in the learner's attempt.

    Every knowledge check of the lesson for the learner's ``country`` must be
    answered first, and only those count for the score (``None``: all of them).
    ``organisation`` is where the learner does this: a certificate names it. When this was the
    last lesson not done, the attempt is finished and scored: all lessons done and
    a score of at least the module's pass mark passes it and issues a certificate,
    in the same transaction. Completing a lesson twice changes nothing.
    """
    lessons = list(module.lessons())
    if lesson not in lessons:
        raise AnswerRejected(_("Deze les hoort niet bij deze module."))
    with transaction.atomic():
        attempt = _attempt_for_write(learner=learner, module=module, attempt_id=attempt_id)
        answered = set(Answer.objects.filter(attempt=attempt, lesson=lesson).values_list("question_id", flat=True))
        missing = [check for check in lesson.knowledge_checks(country) if check.id not in answered]
        if missing:
            raise ValidationError(_("Beantwoord eerst alle vragen van deze les."))
        LessonProgress.objects.get_or_create(attempt=attempt, lesson=lesson)
        done = set(LessonProgress.objects.filter(attempt=attempt).values_list("lesson_id", flat=True))
        next_lesson = next((item for item in lessons if item.pk not in done), None)
        certificate = None
        if next_lesson is None:
            certificate = _attempt_finish(
                attempt=attempt, module=module, lessons=lessons, country=country, organisation=organisation
            )
    return LessonCompleted(attempt=attempt, next_lesson=next_lesson, certificate=certificate)


def _attempt_finish(
    *,
    attempt: ModuleAttempt,
    module: ModulePage,
    lessons: list[LessonPage],
    country: str | None,
    organisation: Organisation | None,
) -> Certificate | None:
    """Score the attempt over the knowledge checks of the module's live lessons that
    are meant for the learner's country."""
    question_ids = {check.id for lesson in lessons for check in lesson.knowledge_checks(country)}
    correct = Answer.objects.filter(attempt=attempt, question_id__in=question_ids, is_correct=True).count()
    total = len(question_ids)
    score = round(100 * correct / total) if total else 100
    attempt.correct_count = correct
    attempt.question_count = total
    attempt.score = score
    attempt.finished_at = timezone.now()
    passed = score >= module.pass_mark
    attempt.status = ModuleAttempt.Status.PASSED if passed else ModuleAttempt.Status.FAILED
    attempt.save(update_fields=["correct_count", "question_count", "score", "finished_at", "status"])
    if not passed:
        return None
    return certificate_issue(attempt=attempt, module=module, organisation=organisation)


# --- Certificates ----------------------------------------------------------------


def add_months(moment: datetime, months: int) -> datetime:
    """The same local time ``months`` later; the 31st becomes the month's last day."""
    local = timezone.localtime(moment)
    index = local.month - 1 + months
    year, month = local.year + index // 12, index % 12 + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    return local.replace(year=year, month=month, day=day)


def new_certificate_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_certificate_code(raw: str) -> str:
    """What people type: lower case, spaces and dashes are fine."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())[: CODE_LENGTH + 8]


def certificate_issue(
    *,
    attempt: ModuleAttempt,
    module: ModulePage,
    issued_at: datetime | None = None,
    organisation: Organisation | None = None,
) -> Certificate:
    """Issue the certificate of a passed attempt, valid for the module's validity,
    in the name of ``organisation`` (where the learner finished; its name is copied)."""
    issued_at = issued_at or timezone.now()
    user = attempt.user
    for _try in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    user=user,
                    module=module,
                    attempt=attempt,
                    code=new_certificate_code(),
                    # The name only: the certificate's code shows it on a public page, and an
                    # address must never appear there. No name given: the field stays empty.
                    holder_name=user.get_full_name(),
                    module_title=module.title,
                    organisation=organisation,
                    organisation_name=organisation.name if organisation is not None else "",
                    issued_at=issued_at,
                    expires_at=add_months(issued_at, module.certificate_validity_months),
                )
                # A new certificate ends the warnings about the learner's earlier ones.
                earlier = Certificate.objects.filter(user=user, module=module).exclude(pk=certificate.pk)
                reminders.reminders_cancel(
                    subjects=[Subject.certificate(pk) for pk in earlier.values_list("pk", flat=True)]
                )
                messages.plan_certificate(certificate)
                return certificate
        except IntegrityError:
            # A code collision (about one in 2**59) or a certificate for this attempt already.
            existing = Certificate.objects.filter(attempt=attempt).first()
            if existing is not None:
                return existing
    raise RuntimeError("Could not find a free certificate code")


# --- Assignments -----------------------------------------------------------------


def assignment_create(
    *,
    actor_membership: Membership,
    module: ModulePage,
    due_date: date,
    role: str = "",
    membership: Membership | None = None,
) -> Assignment:
    """Assign ``module`` to a role or to one member of the actor's organisation.

    Runs inside the organisation's scope. Raises ``ValidationError`` (per field)
    for a date in the past, a person of another organisation or a duplicate.
    """
    require_permission(actor_membership, Action.TRAINING_ASSIGN)
    organisation = actor_membership.organisation
    errors: dict[str, str] = {}
    if bool(role) == (membership is not None):
        errors["__all__"] = _("Kies een rol of een persoon, niet allebei.")
    if role and role not in organisation.allowed_roles:
        errors["role"] = _("Deze rol bestaat niet bij dit soort organisatie.")
    if membership is not None and (membership.organisation_id != organisation.pk or not membership.is_active):
        errors["membership"] = _("Deze persoon is geen lid van deze organisatie.")
    if due_date < timezone.localdate():
        errors["due_date"] = _("Kies een datum vanaf vandaag.")
    if errors:
        raise ValidationError(errors)
    duplicate = Assignment.objects.filter(module=module)
    duplicate = duplicate.filter(role=role) if role else duplicate.filter(membership=membership)
    if duplicate.exists():
        raise ValidationError(
            {"module": _("Deze module is hier al toegewezen. Verwijder die eerst als je de datum wilt veranderen.")}
        )
    try:
        with transaction.atomic():
            assignment = Assignment.objects.create(
                organisation=organisation,
                module=module,
                role=role,
                membership=membership,
                due_date=due_date,
                created_by=actor_membership.user,
            )
            messages.plan_assignment(assignment)
            audit_record(
                organisation=organisation,
                kind=AuditEvent.Kind.ASSIGNMENT_CREATED,
                actor=actor_membership.user,
                subject=membership.user if membership is not None else None,
                detail=_assignment_detail(assignment),
            )
            return assignment
    except IntegrityError:
        raise ValidationError({"module": _("Deze module is hier al toegewezen.")}) from None


def assignment_delete(*, actor_membership: Membership, assignment: Assignment) -> None:
    """Remove an assignment. Progress and certificates of learners stay: they are theirs."""
    require_permission(actor_membership, Action.TRAINING_ASSIGN)
    if assignment.organisation_id != actor_membership.organisation_id:
        raise PermissionError("assignment of another organisation")
    with transaction.atomic():
        deleted, _detail = Assignment.objects.filter(pk=assignment.pk).delete()
        reminders.reminders_cancel(subjects=[Subject.assignment(assignment.pk)])
        if deleted:
            audit_record(
                organisation=assignment.organisation,
                kind=AuditEvent.Kind.ASSIGNMENT_DELETED,
                actor=actor_membership.user,
                subject=assignment.membership.user if assignment.membership is not None else None,
                detail=_assignment_detail(assignment),
            )


def assignment_change_due_date(*, actor_membership: Membership, assignment: Assignment, due_date: date) -> Assignment:
    """Move an assignment's due date; its reminders move with it."""
    require_permission(actor_membership, Action.TRAINING_ASSIGN)
    if assignment.organisation_id != actor_membership.organisation_id:
        raise PermissionError("assignment of another organisation")
    if due_date < timezone.localdate():
        raise ValidationError({"due_date": _("Kies een datum vanaf vandaag.")})
    with transaction.atomic():
        old = assignment.due_date
        assignment.due_date = due_date
        assignment.save(update_fields=["due_date"])
        messages.plan_assignment(assignment)
        audit_record(
            organisation=assignment.organisation,
            kind=AuditEvent.Kind.ASSIGNMENT_CHANGED,
            actor=actor_membership.user,
            subject=assignment.membership.user if assignment.membership is not None else None,
            detail=f"{_assignment_detail(assignment)} (was {old:%Y-%m-%d})",
        )
    return assignment


def _assignment_detail(assignment: Assignment) -> str:
    who = assignment.get_role_display() if assignment.role else _("één persoon")
    return f"{assignment.module.title} – {who} – {assignment.due_date:%Y-%m-%d}"
