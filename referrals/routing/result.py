"""The engine's answer: ``RoutingResult`` and its ``Recommendation``s (contract v2).

Both are immutable and shared between cases that get the same answer, so each is
serialised to JSON once.
"""

from __future__ import annotations

import json
from typing import Any, TypedDict

_SEPARATORS = (",", ":")


class RecommendationDict(TypedDict):
    """A recommendation as JSON (as stored in ``Case.routing_result``)."""

    destination: str
    kind: str
    urgency: str
    rules: list[str]
    explanation: str


_HEADS: dict[tuple[str, tuple[str, ...]], str] = {}  # the JSON before the recommendations
_HEADS_LIMIT = 1000  # a few per rule set version: the flags combine in 16 ways


def _head(rules_version: str, flags: tuple[str, ...]) -> str:
    key = (rules_version, flags)
    head = _HEADS.get(key)
    if head is None:
        head = (
            f'{{"rules_version":{json.dumps(rules_version)},"flags":{json.dumps(list(flags), separators=_SEPARATORS)},'
            f'"recommendations":['
        )
        if len(_HEADS) >= _HEADS_LIMIT:
            _HEADS.clear()
        _HEADS[key] = head
    return head


class Recommendation:
    """One destination in a result."""

    __slots__ = ("destination", "kind", "urgency", "rules", "explanation", "json", "json_bytes")

    def __init__(self, destination: str, kind: str, urgency: str, rules: tuple[str, ...], explanation: str) -> None:
        self.destination = destination
        self.kind = kind
        self.urgency = urgency
        self.rules = rules
        self.explanation = explanation
        self.json = json.dumps(self.as_dict(), separators=_SEPARATORS)
        self.json_bytes = self.json.encode()  # ASCII: json.dumps escapes the rest

    def as_dict(self) -> RecommendationDict:
        return {
            "destination": self.destination,
            "kind": self.kind,
            "urgency": self.urgency,
            "rules": list(self.rules),
            "explanation": self.explanation,
        }

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Recommendation) and self.json == other.json

    def __hash__(self) -> int:
        return hash(self.json)

    def __repr__(self) -> str:
        return f"Recommendation({self.destination!r}, {self.urgency!r}, rules={self.rules!r})"


_PAIRS: dict[tuple[str, tuple[tuple[str, str], ...]], str] = {}


def _pairs_json(pairs: tuple[tuple[str, str], ...], first: str, second: str) -> str:
    """A list of questions or cautions as JSON; a few hundred distinct ones, made once."""
    key = (first, pairs)
    found = _PAIRS.get(key)
    if found is None:
        found = json.dumps([{first: a, second: b} for a, b in pairs], separators=_SEPARATORS)
        if len(_PAIRS) >= _HEADS_LIMIT * 50:
            _PAIRS.clear()
        _PAIRS[key] = found
    return found


class RoutingResult:
    """``rules_version``, ``flags`` (tuple of names), ``recommendations`` (ordered),
    ``questions`` ((fact, question), most important first) and ``cautions`` ((id, text))."""

    __slots__ = (
        "rules_version",
        "flags",
        "recommendations",
        "questions",
        "cautions",
        "changing",
        "asked",
        "_tail",
        "_json",
        "_json_bytes",
    )

    def __init__(
        self,
        rules_version: str,
        flags: tuple[str, ...],
        recommendations: tuple[Recommendation, ...],
        *,
        questions: tuple[tuple[str, str], ...] = (),
        cautions: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.rules_version = rules_version
        self.flags = flags
        self.recommendations = recommendations
        self.questions = questions
        self.cautions = cautions
        # Filled in by the rule set: the steps that could still change this answer
        # (a bit mask), and the variants of it with questions, by the facts asked.
        self.changing = 0
        self.asked: dict[int, RoutingResult] = {}  # by the bit mask of the facts asked
        self._tail: str | None = None
        self._json: str | None = None
        self._json_bytes: bytes | None = None

    def with_questions(self, questions: tuple[tuple[str, str], ...]) -> RoutingResult:
        """The same answer with these questions."""
        return RoutingResult(
            self.rules_version, self.flags, self.recommendations, questions=questions, cautions=self.cautions
        )

    def as_dict(self) -> dict[str, Any]:
        """The result as the contract's JSON object (fresh, safe to change)."""
        return {
            "rules_version": self.rules_version,
            "flags": list(self.flags),
            "recommendations": [r.as_dict() for r in self.recommendations],
            "questions": [{"fact": fact, "question": text} for fact, text in self.questions],
            "cautions": [{"id": caution, "text": text} for caution, text in self.cautions],
        }

    def _tail_json(self) -> str:
        if self._tail is None:
            self._tail = (
                f'],"questions":{_pairs_json(self.questions, "fact", "question")},'
                f'"cautions":{_pairs_json(self.cautions, "id", "text")}}}'
            )
        return self._tail

    def to_json(self) -> str:
        """Compact JSON, equal to ``json.dumps(self.as_dict(), separators=(",", ":"))``."""
        if self._json is None:
            # Cached results are shared, so this runs once per distinct answer.
            self._json = (
                _head(self.rules_version, self.flags)
                + ",".join([r.json for r in self.recommendations])
                + self._tail_json()
            )
        return self._json

    def to_json_bytes(self) -> bytes:
        """``to_json().encode()`` (it is ASCII: ``json.dumps`` escapes the rest), made once."""
        if self._json_bytes is None:
            self._json_bytes = self.to_json().encode()
        return self._json_bytes

    @property
    def destinations(self) -> list[str]:
        return [r.destination for r in self.recommendations]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RoutingResult) and self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(self.to_json())

    def __repr__(self) -> str:
        return (
            f"RoutingResult({self.rules_version!r}, flags={self.flags!r}, {list(self.recommendations)!r}, "
            f"questions={[fact for fact, _ in self.questions]!r}, cautions={[c for c, _ in self.cautions]!r})"
        )
