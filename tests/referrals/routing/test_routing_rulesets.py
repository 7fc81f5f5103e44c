"""Rule sets as data (routing contract v2): validation of rules, destinations,
cautions, questions and per-country texts, publishing versions, the active rule set,
the migration that switches off a version of contract v1, a municipality's local
rules, and the admin."""

from __future__ import annotations

import copy
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django_scopes import ScopeError, scope

from portal.models import Country
from portal.roles import Role
from referrals import selectors, services
from referrals.models import LocalDestination, LocalRule, RuleSetVersion
from referrals.routing import RuleSetInvalid, default_rule_set, merge_local, parse_facts, parse_rule_set, route
from referrals.routing import defaults as shipped
from referrals.routing.vocabulary import CONTRACT_CAUTIONS
from tests.factories import MunicipalityFactory, SchoolFactory
from tests.referrals.helpers import LOCAL_RULE

RULES = shipped.RULES
DESTINATIONS = shipped.DESTINATIONS
CAUTIONS = shipped.CAUTIONS
QUESTIONS = shipped.QUESTIONS
VERSION = shipped.VERSION
# Everything a published rule set holds, for rule_set_publish(**SHIPPED, ...).
SHIPPED = {"rules": RULES, "destinations": DESTINATIONS, "cautions": CAUTIONS, "questions": QUESTIONS}
SEXTORTION = {"country": "NL", "victim_age": 30, "forms": ["sextortion"], "acute_danger": False}


def rules_copy() -> list[dict]:
    return copy.deepcopy(RULES)


def invalid(**data) -> dict[str, list[str]]:
    data = {"version": "2026.9", **SHIPPED, **data}
    with pytest.raises(RuleSetInvalid) as caught:
        parse_rule_set(**data)
    return caught.value.errors


def valid(**data):
    return parse_rule_set(**{"version": "2026.9", **SHIPPED, **data})


def errors_of(errors: dict[str, list[str]], key: str, *fragments: str) -> list[str]:
    """The messages under ``key``; one of them holds every fragment."""
    assert key in errors, errors
    assert any(all(fragment in message for fragment in fragments) for message in errors[key]), errors[key]
    return errors[key]


def without(items: list[dict], key: str, value: str) -> list[dict]:
    return [copy.deepcopy(item) for item in items if item.get(key) != value]


# --- Validation ---------------------------------------------------------------------------


def test_shipped_defaults_validate():
    rule_set = parse_rule_set(version=VERSION, **SHIPPED)
    assert rule_set.version == VERSION == default_rule_set().version
    assert {rule.outcomes[0].destination[1:] for rule in rule_set.cautions} == set(CONTRACT_CAUTIONS)
    assert [question.fact for question in rule_set.questions] == [question["fact"] for question in QUESTIONS]
    assert rule_set.source == json.loads(json.dumps(SHIPPED))


def test_a_rule_set_needs_its_cautions_and_questions_as_lists():
    # Without cautions the contract's caution ids are missing.
    errors = invalid(cautions=None)
    errors_of(errors, "cautions", "ontbreken", *CONTRACT_CAUTIONS)
    errors_of(invalid(cautions=[]), "cautions", "ontbreken", *CONTRACT_CAUTIONS)
    errors_of(invalid(cautions={"id": "do_not_give_in"}), "cautions", "lijst")
    errors_of(invalid(questions={"fact": "acute_danger"}), "questions", "lijst")
    errors_of(invalid(questions="acute_danger"), "questions", "lijst")
    # No questions is allowed: the result then asks nothing.
    rule_set = valid(questions=[])
    assert rule_set.questions == ()
    assert route(parse_facts({"country": "NL", "forms": ["threat"]}), rule_set).questions == ()


@pytest.mark.parametrize(
    ("change", "key", "fragment"),
    [
        (lambda r: r[0].update(id="Acute Danger"), "rules", "rules[0] (Acute Danger): id"),
        (lambda r: r[1].update(id="acute-danger"), "rules", "staat er twee keer in"),
        (lambda r: r[0].update(priority=True), "rules", "priority"),
        (lambda r: r[0].update(priority=-1), "rules", "priority"),
        (lambda r: r[0].update(colour="red"), "rules", "onbekende sleutel 'colour'"),
        (lambda r: r[0].pop("outcomes"), "rules", "'outcomes' ontbreekt"),
        (lambda r: r[0].update(outcomes=[]), "rules", "outcomes"),
        (
            lambda r: r[0]["outcomes"][0].update(destination="ghostbusters"),
            "rules",
            "onbekende bestemming 'ghostbusters'",
        ),
        (lambda r: r[0]["outcomes"][0].update(urgency="now"), "rules", "outcomes[0].urgency"),
        (lambda r: r[0]["outcomes"][0].update(explanation=" "), "rules", "outcomes[0].explanation"),
        (lambda r: r[0].update(conditions={"fact": "shoe_size", "lt": 40}), "rules", "conditions.fact: onbekend feit"),
        (lambda r: r[0].update(conditions={"fact": "acute_danger", "lt": 4}), "rules", "kan niet bij feit"),
        (lambda r: r[0].update(conditions={"fact": "acute_danger", "is": "yes"}), "rules", "conditions.is"),
        (lambda r: r[0].update(conditions={"fact": "victim_age", "lt": True}), "rules", "geheel getal"),
        (
            lambda r: r[0].update(conditions={"fact": "forms", "contains": "phishing"}),
            "rules",
            "onbekende waarde 'phishing'",
        ),
        (lambda r: r[0].update(conditions={"fact": "forms", "contains_any": []}), "rules", "minstens één"),
        (lambda r: r[0].update(conditions={"any": [{"flag": "famous"}]}), "rules", "conditions.any[0].flag"),
        (lambda r: r[0].update(conditions={"all": {"fact": "acute_danger"}}), "rules", "conditions.all"),
        (lambda r: r[0].update(conditions={"not": {"flag": "minor"}, "all": []}), "rules", "onbekende sleutel"),
        (lambda r: r[0].update(conditions={"fact": "acute_danger", "is": True, "known": True}), "rules", "precies één"),
        (lambda r: r[0].update(conditions=[]), "rules", "een voorwaarde is een object"),
        (lambda r: r.append("not a rule"), "rules", "een regel is een object"),
    ],
)
def test_rule_errors_name_the_rule_and_the_path(change, key, fragment):
    rules = rules_copy()
    change(rules)
    errors = invalid(rules=rules)
    assert key in errors, errors
    assert any(fragment in message for message in errors[key]), errors[key]


def test_deeply_nested_conditions_are_refused():
    condition = {"fact": "acute_danger", "is": True}
    for _ in range(20):
        condition = {"not": condition}
    rules = rules_copy()
    rules[0]["conditions"] = condition
    assert any("te diep" in m for m in invalid(rules=rules)["rules"])


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda d: d.append({"code": "Bad Code", "kind": "referral", "country": "NL", "label": "x"}), "code"),
        (lambda d: d.append(dict(d[0])), "staat er twee keer in"),
        (lambda d: d.append({"code": "x_y", "kind": "hug", "country": "NL", "label": "x"}), "kind"),
        (lambda d: d.append({"code": "x_y", "kind": "referral", "country": "DE", "label": "x"}), "country"),
        (lambda d: d.append({"code": "x_y", "kind": "referral", "label": "x"}), "'country' ontbreekt"),
        (lambda d: d.append({"code": "x_y", "kind": "referral", "country": None, "label": ""}), "label"),
        (
            lambda d: d.append({"code": "x_y", "kind": "referral", "country": None, "label": "x", "url": "http://x"}),
            "url",
        ),
        (lambda d: d[9].update(country="NL"), "routeringscontract"),  # child_focus is Belgian
        (lambda d: d[0].update(kind="referral"), "routeringscontract"),
        (lambda d: d.pop(13), "ontbreken: advieslijn_professionals"),
        (lambda d: d.pop(), "ontbreken: awel"),
        (lambda d: d[14].update(country="BE"), "routeringscontract"),  # veilig_thuis is Dutch
        (lambda d: d[26].update(kind="referral"), "routeringscontract"),  # internal_confidant is an action
        (lambda d: d.append({"code": "local:x", "kind": "referral", "country": None, "label": "x"}), "code"),
    ],
)
def test_destination_errors(change, fragment):
    destinations = copy.deepcopy(DESTINATIONS)
    assert [destinations[i]["code"] for i in (0, 9, 13, 14, 26, -1)] == [
        "police_emergency",
        "child_focus",
        "advieslijn_professionals",
        "veilig_thuis",
        "internal_confidant",
        "awel",
    ]
    change(destinations)
    errors = invalid(destinations=destinations)
    assert any(fragment in message for message in errors["destinations"]), errors


@pytest.mark.parametrize("version", ["", " 2026", "2026/2", "x" * 41, 2026, None])
def test_version_errors(version):
    assert "version" in invalid(version=version)


def test_a_new_destination_can_be_added_as_data():
    destinations = [*DESTINATIONS, {"code": "zorgdomein", "kind": "referral", "country": "NL", "label": "Zorg"}]
    rules = [
        *RULES,
        {
            "id": "care",
            "priority": 85,
            "conditions": {"fact": "vulnerabilities", "contains": "psychological_problems"},
            "outcomes": [{"destination": "zorgdomein", "urgency": "normal", "explanation": "Zorg."}],
        },
    ]
    rule_set = valid(rules=rules, destinations=destinations)
    facts = parse_facts({"country": "NL", "forms": ["threat"], "vulnerabilities": ["psychological_problems"]})
    assert "zorgdomein" in route(facts, rule_set).destinations


# --- Cautions -------------------------------------------------------------------------------


@pytest.mark.parametrize("caution", CONTRACT_CAUTIONS)
def test_a_rule_set_without_one_of_the_contracts_cautions_is_refused(caution):
    errors = invalid(cautions=without(CAUTIONS, "id", caution))
    assert list(errors) == ["cautions"]
    errors_of(errors, "cautions", "routeringscontract", caution)


def test_a_new_caution_can_be_added_as_data():
    extra = {
        "id": "no_public_shaming",
        "priority": 20,
        "conditions": {"fact": "forms", "contains": "cyberbullying"},
        "explanation": "Pesten wordt erger als het openlijk wordt besproken.",
        "advice": "Bespreek het niet voor de klas.",
    }
    rule_set = valid(cautions=[*CAUTIONS, extra])
    result = route(parse_facts({"country": "BE", "forms": ["cyberbullying"]}), rule_set)
    assert (
        "no_public_shaming",
        "Pesten wordt erger als het openlijk wordt besproken. Bespreek het niet voor de klas.",
    ) in result.cautions


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (
            lambda c: c[1].update(conditions={"fact": "shoe_size", "lt": 40}),
            "cautions[1]: conditions.fact: onbekend feit",
        ),
        (
            lambda c: c[1].update(conditions={"fact": "forms", "contains": "phishing"}),
            "cautions[1]: conditions.contains",
        ),
        (lambda c: c[2].update(conditions={"any": [{"flag": "famous"}]}), "cautions[2]: conditions.any[0].flag"),
        (lambda c: c[0].update(conditions={"fact": "acute_danger", "is": "yes"}), "cautions[0]: conditions.is"),
        (lambda c: c[3].update(conditions=[]), "cautions[3]: conditions: een voorwaarde is een object"),
        (lambda c: c[1].update(id="Do Not Give In"), "cautions[1]: id"),
        (lambda c: c[1].update(priority=True), "cautions[1]: priority"),
        (lambda c: c[1].update(colour="red"), "cautions[1]: onbekende sleutel 'colour'"),
        (lambda c: c[1].pop("explanation"), "cautions[1]: 'explanation' ontbreekt"),
        (lambda c: c[1].pop("conditions"), "cautions[1]: 'conditions' ontbreekt"),
        (lambda c: c[1].update(explanation=" "), "cautions[1]: explanation"),
        (lambda c: c[1].update(advice=""), "cautions[1]: advice"),
        (lambda c: c[1].update(note=3), "cautions[1]: note"),
        (lambda c: c.append("no"), f"cautions[{len(CAUTIONS)}]: een waarschuwing is een object"),
    ],
)
def test_invalid_cautions_are_refused_naming_the_index(change, fragment):
    cautions = copy.deepcopy(CAUTIONS)
    change(cautions)
    errors = invalid(cautions=cautions)
    assert list(errors) == ["cautions"], errors
    errors_of(errors, "cautions", fragment)


# --- Questions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda q: q.append({"fact": "shoe_size", "question": "Welke maat?"}), "fact: kies een feit"),
        (lambda q: q.append({"fact": "country", "question": "Welk land?"}), "fact: kies een feit"),  # never unknown
        (lambda q: q.append({"fact": "forms", "question": "Welke vorm?"}), "fact: kies een feit"),
        (lambda q: q.append(dict(q[0])), "fact: 'acute_danger' heeft al een vraag"),
        (
            lambda q: q.append({"fact": "self_harm_signs", "question": "Nog eens?"}),
            "fact: 'self_harm_signs' heeft al een vraag",
        ),
        (
            lambda q: q.append({"fact": "unsafe_home", "question": "Anders gevraagd?", "when": {"all": []}}),
            "fact: 'unsafe_home' heeft al een vraag",
        ),
    ],
)
def test_invalid_question_facts_are_refused_naming_the_index(change, fragment):
    questions = copy.deepcopy(QUESTIONS)
    change(questions)
    errors = invalid(questions=questions)
    assert list(errors) == ["questions"], errors
    errors_of(errors, "questions", f"questions[{len(QUESTIONS)}]: {fragment}")


@pytest.mark.parametrize(
    ("when", "fragment"),
    [
        ({"fact": "acute_danger", "is": "yes"}, "when.is"),
        ({"fact": "shoe_size", "lt": 40}, "when.fact: onbekend feit"),
        ({"fact": "forms", "contains": "phishing"}, "when.contains"),
        ({"fact": "victim_age", "lt": True}, "when.lt"),
        ({"flag": "minor"}, "when.flag"),  # questions are asked on facts, not flags
        ({"any": {"fact": "acute_danger", "is": True}}, "when.any"),
        ({"fact": "setting", "eq": "home"}, "when.eq"),
        ("intimate_images", "when: een voorwaarde is een object"),
        ([], "when: een voorwaarde is een object"),
    ],
)
def test_a_question_with_a_bad_when_is_refused_naming_the_index(when, fragment):
    questions = copy.deepcopy(QUESTIONS)
    questions[7]["when"] = when  # age_when_images_made
    errors = invalid(questions=questions)
    assert list(errors) == ["questions"], errors
    errors_of(errors, "questions", f"questions[7]: {fragment}")


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda q: q[2].pop("question"), "questions[2]: 'question' ontbreekt"),
        (lambda q: q[2].pop("fact"), "questions[2]: 'fact' ontbreekt"),
        (lambda q: q[2].update(question=""), "questions[2]: question"),
        (lambda q: q[2].update(question=42), "questions[2]: question"),
        (lambda q: q[2].update(question="x" * 301), "questions[2]: question"),
        (lambda q: q[2].update(colour="red"), "questions[2]: onbekende sleutel 'colour'"),
        (lambda q: q.insert(0, "Is er gevaar?"), "questions[0]: een vraag is een object"),
    ],
)
def test_invalid_questions_are_refused_naming_the_index(change, fragment):
    questions = copy.deepcopy(QUESTIONS)
    change(questions)
    errors_of(invalid(questions=questions), "questions", fragment)


def test_every_problem_is_reported_under_its_own_field():
    cautions = copy.deepcopy(CAUTIONS)
    cautions[0]["conditions"] = {"fact": "shoe_size", "lt": 40}
    questions = [*QUESTIONS, {"fact": "shoe_size", "question": "Welke maat?"}]
    rules = rules_copy()
    rules[0]["outcomes"][0]["urgency"] = "whenever"
    errors = invalid(rules=rules, cautions=cautions, questions=questions)
    assert set(errors) == {"rules", "cautions", "questions"}


# --- Texts per country ----------------------------------------------------------------------

NEW_NL = {"code": "zorgdomein", "kind": "referral", "country": "NL", "label": {"NL": "Zorgdomein"}}
NEW_BE = {"code": "zorgnet", "kind": "referral", "country": "BE", "label": {"BE": "Zorgnet"}}


def rule_to(destination: str, explanation: object, *, advice: object = None, rule_id: str = "care") -> dict:
    outcome = {"destination": destination, "urgency": "normal", "explanation": explanation}
    if advice is not None:
        outcome["advice"] = advice
    return {
        "id": rule_id,
        "priority": 85,
        "conditions": {"fact": "vulnerabilities", "contains": "psychological_problems"},
        "outcomes": [outcome],
    }


def cared_for(country: str) -> dict:
    return {"country": country, "forms": ["threat"], "vulnerabilities": ["psychological_problems"]}


def test_a_destination_of_one_country_needs_only_that_countrys_text():
    rule_set = valid(
        destinations=[*DESTINATIONS, NEW_NL, NEW_BE],
        rules=[
            *RULES,
            rule_to("zorgdomein", {"NL": "Zorg in Nederland."}, advice={"NL": "Vraag de huisarts."}),
            rule_to("zorgnet", {"BE": "Zorg in België."}, rule_id="care-be"),
        ],
    )
    assert rule_set.destinations["zorgdomein"].label_for("NL") == "Zorgdomein"
    assert rule_set.destinations["zorgnet"].label_for("BE") == "Zorgnet"
    dutch = route(parse_facts(cared_for("NL")), rule_set)
    care = next(r for r in dutch.recommendations if r.destination == "zorgdomein")
    assert care.explanation == "Zorg in Nederland. Vraag de huisarts."
    assert "zorgnet" not in dutch.destinations
    belgian = route(parse_facts(cared_for("BE")), rule_set)
    assert next(r for r in belgian.recommendations if r.destination == "zorgnet").explanation == "Zorg in België."
    assert "zorgdomein" not in belgian.destinations


def test_a_destination_of_both_countries_needs_both_texts():
    errors = invalid(rules=[*RULES, rule_to("police_report", {"NL": "Doe aangifte."})])
    errors_of(errors, "rules", f"rules[{len(RULES)}] (care): outcomes[0].explanation.BE")
    errors = invalid(rules=[*RULES, rule_to("police_report", "Politie.", advice={"BE": "Klacht."})])
    errors_of(errors, "rules", "outcomes[0].advice.NL")
    label = {"code": "zorg", "kind": "referral", "country": None, "label": {"NL": "Zorg"}}
    errors_of(invalid(destinations=[*DESTINATIONS, label]), "destinations", "(zorg): label.BE")
    # A caution and a question serve both countries.
    cautions = copy.deepcopy(CAUTIONS)
    cautions[1]["explanation"] = {"NL": "Alleen Nederlands."}
    errors_of(invalid(cautions=cautions), "cautions", "cautions[1]: explanation.BE")
    questions = copy.deepcopy(QUESTIONS)
    questions[0]["question"] = {"BE": "Is er gevaar?"}
    errors_of(invalid(questions=questions), "questions", "questions[0]: question.NL")


def test_a_text_of_a_destination_of_one_country_is_checked_for_that_country():
    # An NL destination with only a Belgian text has no text where it is used.
    errors = invalid(destinations=[*DESTINATIONS, NEW_NL], rules=[*RULES, rule_to("zorgdomein", {"BE": "Zorg."})])
    errors_of(errors, "rules", "outcomes[0].explanation.NL")
    errors = invalid(destinations=[*DESTINATIONS, {**NEW_NL, "label": {"BE": "Zorgdomein"}}])
    errors_of(errors, "destinations", "(zorgdomein): label.NL")


@pytest.mark.parametrize("key", ["DE", "nl", "FR", "", "both"])
def test_a_text_for_an_unknown_country_is_refused(key):
    errors_of(
        invalid(destinations=[*DESTINATIONS, {**NEW_NL, "label": {"NL": "Zorgdomein", key: "x"}}]),
        "destinations",
        f"(zorgdomein): label.{key}:",
    )
    texts = {"NL": "Politie.", "BE": "Politie.", key: "x"}
    errors_of(invalid(rules=[*RULES, rule_to("police_report", texts)]), "rules", f"outcomes[0].explanation.{key}:")
    errors_of(
        invalid(rules=[*RULES, rule_to("police_report", "Politie.", advice=texts)]),
        "rules",
        f"outcomes[0].advice.{key}:",
    )
    # Even for a destination of one country: the key is a mistake, not another country's text.
    errors_of(
        invalid(destinations=[*DESTINATIONS, NEW_NL], rules=[*RULES, rule_to("zorgdomein", {"NL": "Zorg.", key: "x"})]),
        "rules",
        f"outcomes[0].explanation.{key}:",
    )
    cautions = copy.deepcopy(CAUTIONS)
    cautions[1]["advice"] = texts
    errors_of(invalid(cautions=cautions), "cautions", f"cautions[1]: advice.{key}:")
    questions = copy.deepcopy(QUESTIONS)
    questions[0]["question"] = texts
    errors_of(invalid(questions=questions), "questions", f"questions[0]: question.{key}:")


@pytest.mark.parametrize("text", [None, 42, ["NL", "x"], True])
def test_a_text_is_a_string_or_one_per_country(text):
    errors_of(invalid(rules=[*RULES, rule_to("police_report", text)]), "rules", "outcomes[0].explanation")


def test_per_country_texts_speak_each_countrys_words():
    rule_set = valid(
        rules=[*RULES, rule_to("police_report", {"NL": "Doe aangifte.", "BE": "Leg klacht neer."}, rule_id="care")]
    )
    for country, expected, other in (
        ("NL", "Doe aangifte.", "Leg klacht neer."),
        ("BE", "Leg klacht neer.", "Doe aangifte."),
    ):
        result = route(parse_facts(cared_for(country)), rule_set)
        report = next(r for r in result.recommendations if r.destination == "police_report")
        assert expected in report.explanation and other not in report.explanation


# --- Publishing versions ---------------------------------------------------------------------


def test_publish_validates_and_activates(platform_admin, django_assert_max_num_queries):
    assert selectors.active_rule_set() is default_rule_set()  # empty table: the shipped defaults
    rules = rules_copy()
    rules[0]["outcomes"][0]["explanation"] = "Nieuwe uitleg: bel 112."
    rules[0]["outcomes"][0].pop("advice", None)
    first = services.rule_set_publish(
        actor=platform_admin.user,
        version="2026.2",
        rules=rules,
        destinations=DESTINATIONS,
        cautions=CAUTIONS,
        questions=QUESTIONS,
    )
    assert first.is_active and first.created_by == platform_admin.user
    first.refresh_from_db()
    assert first.cautions == CAUTIONS and first.questions == QUESTIONS
    active = selectors.active_rule_set()
    assert active.version == "2026.2"
    assert active.source["cautions"] == CAUTIONS and active.source["questions"] == QUESTIONS
    facts = parse_facts({"country": "NL", "forms": ["threat"], "acute_danger": True})
    assert route(facts, active).recommendations[0].explanation == "Nieuwe uitleg: bel 112."
    # The stored cautions and questions take part.
    published = route(parse_facts(SEXTORTION), active)
    assert published.cautions == route(parse_facts(SEXTORTION), default_rule_set()).cautions
    assert "do_not_give_in" in [caution for caution, _text in published.cautions]
    assert route(parse_facts({"country": "NL", "forms": ["threat"]}), active).questions[0][0] == "acute_danger"
    # Cached per version: one query for the active id, no parsing.
    with django_assert_max_num_queries(1):
        assert selectors.active_rule_set() is active

    second = services.rule_set_publish(actor=platform_admin.user, version="2026.3", **SHIPPED)
    first.refresh_from_db()
    assert not first.is_active and second.is_active
    assert RuleSetVersion.objects.filter(is_active=True).count() == 1
    assert selectors.active_rule_set().version == "2026.3"

    services.rule_set_activate(actor=platform_admin.user, rule_set_version=first)
    assert selectors.active_rule_set().version == "2026.2"
    assert list(RuleSetVersion.objects.filter(is_active=True).values_list("version", flat=True)) == ["2026.2"]


def test_publish_refuses_invalid_data_with_errors_per_field(platform_admin):
    rules = rules_copy()
    rules[2]["outcomes"][0]["destination"] = "nowhere"
    with pytest.raises(ValidationError) as caught:
        services.rule_set_publish(
            actor=platform_admin.user,
            version="2026.2",
            rules=rules,
            destinations=[],
            cautions=CAUTIONS,
            questions=QUESTIONS,
        )
    assert set(caught.value.message_dict) == {"rules", "destinations"}
    assert RuleSetVersion.objects.count() == 0


@pytest.mark.parametrize("caution", CONTRACT_CAUTIONS)
def test_publish_refuses_a_rule_set_without_a_contract_caution(platform_admin, caution):
    with pytest.raises(ValidationError) as caught:
        services.rule_set_publish(
            actor=platform_admin.user, version="2026.2", **{**SHIPPED, "cautions": without(CAUTIONS, "id", caution)}
        )
    assert list(caught.value.message_dict) == ["cautions"]
    assert caution in " ".join(caught.value.message_dict["cautions"])
    assert RuleSetVersion.objects.count() == 0


def test_publish_refuses_invalid_cautions_and_questions_per_field(platform_admin):
    cautions = copy.deepcopy(CAUTIONS)
    cautions[2]["conditions"] = {"fact": "offender_known", "is": "maybe"}
    questions = [*QUESTIONS, {"fact": "acute_danger", "question": "Nog een keer?"}]
    with pytest.raises(ValidationError) as caught:
        services.rule_set_publish(
            actor=platform_admin.user, version="2026.2", **{**SHIPPED, "cautions": cautions, "questions": questions}
        )
    errors = caught.value.message_dict
    assert set(errors) == {"cautions", "questions"}
    assert any(m.startswith("cautions[2]: conditions.is") for m in errors["cautions"]), errors
    assert any(m.startswith(f"questions[{len(QUESTIONS)}]: fact") for m in errors["questions"]), errors
    assert RuleSetVersion.objects.count() == 0


def test_rule_set_validate_names_cautions_and_questions():
    services.rule_set_validate(version="2026.2", **SHIPPED)
    with pytest.raises(ValidationError) as caught:
        services.rule_set_validate(version="2026.2", **{**SHIPPED, "cautions": None, "questions": [{"fact": "x"}]})
    assert set(caught.value.message_dict) == {"cautions", "questions"}


def test_publish_refuses_a_used_version(platform_admin):
    services.rule_set_publish(actor=platform_admin.user, version="2026.2", **SHIPPED)
    with pytest.raises(ValidationError) as caught:
        services.rule_set_publish(actor=platform_admin.user, version="2026.2", **SHIPPED)
    assert "version" in caught.value.message_dict


@pytest.mark.django_db
def test_activating_a_stored_version_of_contract_1_is_refused(platform_admin):
    """A version published before contract v2 has no cautions (and no questions)."""
    current = services.rule_set_publish(actor=platform_admin.user, version="2026.2", **SHIPPED)
    old = RuleSetVersion.objects.create(version="2026.1", rules=RULES, destinations=DESTINATIONS, is_active=False)
    assert old.cautions == [] and old.questions == []
    with pytest.raises(ValidationError) as caught:
        services.rule_set_activate(actor=platform_admin.user, rule_set_version=old)
    errors = caught.value.message_dict
    assert list(errors) == ["cautions"]
    message = " ".join(errors["cautions"])
    assert "routeringscontract" in message and all(caution in message for caution in CONTRACT_CAUTIONS)
    old.refresh_from_db()
    current.refresh_from_db()
    assert not old.is_active and current.is_active
    assert selectors.active_rule_set().version == "2026.2"


@pytest.mark.parametrize("role", [Role.ORG_COORDINATOR, Role.CASE_HANDLER, Role.LEARNER, Role.CONTENT_EDITOR])
def test_only_platform_admins_publish(org, member_factory, role):
    member = member_factory(org, role)
    with pytest.raises(PermissionError):
        services.rule_set_publish(actor=member.user, version="2026.2", **SHIPPED)
    assert RuleSetVersion.objects.count() == 0


def test_municipal_coordinator_cannot_publish(municipal_coordinator):
    with pytest.raises(PermissionError):
        services.rule_set_publish(actor=municipal_coordinator.user, version="2026.2", **SHIPPED)


@pytest.mark.django_db
def test_database_allows_one_active_version_only():
    RuleSetVersion.objects.create(version="a", rules=RULES, destinations=DESTINATIONS, is_active=True)
    RuleSetVersion.objects.create(version="b", rules=RULES, destinations=DESTINATIONS, is_active=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        RuleSetVersion.objects.create(version="c", rules=RULES, destinations=DESTINATIONS, is_active=True)


# --- Migration 0006: a version of contract v1 is switched off ---------------------------------


def switch_off_v1_versions() -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module("referrals.migrations.0006_rule_set_v2")
    migration.switch_off_v1_versions(apps, None)


@pytest.mark.django_db
def test_migration_switches_off_an_active_version_without_cautions():
    old = RuleSetVersion.objects.create(version="2026.1", rules=RULES, destinations=DESTINATIONS, is_active=True)
    history = RuleSetVersion.objects.create(version="2025.9", rules=RULES, destinations=DESTINATIONS)
    switch_off_v1_versions()
    old.refresh_from_db()
    assert not old.is_active
    assert RuleSetVersion.objects.filter(pk=history.pk, is_active=False).exists()  # kept as history
    assert RuleSetVersion.objects.count() == 2
    # The shipped v2 rules apply until a new version is published.
    assert selectors.active_rule_set() is default_rule_set()


@pytest.mark.django_db
def test_migration_keeps_an_active_version_with_cautions():
    current = RuleSetVersion.objects.create(version="2026.2", **SHIPPED, is_active=True)
    RuleSetVersion.objects.create(version="2026.1", rules=RULES, destinations=DESTINATIONS)
    switch_off_v1_versions()
    current.refresh_from_db()
    assert current.is_active
    assert selectors.active_rule_set().version == "2026.2"


@pytest.mark.django_db(transaction=True)
def test_migration_0006_switches_off_the_active_v1_version():
    """The real migration: a version active under 0005 (no cautions column yet) is off after 0006."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("referrals", "0005_directory")], [("referrals", "0006_rule_set_v2")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        old_apps = executor.loader.project_state(before).apps
        OldVersion = old_apps.get_model("referrals", "RuleSetVersion")
        assert not any(field.name == "cautions" for field in OldVersion._meta.get_fields())
        OldVersion.objects.create(version="2026.1", rules=RULES, destinations=DESTINATIONS, is_active=True)
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        new_apps = executor.loader.project_state(after).apps
        row = new_apps.get_model("referrals", "RuleSetVersion").objects.get(version="2026.1")
        assert not row.is_active and row.cautions == [] and row.questions == []
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


# --- Local rules of a municipality -----------------------------------------------------------

BULLIED = {"country": "NL", "victim_age": 14, "forms": ["cyberbullying"], "acute_danger": False}


@pytest.mark.django_db
def test_merge_local_is_pure_and_prefixes(django_assert_num_queries):
    base = default_rule_set()
    with django_assert_num_queries(0):
        merged = merge_local(
            base,
            name="zuiderhaven",
            country="NL",
            destinations=[{"code": "jongerenwerk", "kind": "referral", "label": "Jongerenwerk Zuiderhaven"}],
            rules=[LOCAL_RULE],
        )
    assert merged.version == f"{VERSION}+zuiderhaven"
    assert base.version == VERSION and "local:jongerenwerk" not in base.destinations
    result = route(parse_facts(BULLIED), merged)
    local = next(r for r in result.recommendations if r.destination == "local:jongerenwerk")
    assert local.rules == ("local:jongerenwerk-pesten",)
    support = next(r for r in result.recommendations if r.destination == "slachtofferhulp")
    assert "local:jongerenwerk-pesten" in support.rules
    # A local organisation belongs to the municipality's country.
    assert "local:jongerenwerk" not in route(parse_facts({**BULLIED, "country": "BE"}), merged).destinations


@pytest.mark.django_db
def test_merge_local_keeps_the_base_cautions_and_questions():
    base = default_rule_set()
    merged = merge_local(
        base,
        name="zuiderhaven",
        country="NL",
        destinations=[{"code": "jongerenwerk", "kind": "referral", "label": "Jongerenwerk Zuiderhaven"}],
        rules=[LOCAL_RULE],
    )
    assert merged is not base
    assert merged.source["cautions"] == base.source["cautions"] == CAUTIONS
    assert merged.source["questions"] == base.source["questions"] == QUESTIONS
    assert [rule.id for rule in merged.cautions] == [rule.id for rule in base.cautions]
    assert merged.questions == base.questions
    for facts in (SEXTORTION, BULLIED, {"country": "NL", "forms": ["threat"]}, {**SEXTORTION, "country": "BE"}):
        with_local, without_local = route(parse_facts(facts), merged), route(parse_facts(facts), base)
        assert with_local.cautions == without_local.cautions, facts
        assert with_local.questions == without_local.questions, facts
    assert "do_not_give_in" in [caution for caution, _text in route(parse_facts(SEXTORTION), merged).cautions]


def test_merge_local_keeps_the_cautions_and_questions_of_a_published_version(platform_admin, municipality):
    questions = [{"fact": "acute_danger", "question": "Gevaar, nu?"}]
    services.rule_set_publish(actor=platform_admin.user, version="2026.5", **{**SHIPPED, "questions": questions})
    local = selectors.route_for_case_facts({"country": "NL", "forms": ["threat"]}, municipality=municipality)
    merged = merge_local(
        selectors.active_rule_set(),
        name=municipality.slug,
        country="NL",
        destinations=[{"code": "wijkteam", "kind": "referral", "label": "Wijkteam"}],
        rules=[],
    )
    assert merged.version == "2026.5+zuiderhaven"
    assert [(question.fact, dict(question.text)) for question in merged.questions] == [
        ("acute_danger", {"NL": "Gevaar, nu?", "BE": "Gevaar, nu?"})
    ]
    assert (
        route(parse_facts({"country": "NL", "forms": ["threat"]}), merged).as_dict()["questions"]
        == (local["questions"])
        == [{"fact": "acute_danger", "question": "Gevaar, nu?"}]
    )


def test_a_local_rule_needs_only_its_destinations_countrys_text():
    from referrals.routing import check_local_rule

    rule = {
        **LOCAL_RULE,
        "outcomes": [
            {
                "destination": "local:jongerenwerk",
                "urgency": "normal",
                "explanation": {"NL": "Het jongerenwerk helpt."},
            },
            {"destination": "slachtofferhulp", "urgency": "soon", "explanation": {"NL": "Lokale afspraak."}},
        ],
    }
    merged = merge_local(
        default_rule_set(),
        name="zuiderhaven",
        country="NL",
        destinations=[{"code": "jongerenwerk", "kind": "referral", "label": "Jongerenwerk"}],
        rules=[rule],
    )
    assert "local:jongerenwerk" in route(parse_facts(BULLIED), merged).destinations
    check_local_rule(rule, local_codes=["jongerenwerk"], country="NL")
    # Not a destination of the municipality's country, and not a text of it.
    with pytest.raises(RuleSetInvalid, match="onbekende bestemming 'child_focus'"):
        check_local_rule(
            {**rule, "outcomes": [{"destination": "child_focus", "urgency": "soon", "explanation": "x"}]},
            local_codes=[],
            country="NL",
        )
    with pytest.raises(RuleSetInvalid, match="explanation"):
        check_local_rule(
            {**rule, "outcomes": [{**rule["outcomes"][0], "explanation": {"BE": "Alleen Belgisch."}}]},
            local_codes=["jongerenwerk"],
            country="NL",
        )


def test_local_rules_apply_to_their_own_municipality_only(
    municipal_coordinator, municipality, other_municipality, school_in_municipality
):
    services.local_destination_save(
        actor_membership=municipal_coordinator, code="jongerenwerk", label="Jongerenwerk Zuiderhaven"
    )
    services.local_rule_save(actor_membership=municipal_coordinator, rule=LOCAL_RULE)

    own = selectors.route_for_case_facts(BULLIED, municipality=municipality)
    assert own["rules_version"] == f"{VERSION}+zuiderhaven"
    assert "local:jongerenwerk" in [r["destination"] for r in own["recommendations"]]
    # A school of the municipality gets its municipality's rules.
    assert selectors.route_for_case_facts(BULLIED, municipality=school_in_municipality) == own

    for elsewhere in (
        selectors.route_for_case_facts(BULLIED, municipality=other_municipality),
        selectors.route_for_case_facts(BULLIED, municipality=SchoolFactory(parent=other_municipality)),
        selectors.route_for_case_facts(BULLIED),
    ):
        assert elsewhere["rules_version"] == VERSION
        assert not any(r["destination"].startswith("local:") for r in elsewhere["recommendations"])
        assert not any(rule.startswith("local:") for r in elsewhere["recommendations"] for rule in r["rules"])


def test_local_rows_are_tenant_scoped(municipal_coordinator, municipality):
    services.local_destination_save(actor_membership=municipal_coordinator, code="wijkteam", label="Wijkteam")
    with pytest.raises(ScopeError):
        list(LocalDestination.objects.all())
    with pytest.raises(ScopeError):
        list(LocalRule.objects.all())
    with scope(organisation=MunicipalityFactory()):
        assert not LocalDestination.objects.exists()
    with scope(organisation=municipality):
        assert LocalDestination.objects.get().code == "wijkteam"


def test_local_rule_validation(municipal_coordinator):
    with pytest.raises(ValidationError) as caught:
        services.local_rule_save(actor_membership=municipal_coordinator, rule=LOCAL_RULE)  # no such local destination
    assert "local:jongerenwerk" in str(caught.value.message_dict["rule"])
    foreign = {**LOCAL_RULE, "outcomes": [{"destination": "local:elders", "urgency": "normal", "explanation": "x"}]}
    with pytest.raises(ValidationError):
        services.local_rule_save(actor_membership=municipal_coordinator, rule=foreign)
    with pytest.raises(ValidationError):
        services.local_destination_save(actor_membership=municipal_coordinator, code="Bad Code", label="x")


def test_a_used_local_destination_cannot_be_deleted(municipal_coordinator, municipality):
    services.local_destination_save(actor_membership=municipal_coordinator, code="jongerenwerk", label="Jongerenwerk")
    services.local_rule_save(actor_membership=municipal_coordinator, rule=LOCAL_RULE)
    with pytest.raises(ValidationError):
        services.local_destination_delete(actor_membership=municipal_coordinator, code="jongerenwerk")
    services.local_rule_delete(actor_membership=municipal_coordinator, slug="jongerenwerk-pesten")
    services.local_destination_delete(actor_membership=municipal_coordinator, code="jongerenwerk")
    with scope(organisation=municipality):
        assert not LocalDestination.objects.exists()


def test_a_broken_local_rule_is_skipped_not_fatal(municipal_coordinator, municipality):
    services.local_destination_save(actor_membership=municipal_coordinator, code="jongerenwerk", label="Jongerenwerk")
    services.local_rule_save(actor_membership=municipal_coordinator, rule=LOCAL_RULE)
    with scope(organisation=municipality):
        LocalDestination.objects.filter(code="jongerenwerk").delete()  # behind the service's back
    result = selectors.route_for_case_facts(BULLIED, municipality=municipality)
    assert not any(r["destination"].startswith("local:") for r in result["recommendations"])


@pytest.mark.parametrize("role", [Role.LEARNER, Role.CONTENT_EDITOR])
def test_only_municipal_coordinators_manage_local_rules(municipality, member_factory, role):
    member = member_factory(municipality, role)
    with pytest.raises(PermissionError):
        services.local_destination_save(actor_membership=member, code="x", label="x")
    with pytest.raises(PermissionError):
        services.local_rule_save(actor_membership=member, rule=LOCAL_RULE)


def test_a_school_coordinator_cannot_add_local_rules(org, member_factory):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    with pytest.raises(PermissionError):
        services.local_destination_save(actor_membership=coordinator, code="x", label="x")


def test_local_destination_of_a_belgian_municipality_is_belgian(member_factory):
    flemish = MunicipalityFactory(slug="gent-test", country=Country.BE)
    coordinator = member_factory(flemish, Role.MUNICIPAL_COORDINATOR)
    services.local_destination_save(actor_membership=coordinator, code="jac", label="JAC Gent")
    rule = {**LOCAL_RULE, "outcomes": [{"destination": "local:jac", "urgency": "normal", "explanation": "JAC."}]}
    services.local_rule_save(actor_membership=coordinator, rule=rule)
    assert "local:jac" in [
        r["destination"]
        for r in selectors.route_for_case_facts({**BULLIED, "country": "BE"}, municipality=flemish)["recommendations"]
    ]
    assert "local:jac" not in [
        r["destination"] for r in selectors.route_for_case_facts(BULLIED, municipality=flemish)["recommendations"]
    ]


# --- Admin -------------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, platform_admin):
    from portal.services import user_sync_staff_flags

    user_sync_staff_flags(user=platform_admin.user)
    client.force_login(platform_admin.user)
    return client


def admin_form(**data) -> dict[str, str]:
    fields = {"version": "2026.2", **SHIPPED, **data}
    return {key: value if isinstance(value, str) else json.dumps(value) for key, value in fields.items()}


def test_admin_publishes_a_new_version(admin_client, platform_admin):
    page = admin_client.get("/django-admin/referrals/rulesetversion/add/")
    assert page.status_code == 200
    # Prefilled with the active rules, cautions and questions.
    form = page.context["adminform"].form
    active = selectors.active_rule_set()
    for field in ("rules", "destinations", "cautions", "questions"):
        assert field in form.fields
        assert form.initial[field] == active.source[field]
    assert "acute-danger" in page.text and "no_copies_of_minor_images" in page.text
    response = admin_client.post("/django-admin/referrals/rulesetversion/add/", admin_form())
    assert response.status_code == 302, response.text[:3000]
    version = RuleSetVersion.objects.get()
    assert version.is_active and version.created_by == platform_admin.user
    assert version.cautions == CAUTIONS and version.questions == QUESTIONS
    assert selectors.active_rule_set().source["cautions"] == CAUTIONS
    change = admin_client.get(f"/django-admin/referrals/rulesetversion/{version.pk}/change/")
    assert change.status_code == 200
    assert "do_not_give_in" in change.text and "self_harm_signs" in change.text


def test_admin_publishes_from_the_active_versions_source(admin_client, platform_admin):
    """The prefilled form, sent back unchanged under a new version, publishes."""
    services.rule_set_publish(actor=platform_admin.user, version="2026.2", **SHIPPED)
    source = selectors.active_rule_set().source
    response = admin_client.post(
        "/django-admin/referrals/rulesetversion/add/",
        admin_form(version="2026.3", **{key: source[key] for key in SHIPPED}),
    )
    assert response.status_code == 302, response.text[:3000]
    assert selectors.active_rule_set().version == "2026.3"


def test_admin_shows_validation_errors_per_field(admin_client):
    rules = rules_copy()
    rules[0]["outcomes"][0]["urgency"] = "whenever"
    response = admin_client.post(
        "/django-admin/referrals/rulesetversion/add/", admin_form(rules=rules, destinations="{not json")
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "destinations" in form.errors  # invalid JSON
    assert RuleSetVersion.objects.count() == 0
    response = admin_client.post("/django-admin/referrals/rulesetversion/add/", admin_form(rules=rules))
    form = response.context["adminform"].form
    assert "rules[0] (acute-danger): outcomes[0].urgency" in " ".join(form.errors["rules"])
    assert "destinations" not in form.errors
    assert RuleSetVersion.objects.count() == 0


def test_admin_shows_caution_and_question_errors_per_field(admin_client):
    url = "/django-admin/referrals/rulesetversion/add/"
    response = admin_client.post(url, admin_form(cautions="[not json", questions="{"))
    form = response.context["adminform"].form
    assert "cautions" in form.errors and "questions" in form.errors  # invalid JSON
    questions = [*QUESTIONS, {"fact": "shoe_size", "question": "Welke maat?"}]
    response = admin_client.post(
        url, admin_form(cautions=without(CAUTIONS, "id", "no_mediation_now"), questions=questions)
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "no_mediation_now" in " ".join(form.errors["cautions"])
    assert f"questions[{len(QUESTIONS)}]: fact" in " ".join(form.errors["questions"])
    assert "rules" not in form.errors and "destinations" not in form.errors
    # A missing field is an error, never a rule set without cautions.
    data = admin_form()
    del data["cautions"]
    form = admin_client.post(url, data).context["adminform"].form
    assert "cautions" in form.errors
    assert RuleSetVersion.objects.count() == 0


def test_admin_activate_action_rolls_back(admin_client, platform_admin):
    old = services.rule_set_publish(actor=platform_admin.user, version="2026.2", **SHIPPED)
    services.rule_set_publish(actor=platform_admin.user, version="2026.3", **SHIPPED)
    response = admin_client.post(
        "/django-admin/referrals/rulesetversion/",
        {"action": "activate", "_selected_action": [old.pk]},
    )
    assert response.status_code == 302
    assert selectors.active_rule_set().version == "2026.2"


def test_admin_activate_action_refuses_a_version_of_contract_1(admin_client, platform_admin):
    services.rule_set_publish(actor=platform_admin.user, version="2026.2", **SHIPPED)
    old = RuleSetVersion.objects.create(version="2026.1", rules=RULES, destinations=DESTINATIONS)
    response = admin_client.post(
        "/django-admin/referrals/rulesetversion/",
        {"action": "activate", "_selected_action": [old.pk]},
        follow=True,
    )
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert any("no_copies_of_minor_images" in message for message in shown), shown
    assert selectors.active_rule_set().version == "2026.2"
    old.refresh_from_db()
    assert not old.is_active


def test_admin_local_rule_is_validated(admin_client, municipality):
    url = "/django-admin/referrals/localrule/add/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url, {"organisation": municipality.pk, "rule": json.dumps(LOCAL_RULE), "is_active": "on"}
    )
    assert response.status_code == 200
    assert "local:jongerenwerk" in " ".join(response.context["adminform"].form.errors["rule"])
    admin_client.post(
        "/django-admin/referrals/localdestination/add/",
        {"organisation": municipality.pk, "code": "jongerenwerk", "label": "Jongerenwerk", "kind": "referral"},
    )
    response = admin_client.post(
        url, {"organisation": municipality.pk, "rule": json.dumps(LOCAL_RULE), "is_active": "on"}
    )
    assert response.status_code == 302
    with scope(organisation=municipality):
        assert LocalRule.objects.get().slug == "jongerenwerk-pesten"
    result = selectors.route_for_case_facts(BULLIED, municipality=municipality)
    assert "local:jongerenwerk" in [r["destination"] for r in result["recommendations"]]


def test_adding_a_local_destination_never_overwrites_one(municipality, member_factory):
    from django.core.exceptions import ValidationError
    from django_scopes import scope

    from referrals import services
    from referrals.models import LocalDestination

    coordinator = member_factory(municipality, Role.MUNICIPAL_COORDINATOR)
    services.local_destination_save(actor_membership=coordinator, code="jeugd", label="Jeugdwerk", create_only=True)
    with pytest.raises(ValidationError) as caught:
        services.local_destination_save(actor_membership=coordinator, code="jeugd", label="Anders", create_only=True)
    assert list(caught.value.message_dict) == ["code"]
    with scope(organisation=municipality):
        assert LocalDestination.objects.get(code="jeugd").label == "Jeugdwerk"
