"""The referral routing engine (routing contract version 2).

Pure Python, no Django: ``route(parse_facts(raw), rule_set)``. The rules are data
(``defaults.py`` ships version 2026.2; platform administrators publish new
versions, see ``referrals.services.rule_set_publish``), compiled once per rule set.

>>> result = route(parse_facts({"country": "NL", "forms": ["threat"], "acute_danger": True}), default_rule_set())
>>> result.recommendations[0].destination
'police_emergency'
"""

from __future__ import annotations

from functools import cache

from referrals.routing import defaults
from referrals.routing.engine import evaluate_flags, route
from referrals.routing.facts import Facts, FactsInvalid, parse_facts
from referrals.routing.result import Recommendation, RoutingResult
from referrals.routing.ruleset import (
    Destination,
    Rule,
    RuleSet,
    RuleSetInvalid,
    check_local_rule,
    merge_local,
    parse_rule_set,
)

__all__ = [
    "Destination",
    "Facts",
    "FactsInvalid",
    "Recommendation",
    "Rule",
    "RuleSet",
    "RuleSetInvalid",
    "RoutingResult",
    "check_local_rule",
    "default_rule_set",
    "evaluate_flags",
    "merge_local",
    "parse_facts",
    "parse_rule_set",
    "route",
]


@cache
def default_rule_set() -> RuleSet:
    """The shipped rule set, compiled once per process."""
    return parse_rule_set(
        version=defaults.VERSION,
        rules=defaults.RULES,
        destinations=defaults.DESTINATIONS,
        cautions=defaults.CAUTIONS,
        questions=defaults.QUESTIONS,
    )
