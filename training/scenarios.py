"""Branching scenarios, played from the address alone.

The learner's path is the list of choice ids they clicked, in the address
(``?scenario=<block id>&pad=<choice id>.<choice id>…``): it works without
JavaScript, can be bookmarked and stores nothing. Every request replays the path
from the first step: flags set by a choice carry forward (deleted evidence stays
deleted), later steps show notes for them and hide choices that no longer make
sense. A path the page could not have produced (an unknown id, a choice of
another step, a hidden choice, a step after the end) is refused with a message
and a way to start again, never an error page.

Scoring: good = 2, partly = 1, bad = 0 points per choice; the maximum is 2 per
choice made on this path. Nothing is stored and nothing counts for the module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from cms.blocks import flags
from training.shuffle import shuffled

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

POINTS = {"good": 2, "partly": 1, "bad": 0}
OUTCOME_LABELS = {"good": _("Goede keuze"), "partly": _("Deels goed"), "bad": _("Geen goede keuze")}
VERDICT_LABELS = {"good": _("Goed afgelopen"), "partly": _("Deels goed afgelopen"), "bad": _("Niet goed afgelopen")}
SEPARATOR = "."
MAX_PATH_LENGTH = 4000  # characters in ?pad=; far more than any real scenario needs


@dataclass(frozen=True)
class Choice:
    id: str
    text: str
    outcome: str
    consequence: str
    next_step: str
    sets: frozenset[str]
    hide_if: frozenset[str]

    @property
    def outcome_label(self) -> Any:
        return OUTCOME_LABELS.get(self.outcome, "")

    @property
    def points(self) -> int:
        return POINTS.get(self.outcome, 0)


@dataclass(frozen=True)
class Step:
    key: str
    situation: str
    notes: tuple[tuple[str, str], ...]  # (flag, text)
    choices: tuple[Choice, ...]

    def offered(self, current: frozenset[str]) -> list[Choice]:
        return [choice for choice in self.choices if not choice.hide_if & current]


@dataclass(frozen=True)
class Ending:
    key: str
    verdict: str
    title: str
    explanation: str

    @property
    def verdict_label(self) -> Any:
        return VERDICT_LABELS.get(self.verdict, "")


@dataclass(frozen=True)
class Made:
    """A choice made on the path, for the feedback and the recap."""

    number: int  # the how-manieth choice on the path
    situation: str
    choice: Choice
    path: str  # the path up to and including this choice


@dataclass
class Offer:
    choice: Choice
    path: str  # the path after choosing it


@dataclass
class ScenarioState:
    """What one scenario shows for one learner and one path."""

    block_id: str
    title: str
    intro: str
    active: bool = False  # this scenario is the one the address is about
    step: Step | None = None  # None when finished or refused
    step_number: int = 1
    notes: list[str] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    made: list[Made] = field(default_factory=list)
    finished: bool = False
    ending: Ending | None = None
    error: str = ""

    @property
    def last(self) -> Made | None:
        return self.made[-1] if self.made else None

    @property
    def path(self) -> str:
        return self.made[-1].path if self.made else ""

    @property
    def back_path(self) -> str:
        """The path without its last choice: "choose something else at this step"."""
        return self.made[-2].path if len(self.made) > 1 else ""

    @property
    def score(self) -> int:
        return sum(made.choice.points for made in self.made)

    @property
    def max_score(self) -> int:
        return 2 * len(self.made)

    @property
    def is_start(self) -> bool:
        return not self.made and not self.error


def _choice_id(bound: Any, fallback: str) -> str:
    return str(bound.id or fallback)


def parse(value: Any) -> tuple[list[Step], dict[str, Ending]]:
    """Steps and endings of a scenario block's value, with the choices' stable ids."""
    steps = []
    for step_index, step in enumerate(value["steps"]):
        choices = tuple(
            Choice(
                id=_choice_id(bound, f"{step_index}-{index}"),
                text=bound.value["text"],
                outcome=bound.value["outcome"],
                consequence=bound.value["consequence"],
                next_step=bound.value["next_step"] or "",
                sets=flags(bound.value.get("sets")),
                hide_if=flags(bound.value.get("hide_if")),
            )
            for index, bound in enumerate(step["choices"].bound_blocks)
        )
        notes = tuple((note["flag"], note["text"]) for note in (step.get("notes") or []))
        steps.append(Step(key=step["key"], situation=step["situation"], notes=notes, choices=choices))
    endings = {
        ending["key"]: Ending(
            key=ending["key"], verdict=ending["verdict"], title=ending["title"], explanation=ending["explanation"]
        )
        for ending in (value.get("endings") or [])
    }
    return steps, endings


def choice_seed(*, learner_id: int | None, block_id: str, step_key: str) -> str:
    """Choices are shuffled per learner and step: the same order every time they come back."""
    if learner_id is None:
        return ""
    return f"scenario/{learner_id}/{block_id}/{step_key}"


def play(block: Any, *, path: str | None, active: bool, learner_id: int | None) -> ScenarioState:
    """Replay ``path`` (choice ids joined by ".") through the scenario ``block``.

    ``active`` says the address is about this scenario (``?scenario=<its id>``);
    otherwise the path is ignored and the scenario shows its first step.
    """
    value = block.value
    state = ScenarioState(block_id=block.id, title=value["title"], intro=value["intro"] or "", active=active)
    steps, endings = parse(value)
    if not steps:
        return state
    by_key = {step.key: step for step in steps}
    ids = [part for part in (path or "").split(SEPARATOR)] if active and path else []

    problem: str | StrPromise = ""
    if len(path or "") > MAX_PATH_LENGTH or len(ids) > len(steps):
        problem = _("Dit pad is langer dan het scenario.")
    current: Step | None = steps[0]
    current_flags: frozenset[str] = frozenset()
    made: list[Made] = []
    for chosen_id in [] if problem else ids:
        if current is None:
            problem = _("Na het einde van het scenario kun je niets meer kiezen.")
            break
        choice = next((c for c in current.choices if c.id == chosen_id), None)
        if choice is None:
            problem = _("Deze keuze hoort niet bij deze stap van het scenario.")
            break
        if choice.hide_if & current_flags:
            problem = _("Deze keuze kon je hier niet meer maken, door wat je eerder koos.")
            break
        so_far = SEPARATOR.join([*(m.choice.id for m in made), choice.id])
        made.append(Made(number=len(made) + 1, situation=current.situation, choice=choice, path=so_far))
        current_flags |= choice.sets
        target = choice.next_step
        current = by_key.get(target)
        if current is None:
            state.ending = endings.get(target)
            state.finished = True

    if problem:
        state.error = str(problem)
        state.ending = None
        state.finished = False
        return state

    state.made = made
    state.step = current
    state.step_number = len(made) + 1
    if current is not None:
        state.notes = [text for flag, text in current.notes if flag in current_flags]
        seed = choice_seed(learner_id=learner_id, block_id=block.id, step_key=current.key)
        state.offers = [
            Offer(choice=choice, path=SEPARATOR.join([*(m.choice.id for m in made), choice.id]))
            for choice in shuffled(current.offered(current_flags), seed=seed, key=lambda c: c.id)
        ]
    return state
