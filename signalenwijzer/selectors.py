"""Reads of the Signalenwijzer: what a walk shows (in a fixed number of queries)
and the coordinator's monthly counts, suppressed like every dashboard."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise
from wagtail.models import Page

from portal.roles import OrganisationKind
from reporting.suppression import Shown, suppress
from signalenwijzer import content
from signalenwijzer.models import (
    Audience,
    OrganisationContact,
    SignalGroup,
    StepKey,
    WalkCount,
    WalkGuidance,
    WalkSignal,
    WalkStep,
)

if TYPE_CHECKING:
    from portal.models import Organisation


def audience_of(organisation: Organisation) -> str:
    if organisation.kind == OrganisationKind.SCHOOL:
        return Audience.SCHOOL
    if organisation.kind == OrganisationKind.SPORTS_CLUB:
        return Audience.SPORTS_CLUB
    return Audience.ALL


@dataclass(frozen=True)
class SignalGroupShown:
    key: str
    label: Promise | str
    signals: list[WalkSignal]


@dataclass(frozen=True)
class LessonPart:
    """Blocks of one course lesson shown in the conversation step, and its link."""

    title: str
    module_slug: str
    lesson_slug: str
    blocks: list[Any]


@dataclass
class WalkContent:
    steps: list[WalkStep]
    groups: list[SignalGroupShown]
    signals: dict[str, WalkSignal]
    guidance: dict[str, WalkGuidance]
    contact: OrganisationContact | None
    lessons: list[LessonPart] = field(default_factory=list)

    def step(self, key: str) -> WalkStep | None:
        return next((step for step in self.steps if step.key == key), None)


def walk_steps() -> list[WalkStep]:
    """The steps in the editors' order; 'Wat nu?' always last."""
    steps = list(WalkStep.objects.all())
    return sorted(steps, key=lambda step: (step.key == StepKey.NEXT, step.sort_order, step.pk))


def walk_content(organisation: Organisation, *, with_lessons: bool = False) -> WalkContent:
    """Everything a screen of the walk may show, for this organisation's country and
    kind: four queries, plus two for the course lessons when asked."""
    signals = list(WalkSignal.objects.filter(is_active=True))
    groups = [
        SignalGroupShown(key=value, label=label, signals=[s for s in signals if s.group == value])
        for value, label in SignalGroup.choices
    ]
    audience = audience_of(organisation)
    guidance: dict[str, WalkGuidance] = {}
    rows = WalkGuidance.objects.filter(country=organisation.country, audience__in=[audience, Audience.ALL])
    for row in rows:
        # The row for this kind of organisation wins over the row for everyone.
        if row.key not in guidance or row.audience != Audience.ALL:
            guidance[row.key] = row
    return WalkContent(
        steps=walk_steps(),
        groups=[group for group in groups if group.signals],
        signals={s.key: s for s in signals},
        guidance=guidance,
        contact=organisation_contact(organisation),
        lessons=conversation_lessons() if with_lessons else [],
    )


def organisation_contact(organisation: Organisation) -> OrganisationContact | None:
    return OrganisationContact.objects.filter(organisation=organisation).first()


def conversation_lessons() -> list[LessonPart]:
    """The blocks of the course's conversation lessons that step 3 shows, read from
    the live Wagtail pages by slug (two queries). Empty when the course is not
    loaded: the step then shows a short text and a link to the training library."""
    wanted = {(module, lesson): types for module, lesson, types in content.CONVERSATION_SOURCE}
    lessons = list(Page.objects.live().filter(slug__in=[lesson for _m, lesson in wanted]).specific())
    parents = {
        page.path: page.slug
        for page in Page.objects.filter(path__in=[lesson.path[: -Page.steplen] for lesson in lessons]).only(
            "path", "slug"
        )
    }
    parts = []
    for module, lesson_slug, types in content.CONVERSATION_SOURCE:
        for lesson in lessons:
            if lesson.slug != lesson_slug or parents.get(lesson.path[: -Page.steplen]) != module:
                continue
            body = getattr(lesson, "body", None) or []
            blocks = [block for block in body if block.block_type in types]
            if blocks:
                parts.append(LessonPart(title=lesson.title, module_slug=module, lesson_slug=lesson_slug, blocks=blocks))
    return parts


# --- The coordinator's counts ------------------------------------------------------------


@dataclass(frozen=True)
class CountRow:
    month: date
    started: Shown
    finished: Shown
    signalled: Shown


@dataclass(frozen=True)
class CountTable:
    rows: list[CountRow]
    totals: CountRow | None
    any_suppressed: bool


def walk_counts(organisation: Organisation, *, months: int = 12) -> CountTable:
    """The last ``months`` months with a count, newest first, each column suppressed
    as the dashboards are (``reporting.suppression.suppress``: 1 to 4 reads "<5", and
    no total gives such a count away). One query."""
    found: list[tuple[date, int, int, int]] = list(
        WalkCount.objects.filter(organisation=organisation)
        .order_by("-month")
        .values_list("month", "started", "finished", "signalled")[:months]
    )
    if not found:
        return CountTable(rows=[], totals=None, any_suppressed=False)
    columns = [
        suppress([(month, started) for month, started, _f, _s in found]),
        suppress([(month, finished) for month, _b, finished, _s in found]),
        suppress([(month, signalled) for month, _b, _f, signalled in found]),
    ]
    rows = [
        CountRow(month=month, started=columns[0][month], finished=columns[1][month], signalled=columns[2][month])
        for month, *_counts in found
    ]
    totals = CountRow(
        month=found[-1][0], started=columns[0].total, finished=columns[1].total, signalled=columns[2].total
    )
    return CountTable(rows=rows, totals=totals, any_suppressed=any(column.any_suppressed for column in columns))
