"""Reads for the training: pages, a learner's progress, "Mijn training" and the team matrix.

Each selector owns its joins and runs a fixed number of queries, whatever the number
of members, assignments, certificates or answers (tests/training/test_query_counts.py).

Pages (library, modules, lessons) are national content, shared by every organisation.
Learner data (attempts, progress, answers, certificates) belongs to the person; a
tenant view reads it only for the signed-in user or for active members of the
organisation in scope.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.blocks import COUNTRY_HEADINGS
from cms.models import Audience, KnowledgeCheck, LessonPage, ModulePage, TrainingLibraryPage
from portal.models import Membership, Organisation, User
from portal.roles import OrganisationKind
from training.models import EXPIRING_WITHIN, Answer, Assignment, Certificate, LessonProgress, ModuleAttempt
from training.scenarios import ScenarioState, play
from training.shuffle import shuffled

__all__ = ["ScenarioState", "shuffled"]  # also used by the tests and templates

# --- Status, computed from dates and certificates (never stored) ------------------


class TrainingStatus:
    """Where a person stands with one module. Values are the Dutch GET parameters."""

    NOT_ASSIGNED = "niet-toegewezen"
    TODO = "te-doen"
    IN_PROGRESS = "bezig"
    OVERDUE = "te-laat"
    EXPIRING = "verloopt"
    EXPIRED = "verlopen"
    DONE = "klaar"

    LABELS: dict[str, Any] = {
        NOT_ASSIGNED: _("Niet toegewezen"),
        TODO: _("Te doen"),
        IN_PROGRESS: _("Bezig"),
        OVERDUE: _("Te laat"),
        EXPIRING: _("Verloopt binnenkort"),
        EXPIRED: _("Verlopen"),
        DONE: _("Afgerond"),
    }
    # Most urgent first: "Mijn training" sorts by this.
    ORDER = (OVERDUE, EXPIRED, EXPIRING, IN_PROGRESS, TODO, DONE, NOT_ASSIGNED)

    @classmethod
    def choices(cls) -> list[tuple[str, Any]]:
        return [(value, cls.LABELS[value]) for value in cls.ORDER]


def training_status(
    *, due_date: date | None, certificate_expires_at: datetime | None, has_open_attempt: bool, now: datetime
) -> str:
    """The status of one person for one module, from the end of their latest
    certificate for it (``None``: no certificate).

    A valid certificate means done (or expiring, within 30 days of its end). Once it
    has expired the assignment is open again: it is due by the later of the due date
    and the expiry date, so an expired certificate of an assigned module is overdue
    straight away, as the organisation is no longer covered.
    """
    expires_at = certificate_expires_at
    if expires_at is not None and expires_at > now:
        return TrainingStatus.EXPIRING if expires_at <= now + EXPIRING_WITHIN else TrainingStatus.DONE
    if due_date is None:
        if expires_at is not None:
            return TrainingStatus.EXPIRED
        return TrainingStatus.IN_PROGRESS if has_open_attempt else TrainingStatus.NOT_ASSIGNED
    effective_due = due_date
    if expires_at is not None:
        effective_due = max(due_date, timezone.localdate(expires_at))
    if effective_due < timezone.localdate(now):
        return TrainingStatus.OVERDUE
    return TrainingStatus.IN_PROGRESS if has_open_attempt else TrainingStatus.TODO


def expires_at(certificate: Certificate | None) -> datetime | None:
    return certificate.expires_at if certificate is not None else None


def status_label(status: str) -> Any:
    return TrainingStatus.LABELS[status]


# --- Pages -----------------------------------------------------------------------


def audiences_for(organisation: Organisation) -> tuple[str, ...]:
    """Schools see modules for everyone and for schools; clubs likewise. Municipalities,
    partners and the platform support both, so they see every module."""
    if organisation.kind == OrganisationKind.SCHOOL:
        return (Audience.ALL, Audience.SCHOOL)
    if organisation.kind == OrganisationKind.SPORTS_CLUB:
        return (Audience.ALL, Audience.SPORTS_CLUB)
    return tuple(Audience.values)


def training_library() -> TrainingLibraryPage | None:
    library: TrainingLibraryPage | None = TrainingLibraryPage.objects.live().first()
    return library


def modules_for_organisation(
    organisation: Organisation, *, library: TrainingLibraryPage | None = None
) -> list[ModulePage]:
    library = library or training_library()
    if library is None:
        return []
    return list(
        ModulePage.objects.child_of(library).live().filter(audience__in=audiences_for(organisation)).order_by("path")
    )


def module_by_slug(module_slug: str) -> ModulePage:
    """A live module, found by its url_path under the library; 404 otherwise."""
    library = training_library()
    if library is None:
        raise Http404("No training library")
    module: ModulePage | None = ModulePage.objects.live().filter(url_path=f"{library.url_path}{module_slug}/").first()
    if module is None:
        raise Http404("No such module")
    return module


def lessons_of_module(module: ModulePage) -> list[LessonPage]:
    return list(module.lessons())


# --- One learner in one module ---------------------------------------------------


@dataclass
class ModuleProgress:
    """A learner's state in a module: the current (or last) attempt and what is done."""

    module: ModulePage
    lessons: list[LessonPage]
    attempt: ModuleAttempt | None  # the open attempt, else the last finished one
    done_lesson_ids: frozenset[int] = frozenset()

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def done_count(self) -> int:
        return sum(1 for lesson in self.lessons if lesson.pk in self.done_lesson_ids)

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.total) if self.total else 0

    @property
    def is_open(self) -> bool:
        return self.attempt is not None and self.attempt.is_open

    @property
    def is_finished(self) -> bool:
        return self.attempt is not None and not self.attempt.is_open

    @property
    def resume_lesson(self) -> LessonPage | None:
        """Where to go on: the first lesson not done in the current attempt."""
        if not self.lessons:
            return None
        if self.is_finished:
            return self.lessons[0]
        for lesson in self.lessons:
            if lesson.pk not in self.done_lesson_ids:
                return lesson
        return self.lessons[-1]

    def lesson_rows(self) -> list[tuple[LessonPage, bool]]:
        return [(lesson, lesson.pk in self.done_lesson_ids) for lesson in self.lessons]


def latest_attempt(*, user: User, module: ModulePage) -> ModuleAttempt | None:
    """The attempt with the highest number: the open one if there is one (a new
    attempt always gets the next number)."""
    return ModuleAttempt.objects.filter(user=user, module=module).order_by("-number").first()


def module_progress(*, user: User, module: ModulePage, lessons: list[LessonPage]) -> ModuleProgress:
    attempt = latest_attempt(user=user, module=module)
    done: frozenset[int] = frozenset()
    if attempt is not None:
        done = frozenset(LessonProgress.objects.filter(attempt=attempt).values_list("lesson_id", flat=True))
    return ModuleProgress(module=module, lessons=lessons, attempt=attempt, done_lesson_ids=done)


def attempts_of_learner(*, user: User, module: ModulePage) -> list[ModuleAttempt]:
    return list(ModuleAttempt.objects.filter(user=user, module=module).order_by("-number"))


def latest_certificate(*, user: User, module: ModulePage) -> Certificate | None:
    return Certificate.objects.filter(user=user, module=module).order_by("-issued_at").first()


# --- A lesson with the learner's state -------------------------------------------


@dataclass
class OptionState:
    id: str
    text: str
    feedback: str
    correct: bool
    chosen: bool


@dataclass
class CheckState:
    """A knowledge check as this learner sees it: open to answer, or answered with feedback."""

    check: KnowledgeCheck
    number: int
    answer: Answer | None
    can_answer: bool
    attempt_id: int | None
    error: str = ""
    order_seed: str = ""  # shuffles the options; "" keeps the authored order

    @property
    def id(self) -> str:
        return self.check.id

    @property
    def options(self) -> list[OptionState]:
        """The options in this learner's order for this attempt (``order_seed``)."""
        chosen = set(self.answer.option_ids) if self.answer else set()
        ordered = shuffled(self.check.options, seed=self.order_seed, key=lambda option: option["id"])
        return [
            OptionState(
                id=option["id"],
                text=option["text"],
                feedback=option["feedback"],
                correct=option["correct"],
                chosen=option["id"] in chosen,
            )
            for option in ordered
        ]

    @property
    def is_answered(self) -> bool:
        return self.answer is not None


@dataclass
class LessonItem:
    """One block of the lesson as shown. Without a learner country, a country's
    blocks come as one item with ``children`` under the heading for that country."""

    block: Any
    check: CheckState | None = None
    scenario: ScenarioState | None = None
    country: str = ""
    children: list[LessonItem] = field(default_factory=list)

    @property
    def heading(self) -> Any:
        return COUNTRY_HEADINGS.get(self.country, "")

    def flat(self) -> list[LessonItem]:
        """This item, or a country group's items."""
        return list(self.children) if self.children else [self]


@dataclass
class LessonView:
    progress: ModuleProgress
    lesson: LessonPage
    items: list[LessonItem] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.progress.lessons.index(self.lesson) + 1

    @property
    def previous(self) -> LessonPage | None:
        index = self.number - 1
        return self.progress.lessons[index - 1] if index > 0 else None

    @property
    def next(self) -> LessonPage | None:
        index = self.number - 1
        lessons = self.progress.lessons
        return lessons[index + 1] if index + 1 < len(lessons) else None

    @property
    def is_done(self) -> bool:
        return self.lesson.pk in self.progress.done_lesson_ids

    @property
    def checks(self) -> list[CheckState]:
        return [item.check for top in self.items for item in top.flat() if item.check is not None]

    @property
    def unanswered_count(self) -> int:
        return sum(1 for check in self.checks if not check.is_answered)

    @property
    def correct_count(self) -> int:
        """Questions of this lesson answered right in the attempt shown: the counter's "x"."""
        return sum(1 for check in self.checks if check.answer is not None and check.answer.is_correct)


def lesson_by_slug(lessons: list[LessonPage], lesson_slug: str) -> LessonPage:
    for lesson in lessons:
        if lesson.slug == lesson_slug:
            return lesson
    raise Http404("No such lesson")


def answers_in_lesson(*, attempt: ModuleAttempt | None, lesson: LessonPage) -> dict[str, Answer]:
    if attempt is None:
        return {}
    return {answer.question_id: answer for answer in Answer.objects.filter(attempt=attempt, lesson=lesson)}


def option_seed(*, learner_id: int, attempt_number: int, question_id: str) -> str:
    """The seed of a question's option order: one learner, one attempt, one question."""
    return f"opties/{learner_id}/{attempt_number}/{question_id}"


def check_state(
    check: KnowledgeCheck,
    *,
    number: int,
    progress: ModuleProgress,
    answer: Answer | None,
    learner_id: int,
    error: str = "",
) -> CheckState:
    attempt = progress.attempt
    # A finished attempt shows its answers, but takes no new ones: that needs a new attempt.
    can_answer = answer is None and (attempt is None or attempt.is_open)
    # Before the first answer there is no attempt yet: that answer starts attempt 1,
    # so the page shown before it already uses attempt 1's order.
    attempt_number = attempt.number if attempt is not None else 1
    return CheckState(
        check=check,
        number=number,
        answer=answer,
        can_answer=can_answer,
        attempt_id=attempt.pk if attempt is not None and attempt.is_open else None,
        error=error,
        order_seed=option_seed(learner_id=learner_id, attempt_number=attempt_number, question_id=check.id),
    )


def lesson_view(
    *,
    user: User,
    module: ModulePage,
    lessons: list[LessonPage],
    lesson: LessonPage,
    country: str | None = None,
    scenario: str | None = None,
    path: str | None = None,
    errors: dict[str, str] | None = None,
) -> LessonView:
    """Everything a lesson page shows, in three queries: attempt, progress, answers.

    ``country`` is the learner's organisation's country: only the blocks for everyone
    and for that country are shown. ``None`` shows both countries, each under its
    heading (someone without a country). ``scenario`` and ``path`` come from the
    address: the scenario with that block id replays the path (training.scenarios)."""
    progress = module_progress(user=user, module=module, lessons=lessons)
    answers = answers_in_lesson(attempt=progress.attempt, lesson=lesson)
    checks = {check.id: check for check in lesson.knowledge_checks(country)}
    errors = errors or {}
    view = LessonView(progress=progress, lesson=lesson)
    number = 0
    for entry in lesson.blocks_for(country):
        block = entry.block
        if block.block_type == "knowledge_check" and block.id in checks:
            number += 1
            state = check_state(
                checks[block.id],
                number=number,
                progress=progress,
                answer=answers.get(block.id),
                learner_id=user.pk,
                error=errors.get(block.id, ""),
            )
            item = LessonItem(block=block, check=state)
        elif block.block_type == "scenario":
            state_ = play(block, path=path, active=block.id == scenario, learner_id=user.pk)
            item = LessonItem(block=block, scenario=state_)
        else:
            item = LessonItem(block=block)
        if country is None and entry.country:
            group = view.items[-1] if view.items else None
            if group is None or group.country != entry.country or not group.children:
                group = LessonItem(block=None, country=entry.country)
                view.items.append(group)
            group.children.append(item)
        else:
            view.items.append(item)
    return view


# --- The library -----------------------------------------------------------------


@dataclass
class LibraryModule:
    module: ModulePage
    total: int
    done: int
    certificate: Certificate | None
    attempt_status: str | None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def certificate_valid(self) -> bool:
        return self.certificate is not None and self.certificate.is_valid()


def library_for_learner(
    *, user: User, organisation: Organisation
) -> tuple[TrainingLibraryPage | None, list[LibraryModule]]:
    """The modules for the organisation's audience, each with the learner's progress bar."""
    library = training_library()
    if library is None:
        return None, []
    modules = modules_for_organisation(organisation, library=library)
    module_by_path = {module.path: module for module in modules}
    lesson_totals: dict[int, int] = defaultdict(int)
    steplen = ModulePage.steplen
    for path in LessonPage.objects.live().filter(path__startswith=library.path).values_list("path", flat=True):
        parent = module_by_path.get(path[:-steplen])
        if parent is not None:
            lesson_totals[parent.pk] += 1
    latest: dict[int, ModuleAttempt] = {}
    for attempt in ModuleAttempt.objects.filter(user=user, module__in=modules).order_by("module_id", "number"):
        latest[attempt.module_id] = attempt
    done_counts = {
        row["attempt__module_id"]: row["n"]
        for row in LessonProgress.objects.filter(attempt__in=[a.pk for a in latest.values()])
        .values("attempt__module_id")
        .annotate(n=Count("pk"))
        .order_by()
    }
    certificates = _latest_certificates(Certificate.objects.filter(user=user, module__in=modules))
    rows = [
        LibraryModule(
            module=module,
            total=lesson_totals[module.pk],
            done=done_counts.get(module.pk, 0),
            certificate=certificates.get((user.pk, module.pk)),
            attempt_status=latest[module.pk].status if module.pk in latest else None,
        )
        for module in modules
    ]
    return library, rows


# A search word: letters and digits of any script. Everything else (quotes, NUL,
# brackets, ``*``, ``^``, ``:``) is query syntax to SQLite's FTS5 or a character
# PostgreSQL refuses, and would end in a database error instead of an answer.
SEARCH_WORD = re.compile(r"[^\W_]+")


def search_words(query: str) -> str:
    """The words of ``query``, separated by one space; '' when it holds none."""
    return " ".join(SEARCH_WORD.findall(query or ""))


def search_training(*, organisation: Organisation, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Wagtail search over modules and lessons for the organisation's audience.
    Only the words of ``query`` are searched (``search_words``), so no input
    reaches the search backend as syntax."""
    library = training_library()
    query = search_words(query)
    if library is None or not query:
        return []
    modules = modules_for_organisation(organisation, library=library)
    by_path = {module.path: module for module in modules}
    results: list[dict[str, Any]] = [
        {"module": module, "lesson": None, "title": module.title}
        for module in ModulePage.objects.live().descendant_of(library).search(query)[:limit]
        if module.path in by_path
    ]
    steplen = ModulePage.steplen
    for lesson in LessonPage.objects.live().descendant_of(library).search(query)[:limit]:
        parent = by_path.get(lesson.path[:-steplen])
        if parent is not None:
            results.append({"module": parent, "lesson": lesson, "title": lesson.title})
    return results[:limit]


# --- "Mijn training" -------------------------------------------------------------


@dataclass
class AssignedModule:
    module: ModulePage
    due_date: date
    status: str
    certificate: Certificate | None

    @property
    def status_label(self) -> Any:
        return status_label(self.status)


@dataclass
class OwnCertificate:
    certificate: Certificate
    status: str

    @property
    def status_label(self) -> Any:
        return status_label(self.status)


@dataclass
class MyTraining:
    assigned: list[AssignedModule]
    certificates: list[OwnCertificate]

    def count(self, status: str) -> int:
        return sum(1 for row in self.assigned if row.status == status)


def _latest_certificates(queryset: QuerySet[Certificate]) -> dict[tuple[int, int], Certificate]:
    latest: dict[tuple[int, int], Certificate] = {}
    for certificate in queryset.order_by("issued_at", "pk"):
        if certificate.module_id is not None:
            latest[(certificate.user_id, certificate.module_id)] = certificate
    return latest


def my_training(*, membership: Membership, user: User, now: datetime | None = None) -> MyTraining:
    """What the member must do here (assigned to their role or to them) and all their
    certificates. Three queries, however many rows."""
    now = now or timezone.now()
    assignments = (
        Assignment.objects.filter(Q(role=membership.role) | Q(membership=membership), module__live=True)
        .select_related("module")
        .order_by("due_date", "pk")
    )
    certificates = list(Certificate.objects.filter(user=user).order_by("-issued_at", "-pk"))
    open_modules = set(
        ModuleAttempt.objects.filter(user=user, status=ModuleAttempt.Status.OPEN).values_list("module_id", flat=True)
    )
    latest: dict[int, Certificate] = {}
    for certificate in reversed(certificates):
        if certificate.module_id is not None:
            latest[certificate.module_id] = certificate

    # A module assigned twice (to the role and to the person) counts once, by the earliest date.
    due: dict[int, tuple[ModulePage, date]] = {}
    for assignment in assignments:
        if assignment.module_id not in due:
            due[assignment.module_id] = (assignment.module, assignment.due_date)
    assigned = [
        AssignedModule(
            module=module,
            due_date=due_date,
            certificate=latest.get(module.pk),
            status=training_status(
                due_date=due_date,
                certificate_expires_at=expires_at(latest.get(module.pk)),
                has_open_attempt=module.pk in open_modules,
                now=now,
            ),
        )
        for module, due_date in due.values()
    ]
    assigned.sort(key=lambda row: (TrainingStatus.ORDER.index(row.status), row.due_date))
    own = []
    for certificate in certificates:
        if certificate.expires_at <= now:
            status = TrainingStatus.EXPIRED
        elif certificate.is_expiring(now):
            status = TrainingStatus.EXPIRING
        else:
            status = TrainingStatus.DONE
        own.append(OwnCertificate(certificate=certificate, status=status))
    return MyTraining(assigned=assigned, certificates=own)


# --- The coordinator's matrix ----------------------------------------------------


@dataclass
class MatrixCell:
    module: ModulePage
    status: str
    due_date: date | None
    certificate: Certificate | None

    @property
    def status_label(self) -> Any:
        return status_label(self.status)


@dataclass
class MatrixRow:
    membership: Membership
    cells: list[MatrixCell]

    @property
    def name(self) -> str:
        user = self.membership.user
        return str(user)


@dataclass
class Matrix:
    modules: list[ModulePage]  # the columns shown
    all_modules: list[ModulePage]  # for the filter
    rows: list[MatrixRow]


def training_matrix(
    *,
    organisation: Organisation,
    role: str = "",
    module_id: int | None = None,
    status: str = "",
    modules: list[ModulePage] | None = None,
    now: datetime | None = None,
) -> Matrix:
    """Active members × modules of the organisation in scope, with a status per cell.

    Four queries for any number of members (members, assignments, and certificates
    and open attempts of those members), plus two for the modules unless given.
    """
    now = now or timezone.now()
    all_modules = modules if modules is not None else modules_for_organisation(organisation)
    shown = [m for m in all_modules if module_id is None or m.pk == module_id]
    members_qs = Membership.objects.filter(is_active=True).select_related("user")
    if role:
        members_qs = members_qs.filter(role=role)
    members = list(members_qs.order_by("user__last_name", "user__first_name", "user__email"))
    if not shown or not members:
        return Matrix(modules=shown, all_modules=all_modules, rows=[])

    module_ids = [m.pk for m in shown]
    by_role: dict[tuple[str, int], date] = {}
    by_member: dict[tuple[int, int], date] = {}
    for assignment in Assignment.objects.filter(module_id__in=module_ids).only(
        "module_id", "role", "membership_id", "due_date"
    ):
        if assignment.membership_id:
            key_m = (assignment.membership_id, assignment.module_id)
            by_member[key_m] = min(assignment.due_date, by_member.get(key_m, assignment.due_date))
        else:
            by_role[(assignment.role, assignment.module_id)] = assignment.due_date

    member_users = Membership.objects.filter(is_active=True).values("user_id")
    if role:
        member_users = member_users.filter(role=role)
    certificates = _latest_certificates(
        Certificate.objects.filter(user_id__in=member_users, module_id__in=module_ids).only(
            "user_id", "module_id", "code", "issued_at", "expires_at"
        )
    )
    open_attempts = set(
        ModuleAttempt.objects.filter(
            user_id__in=member_users, module_id__in=module_ids, status=ModuleAttempt.Status.OPEN
        ).values_list("user_id", "module_id")
    )

    rows = []
    for membership in members:
        cells = []
        for module in shown:
            dates = [
                d for d in (by_role.get((membership.role, module.pk)), by_member.get((membership.pk, module.pk))) if d
            ]
            due_date = min(dates) if dates else None
            certificate = certificates.get((membership.user_id, module.pk))
            cell_status = training_status(
                due_date=due_date,
                certificate_expires_at=expires_at(certificate),
                has_open_attempt=(membership.user_id, module.pk) in open_attempts,
                now=now,
            )
            cells.append(MatrixCell(module=module, status=cell_status, due_date=due_date, certificate=certificate))
        if not status or any(cell.status == status for cell in cells):
            rows.append(MatrixRow(membership=membership, cells=cells))
    return Matrix(modules=shown, all_modules=all_modules, rows=rows)


# --- Assignments and certificates ------------------------------------------------


def assignments_of_organisation() -> QuerySet[Assignment]:
    return Assignment.objects.select_related("module", "membership__user", "created_by").order_by("due_date", "pk")


def certificate_for_download(*, code: str, user: User, may_view_members: bool) -> Certificate:
    """A certificate the signed-in user may download here: their own, or (for a
    coordinator) one of an active member of the organisation in scope. Anything else
    is the same 404, so codes reveal nothing."""
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is None:
        raise Http404("No such certificate")
    if certificate.user_id == user.pk:
        return certificate
    if may_view_members and Membership.objects.filter(user_id=certificate.user_id, is_active=True).exists():
        return certificate
    raise Http404("No such certificate")


def certificate_for_verification(code: str) -> Certificate | None:
    """The public check: the code is the only key; None for an unknown code."""
    if not code:
        return None
    return Certificate.objects.filter(code=code).first()
