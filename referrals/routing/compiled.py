"""A rule set compiled into one plain Python function: the fast path of ``route``.

``compile_router(rule_set, fallback)`` turns the flags of the contract and the
plans of a rule set (see ``RuleSet.plans``) into the source of one function,
``route_compiled(facts) -> RoutingResult``, and compiles it once per rule set.
It gives exactly the answer of the closures in ``conditions.py`` (the reference
implementation, still used by ``evaluate_flags`` and ``Rule.test``), only
without a Python call per condition: the same "definitely true" and "definitely
false" predicates of Kleene logic, written out as boolean expressions.

The generated source holds only names made up here (``facts_3``, ``flag_1``,
``const_7``), operators and step numbers. Every value from the rule data (ages,
countries, forms, …) is passed in as a bound constant, never written into the
source, so rule data can never become code.

Per case the function unpacks the facts, works out the flags, tests each step of
the country's plan into a bit mask, and looks the (steps, flags) mask up in a
per-country table of results. A miss goes through ``RuleSet.result``, which
builds the shared, immutable ``RoutingResult``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from referrals.routing.facts import Facts
from referrals.routing.vocabulary import (
    AGE_COMPARISONS,
    BOOL,
    ENUM,
    FACT_TYPES,
    FACT_VALUES,
    FLAG_DEFINITIONS,
    FLAGS,
    INT,
    LIST,
    MAX_AGE,
    MIN_AGE,
)

if TYPE_CHECKING:
    from referrals.routing.result import RoutingResult
    from referrals.routing.ruleset import RuleSet

Router = Callable[[Facts], "RoutingResult"]

_AGES = range(MIN_AGE, MAX_AGE + 1)
_CACHE_LIMIT = 50_000  # results kept per country, as RuleSet keeps them
_LIST_OPERATORS = {(ENUM, "in"), (LIST, "contains_any"), (LIST, "contains_all")}


class _Unsupported(Exception):
    """A condition this compiler does not know: the caller keeps the closures."""


class _Source:
    """Collects bound constants and writes expressions that refer to them by name."""

    def __init__(self) -> None:
        self.constants: list[Any] = []
        self.facts = {name: f"facts_{index}" for index, name in enumerate(Facts._fields)}

    def constant(self, value: Any) -> str:
        self.constants.append(value)
        return f"const_{len(self.constants) - 1}"

    def predicates(self, node: Any, flags: Mapping[str, str]) -> tuple[str, str]:
        """(definitely true, definitely false) of an already validated condition, as
        Python expressions; mirrors ``conditions._compile``."""
        if not isinstance(node, dict):
            raise _Unsupported
        if "all" in node or "any" in node:
            key = "all" if "all" in node else "any"
            if len(node) != 1 or not isinstance(node[key], list):
                raise _Unsupported
            parts = [self.predicates(part, flags) for part in node[key]]
            trues, falses = [true for true, _ in parts], [false for _, false in parts]
            if key == "all":
                return _join(trues, "and"), _join(falses, "or")
            return _join(trues, "or"), _join(falses, "and")
        if "not" in node:
            if len(node) != 1:
                raise _Unsupported
            true, false = self.predicates(node["not"], flags)
            return false, true
        if "flag" in node:
            if len(node) != 1 or node["flag"] not in flags:
                raise _Unsupported
            local = flags[node["flag"]]
            return f"({local} is True)", f"({local} is False)"
        if "fact" in node:
            return self._fact(node)
        raise _Unsupported

    def _fact(self, node: dict[str, Any]) -> tuple[str, str]:
        fact = node["fact"]
        ops = [key for key in node if key != "fact"]
        if fact not in FACT_TYPES or len(ops) != 1:
            raise _Unsupported
        op, value = ops[0], node[ops[0]]
        kind = FACT_TYPES[fact]
        local = self.facts[fact]
        if op == "known":
            if type(value) is not bool:
                raise _Unsupported
            known, unknown = f"({local} is not None)", f"({local} is None)"
            return (known, unknown) if value else (unknown, known)
        if kind == BOOL and op == "is" and type(value) is bool:
            return f"({local} is {value})", f"({local} is {not value})"
        if kind == INT and op in ("lt", "le", "gt", "ge", "eq") and type(value) is int:
            # As conditions.py: ages are 0..120, so a comparison is a set lookup and
            # an unknown age (None) is in neither set.
            yes = frozenset(age for age in _AGES if AGE_COMPARISONS[op](age, value))
            return self._member(local, yes), self._member(local, frozenset(_AGES) - yes)
        allowed = FACT_VALUES.get(fact)
        if allowed is None:
            raise _Unsupported
        if kind == ENUM and op == "eq" and value in allowed:
            return self._member(local, frozenset([value])), self._member(local, frozenset(allowed) - {value})
        if kind == LIST and op == "contains" and value in allowed:
            item = self.constant(value)
            return (
                f"({local} is not None and {item} in {local})",
                f"({local} is not None and {item} not in {local})",
            )
        if isinstance(value, list) and value and (kind, op) in _LIST_OPERATORS:
            values = frozenset(value)
            if not values <= frozenset(allowed):
                raise _Unsupported
            if op == "in":
                return self._member(local, values), self._member(local, frozenset(allowed) - values)
            items = self.constant(values)
            if op == "contains_any":
                return (
                    f"({local} is not None and not {items}.isdisjoint({local}))",
                    f"({local} is not None and {items}.isdisjoint({local}))",
                )
            return (
                f"({local} is not None and {items} <= {local})",
                f"({local} is not None and not ({items} <= {local}))",
            )
        raise _Unsupported

    def _member(self, local: str, values: frozenset[object]) -> str:
        return f"({local} in {self.constant(values)})"


def _join(parts: list[str], operator: str) -> str:
    if not parts:
        return "True" if operator == "and" else "False"
    if len(parts) == 1:
        return parts[0]
    return "(" + f" {operator} ".join(parts) + ")"


def compile_router(rule_set: RuleSet, fallback: Router) -> Router:
    """``route`` for this rule set as one compiled function; ``fallback`` (the
    closures) when a condition is of a kind this compiler does not know."""
    try:
        return _compile_router(rule_set, fallback)
    except (_Unsupported, SyntaxError, RecursionError, MemoryError, ValueError):
        return fallback


def _compile_router(rule_set: RuleSet, fallback: Router) -> Router:
    source = _Source()
    lines = [
        "def route_compiled(facts):",
        f"    ({', '.join(source.facts.values())},) = facts",
        "    flag_mask = 0",
    ]
    flag_locals: dict[str, str] = {}
    for index, (name, condition) in enumerate(FLAG_DEFINITIONS):
        true, false = source.predicates(condition, flag_locals)
        local = f"flag_{index}"
        lines += [
            f"    if {true}:",
            f"        {local} = True",
            f"        flag_mask |= {1 << index}",
            f"    elif {false}:",
            f"        {local} = False",
            "    else:",
            f"        {local} = None",
        ]
        flag_locals[name] = local
    flag_bits = len(FLAGS)
    tables: dict[str, dict[int, RoutingResult]] = {}
    for country, plan in rule_set.plans.items():
        table: dict[int, RoutingResult] = {}
        tables[country] = table
        country_name = source.constant(country)
        lines += [f"    if {source.facts['country']} == {country_name}:", "        step_mask = 0"]
        falses = []
        for number, (step, _gate) in enumerate(plan):
            true, false = source.predicates(rule_set.steps[step[0]].conditions, flag_locals)
            falses.append(false)
            lines += [f"        if {true}:", f"            step_mask |= {1 << number}"]
        table_name = source.constant(table)
        miss = source.constant(_missing(rule_set, country, table, flag_bits))
        asked = source.constant(rule_set.asked)
        lines += [
            f"        key = (step_mask << {flag_bits}) | flag_mask",
            f"        result = {table_name}.get(key)",
            "        if result is None:",
            f"            result = {miss}(key)",
            # Questions: only the steps that could change this answer are tested for
            # being open (neither true nor false); most answers have few of them.
            "        changing = result.changing",
            "        if changing:",
            "            open_mask = 0",
        ]
        for number, false in enumerate(falses):
            lines += [
                f"            if changing & {1 << number} and not {false}:",
                f"                open_mask |= {1 << number}",
            ]
        lines += [
            "            if open_mask:",
            f"                return {asked}(result, {country_name}, open_mask, facts)",
            "        return result",
        ]
    lines.append(f"    return {source.constant(fallback)}(facts)")
    text = "\n".join(lines)
    names = [f"const_{index}" for index in range(len(source.constants))]
    factory_text = f"def factory({', '.join(names)}):\n" + _indent(text) + "\n    return route_compiled\n"
    namespace: dict[str, Any] = {}
    exec(compile(factory_text, f"<routing rules {rule_set.version}>", "exec"), namespace)  # noqa: S102 - our own source, see the module docstring
    made = namespace["factory"](*source.constants)
    made.source = factory_text  # for reading when debugging
    router: Callable[[Facts], RoutingResult] = made
    return router


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def _missing(
    rule_set: RuleSet, country: str, table: dict[int, RoutingResult], flag_bits: int
) -> Callable[[int], RoutingResult]:
    """Decode a (steps, flags) mask, build the result through ``RuleSet.result`` and
    remember it."""
    flags_all = (1 << flag_bits) - 1
    flag_tuples = [
        tuple(name for index, name in enumerate(FLAGS) if mask >> index & 1) for mask in range(flags_all + 1)
    ]

    def missing(key: int) -> RoutingResult:
        result = rule_set.result(country, key >> flag_bits, flag_tuples[key & flags_all])
        if len(table) >= _CACHE_LIMIT:
            table.clear()
        table[key] = result
        return result

    return missing
