"""Rule sets: the routing rules and destinations as data, validated and compiled.

A rule set is ``version`` (e.g. ``"2026.1"``), a list of ``destinations`` and a list
of ``rules``::

    destinations: [{"code": "police_emergency", "kind": "action", "country": null,
                    "label": "Bel 112", "url": "…" (optional)}, …]
    rules: [{"id": "acute-danger", "priority": 10,
             "conditions": {"fact": "acute_danger", "is": true},
             "outcomes": [{"destination": "police_emergency", "urgency": "immediate",
                           "explanation": "…"}]}, …]

``country`` is ``"NL"``, ``"BE"`` or ``null`` (both). A lower ``priority`` comes
first. ``parse_rule_set`` checks everything and raises ``RuleSetInvalid`` with
``{"version"|"destinations"|"rules": [message, …]}``, each message starting with the
path of the problem (``rules[3] (acute-danger).outcomes[0].urgency: …``).

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
from referrals.routing.result import Recommendation, RoutingResult
from referrals.routing.vocabulary import CONTRACT_DESTINATIONS, COUNTRIES, FLAGS, KINDS, URGENCIES, URGENCY_RANK

LOCAL_PREFIX = "local:"
VERSION_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._+-]{0,39}$")
CODE_RE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
RULE_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_PRIORITY = 100_000
MAX_RULES = 10_000
MAX_EXPLANATION = 2000
MAX_LABEL = 200
DESTINATION_KEYS = {"code", "kind", "country", "label", "url"}
RULE_KEYS = {"id", "priority", "conditions", "outcomes", "note"}
OUTCOME_KEYS = {"destination", "urgency", "explanation"}


class RuleSetInvalid(ValueError):
    """The rule set data was refused. ``errors`` maps version/destinations/rules to messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{key}: {' | '.join(messages)}" for key, messages in errors.items()))


@dataclass(frozen=True, slots=True)
class Destination:
    code: str
    kind: str
    country: str | None
    label: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    destination: str
    urgency: str
    explanation: str


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    priority: int
    conditions: Any
    outcomes: tuple[Outcome, ...]
    test: Predicate = field(compare=False, repr=False)  # "definitely true"


# A compiled step of a country's plan: (order, rule id, test, ((destination, urgency rank), …)).
PlanStep = tuple[int, str, Predicate, tuple[tuple[str, int], ...]]


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
    ) -> None:
        self.version = version
        self.destinations = MappingProxyType(dict(destinations))
        self.rules = rules  # sorted by priority, then by their place in the data
        self.source = source  # the data it was parsed from: {"rules": […], "destinations": […]}
        self._explanations = {
            (rule.id, outcome.destination): outcome.explanation for rule in rules for outcome in rule.outcomes
        }
        self.plans: Mapping[str, tuple[tuple[PlanStep, frozenset[str] | None], ...]] = MappingProxyType(
            {country: self._plan(country) for country in COUNTRIES}
        )
        self._plans_by_forms: dict[tuple[str, frozenset[str]], tuple[tuple[int, Predicate], ...]] = {}
        self._results: dict[tuple[str, tuple[int, ...], tuple[str, ...]], RoutingResult] = {}
        self._recommendations: dict[tuple[str, int, tuple[str, ...]], Recommendation] = {}
        # The whole rule set as one function (``compiled.py``), set by ``engine.route``
        # on first use.
        self.router: Callable[[Any], RoutingResult] | None = None

    def _plan(self, country: str) -> tuple[tuple[PlanStep, frozenset[str] | None], ...]:
        # The country filter happens here, once: an organisation of the other
        # country is not even in the plan, whatever a rule says.
        steps = []
        for order, rule in enumerate(self.rules):
            outcomes = tuple(
                (o.destination, URGENCY_RANK[o.urgency])
                for o in rule.outcomes
                if self.destinations[o.destination].country in (None, country)
            )
            if outcomes:
                steps.append(((order, rule.id, rule.test, outcomes), forms_gate(rule.conditions)))
        return tuple(steps)

    def plan(self, country: str, forms: frozenset[str]) -> tuple[tuple[int, Predicate], ...]:
        """(step number, test) of the steps that can fire for a case of ``country``
        with these ``forms``.

        ``forms`` is required and always known, so a rule that needs one of some
        forms is left out exactly when the case has none of them. There are at
        most 2 × 2¹¹ combinations; each is worked out once.
        """
        key = (country, forms)
        found = self._plans_by_forms.get(key)
        if found is None:
            found = tuple(
                (number, step[2])
                for number, (step, gate) in enumerate(self.plans[country])
                if gate is None or not gate.isdisjoint(forms)
            )
            self._plans_by_forms[key] = found
        return found

    def result(self, country: str, fired: tuple[int, ...], flags: tuple[str, ...]) -> RoutingResult:
        """The result when these steps of the country's plan fired. Results repeat a
        lot, so each is assembled once and then shared (it is immutable)."""
        key = (country, fired, flags)
        found = self._results.get(key)
        if found is None:
            found = self._assemble(self.plans[country], fired, flags)
            if len(self._results) >= self._CACHE_LIMIT:
                self._results.clear()
            self._results[key] = found
        return found

    def _assemble(
        self, plan: tuple[tuple[PlanStep, frozenset[str] | None], ...], fired: tuple[int, ...], flags: tuple[str, ...]
    ) -> RoutingResult:
        # destination -> [urgency rank, order of its first rule, rule ids]
        hits: dict[str, list[Any]] = {}
        get = hits.get
        for number in fired:
            order, rule_id, _test, outcomes = plan[number][0]
            for destination, rank in outcomes:
                hit = get(destination)
                if hit is None:
                    hits[destination] = [rank, order, [rule_id]]
                else:
                    if rank < hit[0]:
                        hit[0] = rank
                    hit[2].append(rule_id)
        ranked = sorted(hits.items(), key=_by_urgency_then_order)
        recommendation = self._recommendation
        return RoutingResult(
            self.version,
            flags,
            tuple([recommendation(destination, rank, tuple(rules)) for destination, (rank, _, rules) in ranked]),
        )

    def _recommendation(self, destination: str, urgency_rank: int, rule_ids: tuple[str, ...]) -> Recommendation:
        key = (destination, urgency_rank, rule_ids)
        found = self._recommendations.get(key)
        if found is None:
            texts: list[str] = []
            for rule_id in rule_ids:
                text = self._explanations[(rule_id, destination)]
                if text not in texts:
                    texts.append(text)
            found = Recommendation(
                destination, self.destinations[destination].kind, URGENCIES[urgency_rank], rule_ids, " ".join(texts)
            )
            if len(self._recommendations) >= self._CACHE_LIMIT:
                self._recommendations.clear()
            self._recommendations[key] = found
        return found

    def as_data(self) -> dict[str, Any]:
        return {"version": self.version, **self.source}

    def __repr__(self) -> str:
        return f"<RuleSet {self.version}: {len(self.rules)} rules, {len(self.destinations)} destinations>"


def _by_urgency_then_order(item: tuple[str, list[Any]]) -> tuple[int, int]:
    return item[1][0], item[1][1]


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
        gates = [gate for gate in map(forms_gate, node["all"]) if gate is not None]
        return min(gates, key=len) if gates else None
    if "any" in node:
        gates = list(map(forms_gate, node["any"]))
        if not gates or any(gate is None for gate in gates):
            return None
        return frozenset().union(*gates)  # type: ignore[arg-type]
    return None


def parse_rule_set(
    *,
    version: object,
    rules: object,
    destinations: object,
    require_contract: bool = True,
    allow_local: bool = False,
) -> RuleSet:
    """Validate and compile rule set data. Raises ``RuleSetInvalid``."""
    errors: dict[str, list[str]] = {}
    if not isinstance(version, str) or not VERSION_RE.match(version):
        errors["version"] = [
            "Geef een versie van 1 tot 40 tekens: letters, cijfers, punt, plus, liggend streepje of underscore, zoals 2026.2."
        ]
    parsed_destinations = _parse_destinations(destinations, errors, require_contract, allow_local)
    parsed_rules = _parse_rules(rules, parsed_destinations, errors, allow_local)
    if errors:
        raise RuleSetInvalid(errors)
    ordered = tuple(sorted(parsed_rules, key=lambda rule: rule.priority))  # stable: ties keep data order
    return RuleSet(
        version=version,  # type: ignore[arg-type]
        destinations=parsed_destinations,
        rules=ordered,
        # A private copy: whatever the caller does to its lists later changes nothing here.
        source=json.loads(json.dumps({"rules": rules, "destinations": destinations})),
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
        code, kind, country, label, url = (item.get(k) for k in ("code", "kind", "country", "label", "url"))
        if problem is None and not _valid_code(code, allow_local):
            problem = "code: kleine letters, cijfers en underscores, zoals police_report."
        if problem is None and code in result:
            problem = f"code: {code!r} staat er twee keer in."
        if problem is None and kind not in KINDS:
            problem = f"kind: kies uit {', '.join(KINDS)}."
        if problem is None and country is not None and country not in COUNTRIES:
            problem = 'country: kies "NL", "BE" of null (beide landen).'
        if problem is None and (not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL):
            problem = f"label: geef een naam van 1 tot {MAX_LABEL} tekens."
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
        result[code] = Destination(code=code, kind=kind, country=country, label=label.strip(), url=url or "")
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
        test, _false = compile_predicates(item["conditions"], flags=FLAGS, path="conditions")
    except ConditionInvalid as exc:
        raise fail(str(exc)) from None
    if not isinstance(outcomes, list) or not outcomes:
        raise fail("outcomes: geef een lijst met minstens één uitkomst.")
    parsed: list[Outcome] = []
    for j, outcome in enumerate(outcomes):
        at = f"outcomes[{j}]"
        if not isinstance(outcome, dict):
            raise fail(f"{at}: een uitkomst is een object.")
        problem = _check_keys(outcome, OUTCOME_KEYS, OUTCOME_KEYS)
        if problem:
            raise fail(f"{at}: {problem}")
        destination, urgency, explanation = outcome["destination"], outcome["urgency"], outcome["explanation"]
        if not isinstance(destination, str) or destination not in destinations:
            raise fail(f"{at}.destination: onbekende bestemming {destination!r}.")
        if any(previous.destination == destination for previous in parsed):
            raise fail(f"{at}.destination: {destination!r} staat al in deze regel.")
        if urgency not in URGENCIES:
            raise fail(f"{at}.urgency: kies uit {', '.join(URGENCIES)}.")
        if not isinstance(explanation, str) or not explanation.strip() or len(explanation) > MAX_EXPLANATION:
            raise fail(f"{at}.explanation: geef een uitleg van 1 tot {MAX_EXPLANATION} tekens.")
        parsed.append(Outcome(destination=destination, urgency=urgency, explanation=explanation.strip()))
    return Rule(id=rule_id, priority=priority, conditions=item["conditions"], outcomes=tuple(parsed), test=test)


# --- Local additions of a municipality ------------------------------------------


def local_destination_data(item: Mapping[str, Any], *, country: str) -> dict[str, Any]:
    """A municipality's destination as rule set data: prefixed code, its country."""
    data = {key: item[key] for key in ("kind", "label", "url") if item.get(key)}
    data["code"] = LOCAL_PREFIX + str(item.get("code", ""))
    data["country"] = country
    return data


def local_rule_data(item: Mapping[str, Any]) -> dict[str, Any]:
    """A municipality's rule as rule set data: prefixed id. Outcomes refer to contract
    codes or to the municipality's own destinations as ``local:<code>``."""
    return {**item, "id": LOCAL_PREFIX + str(item.get("id", ""))}


def check_local_rule(item: object, *, local_codes: Iterable[str]) -> Rule:
    """Validate one local rule. It may send cases to the contract's destinations (their
    meaning is fixed) and to the municipality's own (``local:<code>``). Raises RuleSetInvalid."""
    allowed = {code: Destination(code, "action", None, code) for code in CONTRACT_DESTINATIONS}
    allowed.update(
        {LOCAL_PREFIX + code: Destination(LOCAL_PREFIX + code, "referral", None, code) for code in local_codes}
    )
    if not isinstance(item, dict):
        raise RuleSetInvalid({"rules": ["rule: een regel is een object."]})
    return parse_rule(local_rule_data(item), allowed, allow_local=True, where="regel")


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
    local_rules = [local_rule_data(item) for item in rules]
    merged = parse_rule_set(
        version=f"{base.version}+{name}"[:40],
        rules=[*base.source["rules"], *local_rules],
        destinations=[*base.source["destinations"], *local_destinations],
        require_contract=False,
        allow_local=True,
    )
    return merged
