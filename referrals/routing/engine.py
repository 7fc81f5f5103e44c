"""The routing engine (contract v2): ``route(facts, rule_set) -> RoutingResult``.

A pure function. It reads only its two arguments: no database, no network, no
clock, no settings. The rule set is compiled in advance (``parse_rule_set``), so
routing one case is a walk over precompiled closures.

Order of the result: by urgency (immediate, soon, normal), then by the rule set's
priority (the first rule, in priority order, that led to the destination). A
destination appears once; ``rules`` lists every rule that led to it (in priority
order), its urgency is the most urgent one among them, and the explanations of
those rules are merged into one text (``ruleset.merge_texts``). Cautions are
steps like rules; questions are the unknown facts read by steps that are still open.
"""

from __future__ import annotations

from referrals.routing.compiled import compile_router
from referrals.routing.conditions import compile_predicates
from referrals.routing.facts import Facts
from referrals.routing.result import RoutingResult
from referrals.routing.ruleset import RuleSet
from referrals.routing.vocabulary import FLAG_DEFINITIONS, FLAGS

_FLAG_TESTS = tuple(
    (name, *compile_predicates(condition, flags=FLAGS[:i], path=f"flags.{name}"))
    for i, (name, condition) in enumerate(FLAG_DEFINITIONS)
)


def evaluate_flags(facts: Facts) -> dict[str, bool | None]:
    """Each flag as True, False or None (unknown)."""
    flags: dict[str, bool | None] = {}
    for name, true, false in _FLAG_TESTS:
        flags[name] = True if true(facts, flags) else (False if false(facts, flags) else None)
    return flags


def route(facts: Facts, rule_set: RuleSet) -> RoutingResult:
    """Route one case. Pure: the same facts and rule set always give the same result.

    Runs the rule set compiled into one function (``compiled.py``, built on first
    use); ``route_interpreted`` is the same routing through the closures."""
    router = rule_set.router
    if router is None:
        router = rule_set.router = compile_router(rule_set, lambda facts: route_interpreted(facts, rule_set))
    return router(facts)


def route_interpreted(facts: Facts, rule_set: RuleSet) -> RoutingResult:
    """``route`` through the compiled closures of each condition (the reference).

    A step (rule or caution) whose condition is true fires; one that is neither true
    nor false is *open*: the unknown facts it reads become the questions, when it
    could still change the answer."""
    flags = evaluate_flags(facts)
    fired = open_steps = 0
    for number, true, false in rule_set.plan(facts.country, facts.forms):
        if true(facts, flags):
            fired |= 1 << number
        elif not false(facts, flags):
            open_steps |= 1 << number
    result = rule_set.result(facts.country, fired, tuple([name for name in FLAGS if flags[name] is True]))
    return rule_set.asked(result, facts.country, open_steps, facts)
