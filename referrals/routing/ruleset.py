"""Rule sets: the routing rules, cautions, questions and destinations as data,
validated and compiled.

A rule set is ``version`` (e.g. ``"2026.2"``) and four lists::

    destinations: [{"code": "police_report", "kind": "action", "country": null,
                    "label": "Naar de politie" | {"NL": "…", "BE": "…"}, "url": "…" (optional)}, …]
    rules: [{"id": "threat-death", "priority": 20,
             "conditions": {"fact": "threatened_with", "contains": "death"},
             "outcomes": [{"destination": "police_report", "urgency": "soon",
                           "explanation": "…why, naming what was found…",
                           "advice": "…what to do…" (optional)}]}, …]
    cautions: [{"id": "do_not_give_in", "priority": 10, "conditions": {…},
                "explanation": "…", "advice": "…" (optional)}, …]
    questions: [{"fact": "acute_danger", "question": "…"}, …]   (most important first)

Every text (``label``, ``explanation``, ``advice``, ``question``) is either one
Dutch text for both countries or ``{"NL": "…", "BE": "…"}``: a destination that
serves both countries then speaks each country's own words (aangifte / klacht).

``country`` is ``"NL"``, ``"BE"`` or ``null`` (both). A lower ``priority`` comes
first. ``parse_rule_set`` checks everything and raises ``RuleSetInvalid`` with
``{"version"|"destinations"|"rules"|"cautions"|"questions": [message, …]}``, each
message starting with the path of the problem
(``rules[3] (acute-danger).outcomes[0].urgency: …``).

One text per destination: when several rules lead to one destination, their
explanations come first and then their advice, each sentence once, in priority
order (``merge_texts``).

A municipality's local destinations and rules are merged in with ``merge_local``,
a pure function: their codes and ids get the prefix ``local:`` so they can never
clash with the platform's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from referrals.routing.conditions import ConditionInvalid, Predicate, compile_predicates
from referrals.routing.facts import Facts
from referrals.routing.result import Recommendation, RoutingResult
from referrals.routing.vocabulary import (
    CONTRACT_CAUTIONS,
    CONTRACT_DESTINATIONS,
    COUNTRIES,
    FLAG_DEFINITIONS,
    FLAGS,
    KINDS,
    OPTIONAL_FACTS,
    URGENCIES,
    URGENCY_RANK,
)

LOCAL_PREFIX = "local:"
VERSION_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._+-]{0,39}$")
CODE_RE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
RULE_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_PRIORITY = 100_000
MAX_RULES = 10_000
MAX_EXPLANATION = 2000
MAX_LABEL = 200
MAX_QUESTION = 300
DESTINATION_KEYS = {"code", "kind", "country", "label", "url"}
RULE_KEYS = {"id", "priority", "conditions", "outcomes", "note"}
OUTCOME_KEYS = {"destination", "urgency", "explanation", "advice"}
CAUTION_KEYS = {"id", "priority", "conditions", "explanation", "advice", "note"}
QUESTION_KEYS = {"fact", "question", "when"}
CAUTION_MARK = "!"  # internal: a step whose outcome is a caution, not a destination
# A merged text has at most MAX_REASONS explanation sentences and MAX_ADVICE advice
# sentences (about five in all, contract principle 8), the most important (highest
# priority) first. The shipped rules put safety advice in their first sentences.
MAX_REASONS = 2
MAX_ADVICE = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class RuleSetInvalid(ValueError):
    """The rule set data was refused. ``errors`` maps version/destinations/rules/… to messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{key}: {' | '.join(messages)}" for key, messages in errors.items()))


# A text in the rule data: the same for both countries, or one per country.
Texts = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Destination:
    code: str
    kind: str
    country: str | None
    label: str
    url: str = ""
    labels: Texts = field(default_factory=dict, compare=False)  # per country, when they differ

    def label_for(self, country: str | None) -> str:
        return self.labels.get(country or "", self.label)


@dataclass(frozen=True, slots=True)
class Outcome:
    destination: str
    urgency: str
    explanation: Texts  # country -> text
    advice: Texts  # country -> text (may be empty)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    priority: int
    conditions: Any
    outcomes: tuple[Outcome, ...]
    test: Predicate = field(compare=False, repr=False)  # "definitely true"
    test_false: Predicate = field(compare=False, repr=False, default=None)  # type: ignore[assignment]
    refs: frozenset[str] = field(compare=False, repr=False, default=frozenset())  # facts it reads


@dataclass(frozen=True, slots=True)
class Question:
    fact: str
    text: Texts
    # Asked only when this holds (definitely true), e.g. the age of the images only
    # once it is known there are images. No flags.
    when: Predicate | None = field(default=None, compare=False, repr=False)


# A compiled step of a country's plan: (order, id, test, ((destination, urgency rank), …)).
# A caution step has one outcome, (CAUTION_MARK + caution id, 0).
PlanStep = tuple[int, str, Predicate, tuple[tuple[str, int], ...]]


def merge_texts(
    parts: Iterable[tuple[str, str]], *, max_reasons: int = MAX_REASONS, max_advice: int = MAX_ADVICE
) -> str:
    """One text from (explanation, advice) pairs in priority order: the explanations'
    sentences first, then the advice, each sentence once, at most ``max_reasons`` and
    ``max_advice`` of them."""
    reasons: list[str] = []
    advice: list[str] = []
    seen: set[str] = set()
    for explanation, extra in parts:
        for text, into in ((explanation, reasons), (extra, advice)):
            for sentence in _SENTENCE_END.split(text.strip()) if text else ():
                key = sentence.casefold()
                if sentence and key not in seen:
                    seen.add(key)
                    into.append(sentence)
    return " ".join(reasons[:max_reasons] + advice[:max_advice])


class RuleSet:
    """A validated, compiled rule set. Immutable; build it with ``parse_rule_set``."""

    _CACHE_LIMIT = 50_000  # assembled results and recommendations kept per rule set

    def __init__(
        self,
        *,
        version: str,
        destinations: Mapping[str, Destination],
        rules: tuple[Rule, ...],
        source: Mapping[str, Any],
        cautions: tuple[Rule, ...] = (),
        questions: tuple[Question, ...] = (),
    ) -> None:
        self.version = version
        self.destinations = MappingProxyType(dict(destinations))
        self.rules = rules  # sorted by priority, then by their place in the data
        self.cautions = cautions  # as rules whose one outcome is CAUTION_MARK + caution id
        self.questions = questions
        self.source = source  # the data it was parsed from: {"rules": […], "destinations": […], …}
        # Rules and cautions in one priority order: the steps of every plan.
        self.steps: tuple[Rule, ...] = tuple(sorted((*rules, *cautions), key=lambda rule: rule.priority))
        self._texts = {(rule.id, outcome.destination): outcome for rule in self.steps for outcome in rule.outcomes}
        self._question_rank = {question.fact: rank for rank, question in enumerate(questions)}
        self._question_when = {question.fact: question.when for question in questions if question.when}
        self.plans: Mapping[str, tuple[tuple[PlanStep, frozenset[str] | None], ...]] = MappingProxyType(
            {country: self._plan(country) for country in COUNTRIES}
        )
        # Per country, the facts each step of the plan reads (flags expanded).
        self.plan_refs: Mapping[str, tuple[frozenset[str], ...]] = MappingProxyType(
            {country: tuple(self.steps[step[0]].refs for step, _gate in plan) for country, plan in self.plans.items()}
        )
        # The same as bit masks over the questions (bit = the question's rank), and,
        # per question rank, (index in Facts, its "when" test or None).
        self._plan_questions = {
            country: tuple(
                sum(1 << self._question_rank[fact] for fact in refs if fact in self._question_rank)
                for refs in plan_refs
            )
            for country, plan_refs in self.plan_refs.items()
        }
        self._question_facts = tuple((_FACT_INDEX[question.fact], question.when) for question in questions)
        # Per country, every destination its plan reaches (cautions as CAUTION_MARK +
        # id), with (the steps that lead there, is it a caution, the steps that lead
        # there more urgently than rank r for r = 0..3, where 3 is "not there").
        self._destination_codes: dict[str, tuple[str, ...]] = {}
        self._destination_masks: dict[str, tuple[tuple[int, bool, tuple[int, ...]], ...]] = {}
        self._parts: dict[str, dict[tuple[int, int], tuple[int, int, Any]]] = {}
        for country, plan in self.plans.items():
            masks: dict[str, list[Any]] = {}
            for number, (step, _gate) in enumerate(plan):
                for destination, rank in step[3]:
                    entry = masks.setdefault(destination, [0, [0] * (len(URGENCIES) + 1)])
                    entry[0] |= 1 << number
                    for present in range(rank + 1, len(URGENCIES) + 1):
                        entry[1][present] |= 1 << number
            self._destination_codes[country] = tuple(masks)
            self._destination_masks[country] = tuple(
                (mask, destination[0] == CAUTION_MARK, tuple(more_urgent))
                for destination, (mask, more_urgent) in masks.items()
            )
            self._parts[country] = {}
        self._plans_by_forms: dict[tuple[str, frozenset[str]], tuple[tuple[int, Predicate, Predicate], ...]] = {}
        self._results: dict[tuple[str, int, tuple[str, ...]], RoutingResult] = {}
        self._recommendations: dict[tuple[str, str, int, tuple[str, ...]], Recommendation] = {}
        self._questions_of: dict[tuple[str, int], tuple[tuple[str, str], ...]] = {}
        # The whole rule set as one function (``compiled.py``), set by ``engine.route``
        # on first use.
        self.router: Callable[[Any], RoutingResult] | None = None

    def _plan(self, country: str) -> tuple[tuple[PlanStep, frozenset[str] | None], ...]:
        # The country filter happens here, once: an organisation of the other
        # country is not even in the plan, whatever a rule says.
        steps = []
        for order, rule in enumerate(self.steps):
            outcomes = tuple(
                (o.destination, URGENCY_RANK[o.urgency])
                for o in rule.outcomes
                if o.destination.startswith(CAUTION_MARK) or self.destinations[o.destination].country in (None, country)
            )
            if outcomes:
                steps.append(((order, rule.id, rule.test, outcomes), forms_gate(rule.conditions)))
        return tuple(steps)

    def plan(self, country: str, forms: frozenset[str]) -> tuple[tuple[int, Predicate, Predicate], ...]:
        """(step number, definitely true, definitely false) of the steps that can fire
        for a case of ``country`` with these ``forms``.

        ``forms`` is required and always known, so a rule that needs one of some
        forms is left out exactly when the case has none of them (it is definitely
        false). There are at most 2 × 2¹¹ combinations; each is worked out once.
        """
        key = (country, forms)
        found = self._plans_by_forms.get(key)
        if found is None:
            found = tuple(
                (number, step[2], self.steps[step[0]].test_false)
                for number, (step, gate) in enumerate(self.plans[country])
                if gate is None or not gate.isdisjoint(forms)
            )
            self._plans_by_forms[key] = found
        return found

    def result(self, country: str, fired: int, flags: tuple[str, ...]) -> RoutingResult:
        """The result (without questions) when the steps in the bit mask ``fired`` of
        the country's plan fired. Results repeat a lot, so each is assembled once and
        then shared (it is immutable)."""
        key = (country, fired, flags)
        found = self._results.get(key)
        if found is None:
            found = self._assemble(country, fired, flags)
            if len(self._results) >= self._CACHE_LIMIT:
                self._results.clear()
            self._results[key] = found
        return found

    def _assemble(self, country: str, fired: int, flags: tuple[str, ...]) -> RoutingResult:
        # Destination by destination: the fired steps that lead there (a bit mask)
        # decide its recommendation (or caution), made once per mask and kept.
        parts = self._parts[country]
        make = self._part
        recommendations: list[tuple[int, int, Any]] = []
        cautions: list[tuple[int, int, Any]] = []
        changing = 0
        for index, (mask, is_caution, more_urgent) in enumerate(self._destination_masks[country]):
            hit = fired & mask
            if hit:
                part = parts.get((index, hit))
                if part is None:
                    part = make(country, index, hit)
                (cautions if is_caution else recommendations).append(part)
                changing |= more_urgent[part[0]]
            else:
                changing |= more_urgent[-1]
        recommendations.sort(key=_rank_then_order)
        cautions.sort(key=_rank_then_order)
        result = RoutingResult(
            self.version,
            flags,
            tuple([part[2] for part in recommendations]),
            cautions=tuple([part[2] for part in cautions]),
        )
        # The steps not fired that could still change this answer once more is known:
        # a destination not in it yet or more urgent, or a caution not in it yet.
        result.changing = changing & ~fired
        return result

    def _part(self, country: str, index: int, hit: int) -> tuple[int, int, Any]:
        """(urgency rank, order of the first step, Recommendation or (caution id, text))
        for one destination when the steps in ``hit`` led to it."""
        plan = self.plans[country]
        destination = self._destination_codes[country][index]
        rank, order, rule_ids = len(URGENCIES), -1, []
        number = 0
        while hit >> number:
            if hit >> number & 1:
                step = plan[number][0]
                if order < 0:
                    order = step[0]
                rule_ids.append(step[1])
                rank = min(rank, *(r for d, r in step[3] if d == destination))
            number += 1
        item: Any
        if destination[0] == CAUTION_MARK:
            item = (destination[len(CAUTION_MARK) :], self._merged(country, destination, rule_ids))
        else:
            item = self._recommendation(country, destination, rank, tuple(rule_ids))
        part = (rank, order, item)
        parts = self._parts[country]
        if len(parts) >= self._CACHE_LIMIT:
            parts.clear()
        parts[(index, hit)] = part
        return part

    def _merged(self, country: str, destination: str, rule_ids: Iterable[str]) -> str:
        parts = []
        for rule_id in rule_ids:
            outcome = self._texts[(rule_id, destination)]
            parts.append((outcome.explanation.get(country, ""), outcome.advice.get(country, "")))
        return merge_texts(parts)

    def _recommendation(
        self, country: str, destination: str, urgency_rank: int, rule_ids: tuple[str, ...]
    ) -> Recommendation:
        key = (country, destination, urgency_rank, rule_ids)
        found = self._recommendations.get(key)
        if found is None:
            found = Recommendation(
                destination,
                self.destinations[destination].kind,
                URGENCIES[urgency_rank],
                rule_ids,
                self._merged(country, destination, rule_ids),
            )
            if len(self._recommendations) >= self._CACHE_LIMIT:
                self._recommendations.clear()
            self._recommendations[key] = found
        return found

    def refs_of(self, country: str, mask: int) -> tuple[str, ...]:
        """The facts read by the steps in ``mask`` (bits of the country's plan), in
        the order of the questions; facts without a question are left out."""
        wanted = self._question_mask(country, mask)
        return tuple(question.fact for rank, question in enumerate(self.questions) if wanted >> rank & 1)

    def _question_mask(self, country: str, mask: int) -> int:
        step_questions = self._plan_questions[country]
        wanted = 0
        while mask:
            lowest = mask & -mask
            wanted |= step_questions[lowest.bit_length() - 1]
            mask ^= lowest
        return wanted

    def asked(self, result: RoutingResult, country: str, open_steps: int, facts: Facts) -> RoutingResult:
        """``result`` with its questions: the unknown facts read by the steps in
        ``open_steps`` (neither true nor false) that could change it."""
        relevant = open_steps & result.changing
        if not relevant:
            return result
        wanted = self._question_mask(country, relevant)
        ask = 0
        question_facts = self._question_facts
        while wanted:
            lowest = wanted & -wanted
            rank = lowest.bit_length() - 1
            index, when = question_facts[rank]
            if facts[index] is None and (when is None or when(facts, _NO_FLAGS)):
                ask |= lowest
            wanted ^= lowest
        if not ask:
            return result
        found = result.asked.get(ask)
        if found is None:
            found = result.with_questions(self._questions_text(country, ask))
            if len(result.asked) >= 1000:
                result.asked.clear()
            result.asked[ask] = found
        return found

    def _questions_text(self, country: str, ask: int) -> tuple[tuple[str, str], ...]:
        key = (country, ask)
        found = self._questions_of.get(key)
        if found is None:
            found = tuple(
                (question.fact, question.text.get(country, ""))
                for rank, question in enumerate(self.questions)
                if ask >> rank & 1
            )
            if len(self._questions_of) >= self._CACHE_LIMIT:
                self._questions_of.clear()
            self._questions_of[key] = found
        return found

    def as_data(self) -> dict[str, Any]:
        return {"version": self.version, **self.source}

    def __repr__(self) -> str:
        return (
            f"<RuleSet {self.version}: {len(self.rules)} rules, {len(self.cautions)} cautions, "
            f"{len(self.destinations)} destinations>"
        )


_FACT_INDEX = {name: index for index, name in enumerate(Facts._fields)}
_NO_FLAGS: Mapping[str, bool | None] = MappingProxyType({})


def _rank_then_order(part: tuple[int, int, Any]) -> tuple[int, int]:
    return part[0], part[1]


def forms_gate(node: Any) -> frozenset[str] | None:
    """Forms of which a case must have at least one for ``node`` to be true, or None.

    Exact under three-valued logic because ``forms`` is never unknown.
    """
    if not isinstance(node, dict):
        return None
    if node.get("fact") == "forms":
        if "contains" in node:
            return frozenset([node["contains"]])
        if "contains_any" in node or "contains_all" in node:
            return frozenset(node.get("contains_any") or node["contains_all"])
        return None
    if "all" in node:
        gates = [gate for gate in (forms_gate(child) for child in node["all"]) if gate is not None]
        return min(gates, key=len) if gates else None
    if "any" in node:
        either = [forms_gate(child) for child in node["any"]]
        if not either or any(gate is None for gate in either):
            return None
        return frozenset[str]().union(*(gate for gate in either if gate is not None))
    return None


_FLAG_REFS: dict[str, frozenset[str]] = {}


def condition_refs(node: Any) -> frozenset[str]:
    """The facts a (validated) condition reads, the facts behind its flags included."""
    if isinstance(node, dict):
        if "fact" in node:
            return frozenset([node["fact"]])
        if "flag" in node:
            return _FLAG_REFS.get(node["flag"], frozenset())
        if "not" in node:
            return condition_refs(node["not"])
        for key in ("all", "any"):
            if key in node and isinstance(node[key], list):
                return frozenset().union(*map(condition_refs, node[key]))
    return frozenset()


for _name, _condition in FLAG_DEFINITIONS:
    _FLAG_REFS[_name] = condition_refs(_condition)


def parse_rule_set(
    *,
    version: object,
    rules: object,
    destinations: object,
    cautions: object = None,
    questions: object = None,
    require_contract: bool = True,
    allow_local: bool = False,
) -> RuleSet:
    """Validate and compile rule set data. Raises ``RuleSetInvalid``.

    With ``require_contract`` (every published rule set) the contract's destination
    codes and caution ids must all be there."""
    errors: dict[str, list[str]] = {}
    if not isinstance(version, str) or not VERSION_RE.match(version):
        errors["version"] = [
            "Geef een versie van 1 tot 40 tekens: letters, cijfers, punt, plus, liggend streepje of underscore, zoals 2026.2."
        ]
    parsed_destinations = _parse_destinations(destinations, errors, require_contract, allow_local)
    parsed_rules = _parse_rules(rules, parsed_destinations, errors, allow_local)
    parsed_cautions = _parse_cautions(cautions, errors, require_contract)
    parsed_questions = _parse_questions(questions, errors)
    if errors:
        raise RuleSetInvalid(errors)
    ordered = tuple(sorted(parsed_rules, key=lambda rule: rule.priority))  # stable: ties keep data order
    source = {"rules": rules, "destinations": destinations, "cautions": cautions or [], "questions": questions or []}
    return RuleSet(
        version=version,  # type: ignore[arg-type]
        destinations=parsed_destinations,
        rules=ordered,
        cautions=tuple(sorted(parsed_cautions, key=lambda rule: rule.priority)),
        questions=parsed_questions,
        # A private copy: whatever the caller does to its lists later changes nothing here.
        source=json.loads(json.dumps(source)),
    )


def _add(errors: dict[str, list[str]], key: str, message: str) -> None:
    errors.setdefault(key, []).append(message)


def _check_keys(item: Mapping[str, Any], allowed: set[str], required: Iterable[str]) -> str | None:
    for key in required:
        if key not in item:
            return f"{key!r} ontbreekt."
    extra = sorted(set(item) - allowed)
    if extra:
        return f"onbekende sleutel {extra[0]!r}; toegestaan: {', '.join(sorted(allowed))}."
    return None


def _parse_destinations(
    data: object, errors: dict[str, list[str]], require_contract: bool, allow_local: bool
) -> dict[str, Destination]:
    result: dict[str, Destination] = {}
    if not isinstance(data, list) or not data:
        _add(errors, "destinations", "Geef een lijst met bestemmingen (JSON-array van objecten).")
        return result
    for i, item in enumerate(data):
        where = f"destinations[{i}]"
        if not isinstance(item, dict):
            _add(errors, "destinations", f"{where}: een bestemming is een object.")
            continue
        where = f"{where} ({item.get('code')})" if isinstance(item.get("code"), str) else where
        problem = _check_keys(item, DESTINATION_KEYS, ("code", "kind", "country", "label"))
        # Any: each is checked below before it is used as what it should be.
        code: Any = item.get("code")
        kind: Any = item.get("kind")
        country: Any = item.get("country")
        label: Any = item.get("label")
        url: Any = item.get("url")
        if problem is None and not _valid_code(code, allow_local):
            problem = "code: kleine letters, cijfers en underscores, zoals police_report."
        if problem is None and code in result:
            problem = f"code: {code!r} staat er twee keer in."
        if problem is None and kind not in KINDS:
            problem = f"kind: kies uit {', '.join(KINDS)}."
        if problem is None and country is not None and country not in COUNTRIES:
            problem = 'country: kies "NL", "BE" of null (beide landen).'
        labels: dict[str, str] = {}
        if problem is None:
            try:
                labels = _texts(label, country, limit=MAX_LABEL, what="een naam")
            except ValueError as exc:
                problem = f"label{exc}"
        if problem is None and url is not None and (not isinstance(url, str) or not url.startswith("https://")):
            problem = "url: geef een adres dat begint met https://."
        if problem is None and code in CONTRACT_DESTINATIONS and CONTRACT_DESTINATIONS[code] != (kind, country):
            want_kind, want_country = CONTRACT_DESTINATIONS[code]
            problem = (
                f"deze code ligt vast in het routeringscontract: kind {want_kind!r}, "
                f"country {json.dumps(want_country)}."
            )
        if problem is not None:
            _add(errors, "destinations", f"{where}: {problem}")
            continue
        default_label = labels.get(country or "NL") or next(iter(labels.values()))
        result[code] = Destination(
            code=code,
            kind=kind,
            country=country,
            label=default_label,
            url=url or "",
            labels=MappingProxyType(labels),
        )
    if require_contract and isinstance(data, list):
        missing = [code for code in CONTRACT_DESTINATIONS if code not in result]
        # Only report missing codes when the others parsed; otherwise the real
        # problem is already in the list above.
        if missing and "destinations" not in errors:
            _add(errors, "destinations", f"Deze codes uit het routeringscontract ontbreken: {', '.join(missing)}.")
    return result


def _valid_code(code: object, allow_local: bool) -> bool:
    if not isinstance(code, str) or len(code) > 60:
        return False
    if allow_local and code.startswith(LOCAL_PREFIX):
        code = code[len(LOCAL_PREFIX) :]
    return bool(CODE_RE.match(code))


def _valid_rule_id(rule_id: object, allow_local: bool) -> bool:
    if not isinstance(rule_id, str) or len(rule_id) > 80:
        return False
    if allow_local and rule_id.startswith(LOCAL_PREFIX):
        rule_id = rule_id[len(LOCAL_PREFIX) :]
    return bool(RULE_ID_RE.match(rule_id))


def _parse_rules(
    data: object, destinations: Mapping[str, Destination], errors: dict[str, list[str]], allow_local: bool
) -> list[Rule]:
    result: list[Rule] = []
    if not isinstance(data, list) or not data or len(data) > MAX_RULES:
        _add(errors, "rules", f"Geef een lijst met 1 tot {MAX_RULES} regels (JSON-array van objecten).")
        return result
    seen: set[str] = set()
    for i, item in enumerate(data):
        try:
            rule = parse_rule(item, destinations, allow_local=allow_local, where=f"rules[{i}]")
        except RuleSetInvalid as exc:
            for message in exc.errors["rules"]:
                _add(errors, "rules", message)
            continue
        if rule.id in seen:
            _add(errors, "rules", f"rules[{i}] ({rule.id}): id: {rule.id!r} staat er twee keer in.")
            continue
        seen.add(rule.id)
        result.append(rule)
    return result


def parse_rule(
    item: object, destinations: Mapping[str, Destination], *, allow_local: bool = False, where: str = "rule"
) -> Rule:
    """Validate and compile one rule against ``destinations``. Raises ``RuleSetInvalid``."""

    def fail(message: str) -> RuleSetInvalid:
        return RuleSetInvalid({"rules": [f"{where}: {message}"]})

    if not isinstance(item, dict):
        raise fail("een regel is een object.")
    if isinstance(item.get("id"), str):
        where = f"{where} ({item['id']})"
    problem = _check_keys(item, RULE_KEYS, ("id", "priority", "conditions", "outcomes"))
    if problem:
        raise fail(problem)
    rule_id, priority, outcomes = item["id"], item["priority"], item["outcomes"]
    if not _valid_rule_id(rule_id, allow_local):
        raise fail("id: kleine letters, cijfers en streepjes, zoals acute-danger.")
    if type(priority) is not int or not 0 <= priority <= MAX_PRIORITY:
        raise fail(f"priority: geef een geheel getal van 0 tot {MAX_PRIORITY} (lager komt eerst).")
    if "note" in item and not isinstance(item["note"], str):
        raise fail("note: geef een tekst.")
    try:
        test, test_false = compile_predicates(item["conditions"], flags=FLAGS, path="conditions")
    except ConditionInvalid as exc:
        raise fail(str(exc)) from None
    if not isinstance(outcomes, list) or not outcomes:
        raise fail("outcomes: geef een lijst met minstens één uitkomst.")
    parsed: list[Outcome] = []
    for j, outcome in enumerate(outcomes):
        at = f"outcomes[{j}]"
        if not isinstance(outcome, dict):
            raise fail(f"{at}: een uitkomst is een object.")
        problem = _check_keys(outcome, OUTCOME_KEYS, ("destination", "urgency", "explanation"))
        if problem:
            raise fail(f"{at}: {problem}")
        destination, urgency = outcome["destination"], outcome["urgency"]
        if not isinstance(destination, str) or destination not in destinations:
            raise fail(f"{at}.destination: onbekende bestemming {destination!r}.")
        if any(previous.destination == destination for previous in parsed):
            raise fail(f"{at}.destination: {destination!r} staat al in deze regel.")
        if urgency not in URGENCIES:
            raise fail(f"{at}.urgency: kies uit {', '.join(URGENCIES)}.")
        explanation, advice = _outcome_texts(outcome, destinations[destination].country, f"{at}.", fail)
        parsed.append(Outcome(destination=destination, urgency=urgency, explanation=explanation, advice=advice))
    return Rule(
        id=rule_id,
        priority=priority,
        conditions=item["conditions"],
        outcomes=tuple(parsed),
        test=test,
        test_false=test_false,
        refs=condition_refs(item["conditions"]),
    )


def _texts(value: object, country: str | None, *, limit: int, what: str) -> dict[str, str]:
    """A text of the rule data as {country: text} for the countries ``country`` covers
    (None: both). Raises ValueError with a message that starts with ": " or "." ."""
    countries = (country,) if country else COUNTRIES
    if isinstance(value, str):
        value = {name: value for name in countries}
    if not isinstance(value, dict):
        raise ValueError(f': geef {what} als tekst, of per land als {{"NL": "…", "BE": "…"}}.')
    extra = sorted(set(value) - set(COUNTRIES))
    if extra:
        raise ValueError(f'.{extra[0]}: geef een tekst per land, "NL" of "BE".')
    # A text for a country the destination does not serve is never shown: left out.
    texts: dict[str, str] = {}
    for name in countries:
        text = value.get(name)
        if not isinstance(text, str) or not text.strip() or len(text) > limit:
            raise ValueError(f".{name}: geef {what} van 1 tot {limit} tekens.")
        texts[name] = text.strip()
    return texts


def _outcome_texts(
    item: Mapping[str, Any], country: str | None, at: str, fail: Callable[[str], RuleSetInvalid]
) -> tuple[Texts, Texts]:
    try:
        explanation = _texts(item["explanation"], country, limit=MAX_EXPLANATION, what="een uitleg")
    except ValueError as exc:
        raise fail(f"{at}explanation{exc}") from None
    advice: dict[str, str] = {}
    if item.get("advice") is not None:
        try:
            advice = _texts(item["advice"], country, limit=MAX_EXPLANATION, what="een advies")
        except ValueError as exc:
            raise fail(f"{at}advice{exc}") from None
    return MappingProxyType(explanation), MappingProxyType(advice)


def _parse_cautions(data: object, errors: dict[str, list[str]], require_contract: bool) -> list[Rule]:
    """Cautions as rules whose one outcome is the caution (``CAUTION_MARK`` + id)."""
    result: list[Rule] = []
    if data is None:
        data = []
    if not isinstance(data, list) or len(data) > MAX_RULES:
        _add(errors, "cautions", f"Geef een lijst met 0 tot {MAX_RULES} waarschuwingen (JSON-array van objecten).")
        return result
    counts: dict[str, int] = {}
    for i, item in enumerate(data):
        where = f"cautions[{i}]"

        def fail(message: str, where: str = where) -> RuleSetInvalid:
            return RuleSetInvalid({"cautions": [f"{where}: {message}"]})

        try:
            if not isinstance(item, dict):
                raise fail("een waarschuwing is een object.")
            problem = _check_keys(item, CAUTION_KEYS, ("id", "priority", "conditions", "explanation"))
            if problem:
                raise fail(problem)
            caution_id, priority = item["id"], item["priority"]
            if not isinstance(caution_id, str) or len(caution_id) > 60 or not CODE_RE.match(caution_id):
                raise fail("id: kleine letters, cijfers en underscores, zoals do_not_give_in.")
            if type(priority) is not int or not 0 <= priority <= MAX_PRIORITY:
                raise fail(f"priority: geef een geheel getal van 0 tot {MAX_PRIORITY} (lager komt eerst).")
            if "note" in item and not isinstance(item["note"], str):
                raise fail("note: geef een tekst.")
            try:
                test, test_false = compile_predicates(item["conditions"], flags=FLAGS, path="conditions")
            except ConditionInvalid as exc:
                raise fail(str(exc)) from None
            explanation, advice = _outcome_texts(item, None, "", fail)
        except RuleSetInvalid as exc:
            for message in exc.errors["cautions"]:
                _add(errors, "cautions", message)
            continue
        # Several entries may give one caution (each for its own reason): their
        # texts are merged like a destination's.
        counts[caution_id] = counts.get(caution_id, 0) + 1
        result.append(
            Rule(
                id=f"caution-{caution_id.replace('_', '-')}-{counts[caution_id]}",
                priority=priority,
                conditions=item["conditions"],
                outcomes=(Outcome(CAUTION_MARK + caution_id, "immediate", explanation, advice),),
                test=test,
                test_false=test_false,
                refs=condition_refs(item["conditions"]),
            )
        )
    if require_contract and "cautions" not in errors:
        missing = [caution for caution in CONTRACT_CAUTIONS if caution not in counts]
        if missing:
            _add(errors, "cautions", f"Deze waarschuwingen uit het routeringscontract ontbreken: {', '.join(missing)}.")
    return result


def _parse_questions(data: object, errors: dict[str, list[str]]) -> tuple[Question, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        _add(errors, "questions", "Geef een lijst met vragen (JSON-array van objecten), de belangrijkste eerst.")
        return ()
    result: list[Question] = []
    seen: set[str] = set()
    for i, item in enumerate(data):
        where = f"questions[{i}]"
        if not isinstance(item, dict):
            _add(errors, "questions", f"{where}: een vraag is een object.")
            continue
        problem = _check_keys(item, QUESTION_KEYS, ("fact",))
        fact = item.get("fact")
        if problem is None and fact not in OPTIONAL_FACTS:
            problem = f"fact: kies een feit dat onbekend kan zijn: {', '.join(OPTIONAL_FACTS)}."
        if problem is None and fact in seen:
            problem = f"fact: {fact!r} heeft al een vraag."
        if problem is None and "question" not in item:
            problem = "'question' ontbreekt."
        texts: dict[str, str] = {}
        if problem is None:
            try:
                texts = _texts(item["question"], None, limit=MAX_QUESTION, what="een vraag")
            except ValueError as exc:
                problem = f"question{exc}"
        when: Predicate | None = None
        if problem is None and "when" in item:
            try:
                when, _false = compile_predicates(item["when"], flags=(), path="when")
            except ConditionInvalid as exc:
                problem = str(exc)
        if problem is not None:
            _add(errors, "questions", f"{where}: {problem}")
            continue
        seen.add(fact)  # type: ignore[arg-type]
        result.append(Question(fact=fact, text=MappingProxyType(texts), when=when))  # type: ignore[arg-type]
    return tuple(result)


# --- Local additions of a municipality ------------------------------------------


def local_destination_data(item: Mapping[str, Any], *, country: str) -> dict[str, Any]:
    """A municipality's destination as rule set data: prefixed code, its country."""
    data = {key: item[key] for key in ("kind", "label", "url") if item.get(key)}
    data["code"] = LOCAL_PREFIX + str(item.get("code", ""))
    data["country"] = country
    return data


def local_rule_data(item: Mapping[str, Any], *, country: str | None = None) -> dict[str, Any]:
    """A municipality's rule as rule set data: prefixed id. Outcomes refer to contract
    codes or to the municipality's own destinations as ``local:<code>``.

    A municipality lies in one country, so its rule speaks only that country's words:
    a per-country text ``{"NL": "…"}`` becomes the one text of ``country``."""
    data = {**item, "id": LOCAL_PREFIX + str(item.get("id", ""))}
    outcomes = item.get("outcomes")
    if country and isinstance(outcomes, list):
        data["outcomes"] = [
            {
                key: value[country]
                if key in ("explanation", "advice") and isinstance(value, dict) and country in value
                else value
                for key, value in outcome.items()
            }
            if isinstance(outcome, dict)
            else outcome
            for outcome in outcomes
        ]
    return data


def check_local_rule(item: object, *, local_codes: Iterable[str], country: str | None = None) -> Rule:
    """Validate one local rule of a municipality in ``country``. It may send cases to
    the contract's destinations of that country or of both (their meaning is fixed)
    and to the municipality's own (``local:<code>``). Raises RuleSetInvalid."""
    allowed = {
        code: Destination(code, kind, code_country or country, code)
        for code, (kind, code_country) in CONTRACT_DESTINATIONS.items()
        if country is None or code_country in (None, country)
    }
    allowed.update(
        {LOCAL_PREFIX + code: Destination(LOCAL_PREFIX + code, "referral", country, code) for code in local_codes}
    )
    if not isinstance(item, dict):
        raise RuleSetInvalid({"rules": ["rule: een regel is een object."]})
    return parse_rule(local_rule_data(item, country=country), allowed, allow_local=True, where="regel")


def merge_local(
    base: RuleSet,
    *,
    name: str,
    country: str,
    destinations: Sequence[Mapping[str, Any]],
    rules: Sequence[Mapping[str, Any]],
) -> RuleSet:
    """The base rule set plus a municipality's own destinations and rules. Pure.

    ``name`` (the municipality's slug) is added to the version, so a stored result
    says that local rules took part. Local destinations belong to ``country``.
    """
    if not destinations and not rules:
        return base
    local_destinations = [local_destination_data(item, country=country) for item in destinations]
    local_rules = [local_rule_data(item, country=country) for item in rules]
    merged = parse_rule_set(
        version=f"{base.version}+{name}"[:40],
        rules=[*base.source["rules"], *local_rules],
        destinations=[*base.source["destinations"], *local_destinations],
        cautions=base.source.get("cautions") or [],
        questions=base.source.get("questions") or [],
        require_contract=False,
        allow_local=True,
    )
    return merged
