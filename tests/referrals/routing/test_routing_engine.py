"""The pure engine: contract examples, one example per shipped rule, ordering,
de-duplication, country separation, unknown facts and purity."""

from __future__ import annotations

import json

import pytest

from bench.routing import generate_cases
from referrals.routing import default_rule_set, parse_facts, parse_rule_set, route
from referrals.routing import defaults as shipped
from referrals.routing.vocabulary import CONTRACT_CAUTIONS, CONTRACT_DESTINATIONS, URGENCIES
from tests.referrals.examples import RULE_EXAMPLES, contract_example_params

RULE_SET = default_rule_set()
SHIPPED = {"destinations": shipped.DESTINATIONS, "cautions": shipped.CAUTIONS, "questions": shipped.QUESTIONS}


def routed(facts: dict):
    return route(parse_facts(facts), RULE_SET)


# --- The contract ---------------------------------------------------------------------


@pytest.mark.parametrize("example", contract_example_params())
def test_contract_example(example):
    if isinstance(example, Exception):
        pytest.fail(str(example), pytrace=False)
    result = routed(example["facts"]).as_dict()
    destinations = [r["destination"] for r in result["recommendations"]]
    for code in example.get("must_include", []):
        assert code in destinations, f"{example['name']}: {code} missing from {destinations}"
    for code in example.get("must_exclude", []):
        assert code not in destinations, f"{example['name']}: {code} must not be in {destinations}"
    for flag in example.get("flags_include", []):
        assert flag in result["flags"], f"{example['name']}: flag {flag} missing from {result['flags']}"
    if "first" in example:
        assert destinations[0] == example["first"], f"{example['name']}: first is {destinations[0]}"
    for group in example.get("must_include_any", []):
        assert set(group) & set(destinations), f"{example['name']}: none of {group} in {destinations}"
    for before, after in example.get("before", []):
        if before in destinations and after in destinations:
            assert destinations.index(before) < destinations.index(after), f"{example['name']}: {before} after {after}"
    cautions = [c["id"] for c in result["cautions"]]
    for caution in example.get("cautions_include", []):
        assert caution in cautions, f"{example['name']}: caution {caution} missing from {cautions}"
    for caution in example.get("cautions_exclude", []):
        assert caution not in cautions, f"{example['name']}: caution {caution} must not be in {cautions}"
    asked = [q["fact"] for q in result["questions"]]
    for fact in example.get("questions_include", []):
        assert fact in asked, f"{example['name']}: no question about {fact} in {asked}"
    texts = [r["explanation"] for r in result["recommendations"]]
    texts += [c["text"] for c in result["cautions"]] + [q["question"] for q in result["questions"]]
    for word in example.get("text_excludes", []):
        assert not [t for t in texts if word in t], f"{example['name']}: {word!r} in a text"
    assert len(destinations) == len(set(destinations))


def test_result_has_exactly_the_contract_shape():
    result = routed({"country": "NL", "forms": ["threat"], "acute_danger": True}).as_dict()
    assert list(result) == ["rules_version", "flags", "recommendations", "questions", "cautions"]
    assert result["rules_version"] == "2026.2"
    for recommendation in result["recommendations"]:
        assert set(recommendation) == {"destination", "kind", "urgency", "rules", "explanation"}
        assert recommendation["kind"] in ("referral", "action", "advice")
        assert recommendation["urgency"] in URGENCIES
        assert recommendation["rules"] and recommendation["explanation"]
    asked = routed({"country": "NL", "forms": ["stalking"]}).as_dict()
    assert asked["questions"][0] == {"fact": "acute_danger", "question": asked["questions"][0]["question"]}
    assert all(set(q) == {"fact", "question"} and q["question"].endswith("?") for q in asked["questions"])
    warned = routed({"country": "BE", "victim_age": 15, "forms": ["sextortion"], "intimate_images": True}).as_dict()
    assert [set(c) for c in warned["cautions"]] == [{"id", "text"}] * len(warned["cautions"])
    assert {c["id"] for c in warned["cautions"]} == {"no_copies_of_minor_images", "do_not_give_in"}


def test_defaults_cover_every_contract_destination_with_its_kind():
    assert RULE_SET.version == shipped.VERSION == "2026.2"
    for code, (kind, country) in CONTRACT_DESTINATIONS.items():
        destination = RULE_SET.destinations[code]
        assert (destination.kind, destination.country) == (kind, country)
    reached = {o.destination for rule in RULE_SET.rules for o in rule.outcomes}
    assert reached == set(CONTRACT_DESTINATIONS), "every contract destination is reachable by a shipped rule"
    cautions = {o.destination.lstrip("!") for rule in RULE_SET.cautions for o in rule.outcomes}
    assert cautions == set(CONTRACT_CAUTIONS)


# --- One example per shipped rule ---------------------------------------------------------


@pytest.mark.parametrize("rule_id", [rule.id for rule in RULE_SET.rules])
def test_every_shipped_rule_fires_in_an_example(rule_id):
    covering = [(name, facts, fires[rule_id]) for name, facts, fires in RULE_EXAMPLES if rule_id in fires]
    assert covering, f"write an example in tests/referrals/examples.py in which rule {rule_id!r} fires"
    for name, facts, destination in covering:
        by_destination = {r.destination: r for r in routed(facts).recommendations}
        assert destination in by_destination, f"{name}: {destination} missing"
        assert rule_id in by_destination[destination].rules, f"{name}: {rule_id} did not lead to {destination}"


def test_examples_only_name_rules_that_exist():
    known = {rule.id for rule in RULE_SET.rules}
    named = {rule_id for _, _, fires in RULE_EXAMPLES for rule_id in fires}
    assert named <= known, named - known


# --- Ordering and de-duplication ---------------------------------------------------------


def test_ordered_by_urgency_then_priority():
    result = routed(
        {
            "country": "NL",
            "victim_age": 16,
            "forms": ["threat", "sexual_exposing"],
            "acute_danger": True,
            "threatened_with": ["death"],
            "intimate_images": True,
            "age_when_images_made": 15,
            "images_online": True,
            "offender_known": True,
            "victim_wishes": ["report_police", "mediation"],
        }
    )
    ranks = [URGENCIES.index(r.urgency) for r in result.recommendations]
    assert ranks == sorted(ranks)
    priority = {rule.id: rule.priority for rule in RULE_SET.rules}
    for urgency in URGENCIES:
        same = [r for r in result.recommendations if r.urgency == urgency]
        firsts = [min(priority[rule_id] for rule_id in r.rules) for r in same]
        assert firsts == sorted(firsts), f"{urgency}: {[(r.destination, r.rules) for r in same]}"
    assert result.recommendations[0].destination == "police_emergency"


def test_destination_once_with_every_rule_that_led_to_it():
    result = routed(
        {
            "country": "NL",
            "victim_age": 30,
            "forms": ["threat", "hate_speech"],
            "threatened_with": ["death"],
            "hate_motive": True,
            "acute_danger": False,
            "victim_wishes": ["report_police"],
        }
    )
    destinations = result.destinations
    assert len(destinations) == len(set(destinations))
    police = next(r for r in result.recommendations if r.destination == "police_report")
    assert police.rules == ("threat-death", "hate-crime", "report-wish")
    # The most urgent of its rules wins; one merged text: each reason, the shared advice once.
    assert police.urgency == "soon"
    # The two most important reasons (a merged text keeps at most two), the advice once.
    assert "met de dood bedreigd" in police.explanation and "aangevallen om wie het is" in police.explanation
    assert "wil aangifte doen" not in police.explanation
    assert police.explanation.count("0900-8844") == 1


def test_to_json_is_the_same_as_dumping_the_dict():
    for facts in generate_cases(300, seed=7):
        result = routed(facts)
        assert result.to_json() == json.dumps(result.as_dict(), separators=(",", ":"))
        assert json.loads(result.to_json()) == result.as_dict()


# --- Countries -------------------------------------------------------------------------------


@pytest.mark.parametrize("country", ["NL", "BE"])
def test_never_an_organisation_of_the_other_country(country):
    seen = set()
    for facts in generate_cases(6000, seed=11):
        facts["country"] = country
        for recommendation in routed(facts).recommendations:
            assert RULE_SET.destinations[recommendation.destination].country in (None, country)
            seen.add(recommendation.destination)
    # Exactly the destinations of this country (and of both): every one reached, none of the other.
    assert seen == {code for code, (_, c) in CONTRACT_DESTINATIONS.items() if c in (None, country)}


def test_a_rule_sending_to_the_other_country_is_filtered_by_the_engine():
    rules = [
        {
            "id": "always",
            "priority": 1,
            "conditions": {"all": []},
            "outcomes": [
                {"destination": "child_focus", "urgency": "soon", "explanation": "BE only."},
                {"destination": "helpwanted", "urgency": "soon", "explanation": "NL only."},
            ],
        }
    ]
    rule_set = parse_rule_set(version="t.1", rules=rules, **SHIPPED)
    assert route(parse_facts({"country": "NL", "forms": ["threat"]}), rule_set).destinations == ["helpwanted"]
    assert route(parse_facts({"country": "BE", "forms": ["threat"]}), rule_set).destinations == ["child_focus"]


# --- Unknown facts ---------------------------------------------------------------------------


def test_stopncii_only_when_images_known_to_be_made_as_adult():
    base = {
        "country": "NL",
        "victim_age": 30,
        "forms": ["sexual_exposing"],
        "intimate_images": True,
        "acute_danger": False,
    }
    assert "stopncii" in routed({**base, "age_when_images_made": 18}).destinations
    assert "stopncii" not in routed({**base, "age_when_images_made": 17}).destinations
    unknown = routed(base)
    assert "stopncii" not in unknown.destinations
    helpwanted = next(r for r in unknown.recommendations if r.destination == "helpwanted")
    assert "images-age-unknown" in helpwanted.rules and "niet bekend hoe oud" in helpwanted.explanation
    assert "age_when_images_made" in [fact for fact, _ in unknown.questions]
    assert "no_copies_of_minor_images" in [caution for caution, _ in unknown.cautions]


def test_unknown_image_age_of_a_minor_is_the_minor_route_without_asking():
    result = routed({"country": "BE", "victim_age": 15, "forms": ["sextortion"], "intimate_images": True})
    child_focus = next(r for r in result.recommendations if r.destination == "child_focus")
    assert "minor-images" in child_focus.rules
    assert "images-age-unknown" not in child_focus.rules
    assert "stopncii" not in result.destinations and "igvm" not in result.destinations
    assert "age_when_images_made" not in [fact for fact, _ in result.questions]


def test_unknown_is_not_false():
    # acute_danger unknown: no 112 and no mediation, but the first question.
    unknown = routed(
        {
            "country": "NL",
            "victim_age": 20,
            "forms": ["cyberbullying"],
            "offender_known": True,
            "victim_wishes": ["mediation"],
        }
    )
    assert "police_emergency" not in unknown.destinations
    assert "perspectief_herstelbemiddeling" not in unknown.destinations
    assert unknown.questions[0][0] == "acute_danger"
    # Age unknown: not a minor, but not "adult" either.
    assert routed({"country": "NL", "forms": ["threat"]}).flags == ()
    # threatened_with unknown: neither "criminal threat" nor "not punishable".
    result = routed({"country": "NL", "forms": ["threat"], "acute_danger": False})
    assert "criminal_threat" not in result.flags
    assert "police_notification" not in result.destinations
    assert (
        "police_notification"
        in routed({"country": "NL", "forms": ["threat"], "acute_danger": False, "threatened_with": []}).destinations
    )


@pytest.mark.parametrize(
    ("facts", "flags"),
    [
        ({"victim_age": 17}, ("minor", "vulnerable_victim")),
        ({"victim_age": 18}, ()),
        ({"threatened_with": ["property_damage"]}, ("criminal_threat",)),
        ({"threatened_with": []}, ()),
        ({"hate_motive": True}, ("hate_crime",)),
        ({"forms": ["hate_speech"]}, ("hate_crime",)),
        ({"vulnerabilities": ["dependency_on_offender"]}, ("vulnerable_victim",)),
        (
            {"victim_age": 12, "threatened_with": ["rape"], "hate_motive": True},
            ("minor", "criminal_threat", "hate_crime", "vulnerable_victim"),
        ),
    ],
)
def test_flags(facts, flags):
    assert routed({"country": "BE", "forms": ["threat"], **facts}).flags == flags


def test_kleene_logic_in_conditions():
    rules = [
        {
            "id": "not-danger",
            "priority": 1,
            "conditions": {"not": {"fact": "acute_danger", "is": True}},
            "outcomes": [{"destination": "police_notification", "urgency": "normal", "explanation": "x"}],
        },
        {
            "id": "any-known",
            "priority": 2,
            "conditions": {"any": [{"fact": "acute_danger", "is": True}, {"fact": "forms", "contains": "threat"}]},
            "outcomes": [{"destination": "platform_report", "urgency": "normal", "explanation": "y"}],
        },
        {
            "id": "all-unknown",
            "priority": 3,
            "conditions": {"all": [{"fact": "victim_age", "ge": 18}, {"fact": "forms", "contains": "threat"}]},
            "outcomes": [{"destination": "stopncii", "urgency": "normal", "explanation": "z"}],
        },
    ]
    rule_set = parse_rule_set(version="k.1", rules=rules, **SHIPPED)
    unknown = route(parse_facts({"country": "NL", "forms": ["threat"]}), rule_set).destinations
    assert unknown == ["platform_report"]  # not(unknown) and all(unknown, true) do not fire; any(unknown, true) does
    known = route(
        parse_facts({"country": "NL", "forms": ["threat"], "acute_danger": False, "victim_age": 18}), rule_set
    ).destinations
    assert known == ["police_notification", "platform_report", "stopncii"]


# --- Purity ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_route_touches_no_database(django_assert_num_queries):
    cases = [parse_facts(facts) for facts in generate_cases(200, seed=3)]
    with django_assert_num_queries(0):
        for facts in cases:
            route(facts, RULE_SET)
        parse_rule_set(version="p.1", rules=shipped.RULES, **SHIPPED)


def test_route_is_deterministic_and_leaves_its_inputs_alone():
    raw = generate_cases(50, seed=5)
    snapshot = json.loads(json.dumps(raw))
    source = json.dumps(RULE_SET.source, sort_keys=True)
    first = [routed(facts).as_dict() for facts in raw]
    assert [routed(facts).as_dict() for facts in raw] == first
    assert raw == snapshot
    assert json.dumps(RULE_SET.source, sort_keys=True) == source
    assert shipped.RULES == RULE_SET.source["rules"]


def test_rule_set_does_not_share_the_callers_data():
    rules = json.loads(json.dumps(shipped.RULES))
    rule_set = parse_rule_set(version="c.1", rules=rules, **SHIPPED)
    rules[0]["outcomes"][0]["explanation"] = "changed afterwards"
    assert rule_set.source["rules"][0]["outcomes"][0]["explanation"] != "changed afterwards"


def test_the_engine_package_does_not_import_django():
    """Purity by construction: referrals.routing runs without Django at all."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, referrals.routing as r;"
        "r.route(r.parse_facts({'country': 'NL', 'forms': ['threat']}), r.default_rule_set());"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')], 'django imported'"
    )
    root = Path(__file__).resolve().parents[3]
    completed = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr


def test_the_forms_index_never_changes_which_rules_fire():
    """Rules that need a form the case lacks are skipped; evaluating them anyway
    must give exactly the same fired rules."""
    from referrals.routing import evaluate_flags

    skipped = 0
    for raw in generate_cases(3000, seed=21):
        facts = parse_facts(raw)
        flags = evaluate_flags(facts)
        steps = RULE_SET.plans[facts.country]
        everything = [number for number, (step, _gate) in enumerate(steps) if step[2](facts, flags)]
        indexed = RULE_SET.plan(facts.country, facts.forms)
        assert [number for number, test, _false in indexed if test(facts, flags)] == everything
        skipped += len(steps) - len(indexed)
    assert skipped > 0


# --- The compiled fast path gives the reference answer ----------------------------------


def _merged_rule_set():
    from referrals.routing import merge_local
    from tests.referrals.helpers import LOCAL_RULE

    return merge_local(
        default_rule_set(),
        name="zuiderhaven",
        country="NL",
        destinations=[{"code": "jongerenwerk", "kind": "referral", "label": "Jongerenwerk Zuiderhaven"}],
        rules=[LOCAL_RULE],
    )


@pytest.mark.parametrize("which", ["shipped", "merged"])
def test_compiled_routing_equals_the_interpreted_reference(which):
    """``route`` runs the rule set compiled into one function (routing/compiled.py);
    ``route_interpreted`` walks the closures of conditions.py. Same answer, always:
    checked over the contract examples and 20,000 generated cases with every field
    sometimes unknown."""
    from referrals.routing.engine import route_interpreted

    rule_set = default_rule_set() if which == "shipped" else _merged_rule_set()
    from tests.referrals.examples import load_contract_examples

    cases = [example["facts"] for example in load_contract_examples()]
    cases += [facts for _name, facts, _rules in RULE_EXAMPLES] + generate_cases(20_000, seed=7)
    for raw in cases:
        facts = parse_facts(raw)
        assert route(facts, rule_set) == route_interpreted(facts, rule_set), raw
