"""The condition language of the rules, and its compiler.

A condition is JSON data:

``{"all": [c, …]}``, ``{"any": [c, …]}``, ``{"not": c}``
    combine conditions. ``{"all": []}`` is always true.
``{"fact": "acute_danger", "is": true}``
    a yes/no fact (``is`` true or false).
``{"fact": "victim_age", "lt": 18}``
    a number fact: ``lt``, ``le``, ``gt``, ``ge``, ``eq``.
``{"fact": "forms", "contains": "sextortion"}``
    a list fact: ``contains``, ``contains_any``, ``contains_all`` (``[…]``).
``{"fact": "country", "eq": "BE"}`` or ``{"fact": "country", "in": ["NL", "BE"]}``
    the country.
``{"fact": "age_when_images_made", "known": false}``
    any fact: is it known (not missing, not null)?
``{"flag": "minor"}``
    a derived flag (``minor``, ``criminal_threat``, ``hate_crime``, ``vulnerable_victim``).

Unknown facts use three-valued logic (Kleene): a test on an unknown fact is
*unknown*; ``not unknown`` is unknown; ``all`` is false as soon as one part is
false, ``any`` true as soon as one part is true, otherwise unknown wins over the
rest. A rule fires only when its condition is *true*, so an unknown fact never
counts as "no": to act on "not known", say so with ``known``.

Conditions are compiled once per rule set into two closures of plain booleans,
"definitely true" and "definitely false" (the usual two-predicate encoding of
Kleene logic: ``not`` swaps them, ``all`` is all-true / any-false, ``any`` the
reverse). A rule needs only the first; ``compile_condition`` combines both into a
test returning True, False or None (unknown).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import itemgetter
from typing import Any

from referrals.routing.facts import Facts
from referrals.routing.vocabulary import (
    AGE_COMPARISONS,
    BOOL,
    ENUM,
    FACT_TYPES,
    FACT_VALUES,
    INT,
    LIST,
    MAX_AGE,
    MIN_AGE,
)

Test = Callable[[Facts, Mapping[str, bool | None]], bool | None]
Predicate = Callable[[Facts, Mapping[str, bool | None]], bool]
Getter = Callable[[Facts], Any]  # an operator.itemgetter of one field

_OPERATORS = {
    BOOL: ("is",),
    INT: ("lt", "le", "gt", "ge", "eq"),
    ENUM: ("eq", "in"),
    LIST: ("contains", "contains_any", "contains_all"),
}
_MAX_DEPTH = 12
_AGES = range(MIN_AGE, MAX_AGE + 1)


class ConditionInvalid(ValueError):
    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


def compile_condition(node: object, *, flags: tuple[str, ...], path: str = "conditions") -> Test:
    """Validate ``node`` and return its three-valued test. ``flags``: the flag names it may use."""
    true, false = compile_predicates(node, flags=flags, path=path)

    def test(facts: Facts, flag_values: Mapping[str, bool | None]) -> bool | None:
        if true(facts, flag_values):
            return True
        if false(facts, flag_values):
            return False
        return None

    return test


def compile_predicates(
    node: object, *, flags: tuple[str, ...], path: str = "conditions"
) -> tuple[Predicate, Predicate]:
    """Validate ``node``; return (definitely true, definitely false) as plain predicates."""
    return _compile(node, frozenset(flags), path, 0)


def _compile(node: object, flags: frozenset[str], path: str, depth: int) -> tuple[Predicate, Predicate]:
    if depth > _MAX_DEPTH:
        raise ConditionInvalid(path, f"te diep genest (meer dan {_MAX_DEPTH} niveaus).")
    if not isinstance(node, dict):
        raise ConditionInvalid(path, 'een voorwaarde is een object, zoals {"fact": "acute_danger", "is": true}.')
    if "all" in node or "any" in node:
        key = "all" if "all" in node else "any"
        _only(node, {key}, path)
        parts = node[key]
        if not isinstance(parts, list):
            raise ConditionInvalid(f"{path}.{key}", "geef een lijst van voorwaarden.")
        compiled = [_compile(part, flags, f"{path}.{key}[{i}]", depth + 1) for i, part in enumerate(parts)]
        trues = tuple(true for true, _ in compiled)
        falses = tuple(false for _, false in compiled)
        return (_and(trues), _or(falses)) if key == "all" else (_or(trues), _and(falses))
    if "not" in node:
        _only(node, {"not"}, path)
        true, false = _compile(node["not"], flags, f"{path}.not", depth + 1)
        return false, true
    if "flag" in node:
        _only(node, {"flag"}, path)
        name = node["flag"]
        if name not in flags:
            raise ConditionInvalid(f"{path}.flag", f"onbekende vlag {name!r}. Kies uit: {', '.join(sorted(flags))}.")
        return _flag_is(name, True), _flag_is(name, False)
    if "fact" in node:
        return _compile_fact(node, path)
    raise ConditionInvalid(path, "gebruik all, any, not, fact of flag.")


def _only(node: dict[str, Any], keys: set[str], path: str) -> None:
    extra = sorted(set(node) - keys)
    if extra:
        raise ConditionInvalid(path, f"onbekende sleutel {extra[0]!r} naast {sorted(keys)[0]!r}.")


def _compile_fact(node: dict[str, Any], path: str) -> tuple[Predicate, Predicate]:
    fact = node["fact"]
    if fact not in FACT_TYPES:
        raise ConditionInvalid(f"{path}.fact", f"onbekend feit {fact!r}. Kies uit: {', '.join(FACT_TYPES)}.")
    kind = FACT_TYPES[fact]
    ops = [key for key in node if key != "fact"]
    if len(ops) != 1:
        raise ConditionInvalid(path, 'geef precies één bewerking bij een feit, zoals "is", "lt" of "contains".')
    op = ops[0]
    value = node[op]
    where = f"{path}.{op}"
    get = itemgetter(Facts._fields.index(fact))
    if op == "known":
        if not isinstance(value, bool):
            raise ConditionInvalid(where, "geef true of false.")
        return _known(get, value), _known(get, not value)
    if op not in _OPERATORS[kind]:
        allowed = ", ".join((*_OPERATORS[kind], "known"))
        raise ConditionInvalid(where, f"kan niet bij feit {fact!r}; gebruik {allowed}.")
    if kind == BOOL:
        if not isinstance(value, bool):
            raise ConditionInvalid(where, "geef true of false.")
        return _is(get, value), _is(get, not value)
    if kind == INT:
        if type(value) is not int or not MIN_AGE <= value <= MAX_AGE + 1:
            raise ConditionInvalid(where, f"geef een geheel getal van {MIN_AGE} tot en met {MAX_AGE + 1}.")
        # Ages are validated to lie in 0..120, so a comparison is a set lookup; an
        # unknown age (None) is in neither set.
        yes = frozenset(age for age in _AGES if AGE_COMPARISONS[op](age, value))
        return _member(get, yes), _member(get, frozenset(_AGES) - yes)
    allowed_values = FACT_VALUES[fact]
    if op in ("contains", "eq"):
        _check_value(value, allowed_values, where)
        if op == "eq":  # the country: never unknown
            return _member(get, frozenset([value])), _member(get, frozenset(allowed_values) - {value})
        return _contains(get, value, True), _contains(get, value, False)
    if not isinstance(value, list) or not value:
        raise ConditionInvalid(where, "geef een lijst met minstens één waarde.")
    for i, item in enumerate(value):
        _check_value(item, allowed_values, f"{where}[{i}]")
    values = frozenset(value)
    if op == "in":
        return _member(get, values), _member(get, frozenset(allowed_values) - values)
    if op == "contains_any":
        return _overlaps(get, values, True), _overlaps(get, values, False)
    return _superset(get, values, True), _superset(get, values, False)


def _check_value(value: Any, allowed: tuple[str, ...], where: str) -> None:
    if not isinstance(value, str) or value not in allowed:
        raise ConditionInvalid(where, f"onbekende waarde {value!r}. Kies uit: {', '.join(allowed)}.")


# --- Closures: plain predicates, as few calls as possible per case. ---------------------


def _always(result: bool) -> Predicate:
    def always(facts: Facts, flags: Mapping[str, bool | None]) -> bool:
        return result

    return always


def _and(predicates: tuple[Predicate, ...]) -> Predicate:
    if not predicates:
        return _always(True)
    if len(predicates) == 1:
        return predicates[0]
    if len(predicates) == 2:
        first, second = predicates

        def and2(facts: Facts, flags: Mapping[str, bool | None]) -> bool:
            return first(facts, flags) and second(facts, flags)

        return and2

    def and_(facts: Facts, flags: Mapping[str, bool | None]) -> bool:
        for predicate in predicates:
            if not predicate(facts, flags):
                return False
        return True

    return and_


def _or(predicates: tuple[Predicate, ...]) -> Predicate:
    if not predicates:
        return _always(False)
    if len(predicates) == 1:
        return predicates[0]
    if len(predicates) == 2:
        first, second = predicates

        def or2(facts: Facts, flags: Mapping[str, bool | None]) -> bool:
            return first(facts, flags) or second(facts, flags)

        return or2

    def or_(facts: Facts, flags: Mapping[str, bool | None]) -> bool:
        for predicate in predicates:
            if predicate(facts, flags):
                return True
        return False

    return or_


def _flag_is(name: str, expected: bool) -> Predicate:
    def flag(facts: Facts, flags: Mapping[str, bool | None]) -> bool:
        return flags[name] is expected

    return flag


def _known(get: Getter, expected: bool) -> Predicate:
    if expected:

        def known(facts: Facts, flags: Mapping[str, bool | None]) -> bool:
            return get(facts) is not None

        return known

    def unknown(facts: Facts, flags: Mapping[str, bool | None]) -> bool:
        return get(facts) is None

    return unknown


def _is(get: Getter, expected: bool) -> Predicate:
    def is_(facts: Facts, flags: Mapping[str, bool | None]) -> bool:
        return get(facts) is expected

    return is_


def _member(get: Getter, values: frozenset[object]) -> Predicate:
    def member(facts: Facts, flags: Mapping[str, bool | None]) -> bool:
        return get(facts) in values

    return member


def _contains(get: Getter, item: str, expected: bool) -> Predicate:
    def contains(facts: Facts, flags: Mapping[str, bool | None]) -> bool:
        value = get(facts)
        return value is not None and (item in value) is expected

    return contains


def _overlaps(get: Getter, items: frozenset[str], expected: bool) -> Predicate:
    def overlaps(facts: Facts, flags: Mapping[str, bool | None]) -> bool:
        value = get(facts)
        return value is not None and items.isdisjoint(value) is not expected

    return overlaps


def _superset(get: Getter, items: frozenset[str], expected: bool) -> Predicate:
    def superset(facts: Facts, flags: Mapping[str, bool | None]) -> bool:
        value = get(facts)
        return value is not None and (items <= value) is expected

    return superset
