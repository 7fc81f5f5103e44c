"""The three surfaces give identical answers for identical facts: the command,
the API and ``route_for_case_facts`` (the intake wizard's call, whose result is
stored with the case). Routing contract v2: the result object has the keys
rules_version, flags, recommendations, questions and cautions, in that order."""

from __future__ import annotations

import io
import json
import random

import pytest
from django.core.management import CommandError, call_command

from referrals.routing import FactsInvalid, default_rule_set, parse_facts, route
from referrals.routing.vocabulary import (
    COUNTRIES,
    FORMS,
    OFFENDER_RELATIONS,
    PHYSICAL_SEXUAL_VIOLENCE,
    SETTINGS,
    THREATS,
    VULNERABILITIES,
    WISHES,
)
from referrals.selectors import route_for_case_facts
from tests.referrals.examples import RULE_EXAMPLES, load_contract_examples

pytestmark = pytest.mark.django_db

RESULT_KEYS = ["rules_version", "flags", "recommendations", "questions", "cautions"]
RECOMMENDATION_KEYS = ["destination", "kind", "urgency", "rules", "explanation"]
NEW_FACTS: dict[str, tuple[object, ...]] = {
    "setting": SETTINGS,
    "offender_relation": OFFENDER_RELATIONS,
    "offender_is_minor": (True, False),
    "self_harm_signs": (True, False),
    "money_lost": (True, False),
    "physical_sexual_violence": PHYSICAL_SEXUAL_VIOLENCE,
    "unsafe_home": (True, False),
}
YES_NO = ("acute_danger", "offender_known", "meets_offender_again", "hate_motive", "intimate_images", "images_online")


def _facts_of(example: object) -> dict:
    """The facts of a worked example: a ``{"facts": …}`` object or a tuple holding them."""
    if isinstance(example, dict):
        return example["facts"]
    return next(part for part in example if isinstance(part, dict) and "country" in part)  # type: ignore[union-attr]


def generated_v2_cases(count: int, *, seed: int) -> list[dict]:
    """``count`` valid facts objects that use the facts of contract v2, the same ones for
    the same seed. Each optional fact is sometimes missing, sometimes null, sometimes set."""
    rnd = random.Random(seed)  # noqa: S311 - test data

    def maybe(case: dict, name: str, value: object) -> None:
        draw = rnd.random()
        if draw < 0.6:
            case[name] = value
        elif draw < 0.7:
            case[name] = None

    cases = []
    for _ in range(count):
        case: dict[str, object] = {
            "country": rnd.choice(COUNTRIES),
            "forms": rnd.sample(FORMS, rnd.choice((1, 1, 2, 3))),
        }
        maybe(case, "victim_age", rnd.choice((rnd.randint(6, 17), rnd.randint(18, 90))))
        for name in YES_NO:
            maybe(case, name, rnd.random() < 0.4)
        for name, values in NEW_FACTS.items():
            maybe(case, name, rnd.choice(values))
        if case.get("intimate_images") is not False and rnd.random() < 0.5:
            age = case.get("victim_age")
            upper = age if isinstance(age, int) else 90
            maybe(case, "age_when_images_made", rnd.randint(max(0, upper - 10), upper))
        maybe(case, "threatened_with", rnd.sample(THREATS, rnd.choice((0, 1, 2))))
        maybe(case, "vulnerabilities", rnd.sample(VULNERABILITIES, rnd.choice((0, 1, 2))))
        maybe(case, "victim_wishes", rnd.sample(WISHES, rnd.choice((0, 1, 2, 3))))
        cases.append(case)
    return cases


GENERATED = generated_v2_cases(300, seed=20262)


def test_the_generated_cases_are_valid_and_use_every_new_fact():
    for case in GENERATED:
        parse_facts(case)
    for name, values in NEW_FACTS.items():
        used = {case[name] for case in GENERATED if name in case}
        assert used == {*values, None}, name
    # And they give answers with questions and with cautions, so those are compared too.
    results = [route(parse_facts(case), default_rule_set()) for case in GENERATED]
    assert sum(bool(result.questions) for result in results) > 50
    assert sum(bool(result.cautions) for result in results) > 50
    assert {caution for result in results for caution, _text in result.cautions} == {
        "no_copies_of_minor_images",
        "do_not_give_in",
        "no_mediation_now",
        "do_not_confront_offender",
    }


def all_facts() -> list[dict]:
    return (
        [_facts_of(example) for example in load_contract_examples()]
        + [_facts_of(example) for example in RULE_EXAMPLES]
        + GENERATED
    )


def through_the_command(facts_list: list[dict]) -> list[dict]:
    out = io.StringIO()
    call_command("route_case", stdin=io.StringIO(json.dumps(facts_list)), stdout=out)
    return json.loads(out.getvalue())


def test_command_api_and_wizard_agree(login_as, case_handler):
    facts_list = all_facts()
    contract_examples = load_contract_examples()
    assert len(facts_list) == len(contract_examples) + len(RULE_EXAMPLES) + len(GENERATED)

    from_command = through_the_command(facts_list)

    client = login_as(case_handler)
    from_api = []
    for facts in facts_list:
        response = client.post("/api/routing/preview", data=json.dumps(facts), content_type="application/json")
        assert response.status_code == 200, (facts, response.content)
        from_api.append(response.json())

    from_wizard = [route_for_case_facts(facts) for facts in facts_list]

    rule_set = default_rule_set()
    for facts, command, api, wizard in zip(facts_list, from_command, from_api, from_wizard, strict=True):
        assert command == api == wizard, facts
        # The same keys in the same order, down to each recommendation, question and caution.
        for result in (command, api, wizard):
            assert list(result) == RESULT_KEYS, facts
            assert all(list(r) == RECOMMENDATION_KEYS for r in result["recommendations"]), facts
            assert all(list(q) == ["fact", "question"] for q in result["questions"]), facts
            assert all(list(c) == ["id", "text"] for c in result["cautions"]), facts
        # And it is the engine's answer with the shipped rules.
        assert command == route(parse_facts(facts), rule_set).as_dict(), facts
    # One by one, the command says the same as in a list: every contract example,
    # and some generated cases.
    pairs = list(zip(facts_list, from_command, strict=True))
    for facts, expected in pairs[: len(contract_examples)] + pairs[-len(GENERATED) :][:10]:
        single = io.StringIO()
        call_command("route_case", stdin=io.StringIO(json.dumps(facts)), stdout=single)
        assert json.loads(single.getvalue()) == expected


def test_the_wizards_stored_result_agrees_with_the_command(org, case_handler):
    """Through the case services the wizard uses: facts stored, routed, the result
    stored with the case (a JSON field) and read back."""
    from django_scopes import scope

    from referrals import services
    from referrals.models import Case

    # The wizard cannot say "none of these" for a list (an empty list is stored as
    # unknown), so the cases here have none.
    generated = [case for case in GENERATED if [] not in case.values()][:40]
    facts_list = [_facts_of(example) for example in load_contract_examples()] + generated
    assert len(generated) == 40
    from_command = through_the_command(facts_list)
    for number, (facts, command) in enumerate(zip(facts_list, from_command, strict=True)):
        with scope(organisation=org):
            case = services.case_open(actor_membership=case_handler, pseudonym=f"S{number}")
            services.case_update_facts(actor_membership=case_handler, case=case, changes=facts)
            services.case_route(actor_membership=case_handler, case=case)
            stored = Case.objects.get(pk=case.pk)
        assert stored.facts == parse_facts(facts).as_dict()
        assert stored.routing_result == command, facts
        assert stored.rules_version == command["rules_version"]


def test_the_surfaces_agree_on_a_published_rule_set(login_as, case_handler, platform_admin):
    """With a version published in the database, the three use that version."""
    from referrals import services
    from referrals.routing import defaults

    questions = [{"fact": "acute_danger", "question": "Is er nu gevaar?"}, *defaults.QUESTIONS[1:]]
    services.rule_set_publish(
        actor=platform_admin.user,
        version="2026.7",
        rules=defaults.RULES,
        destinations=defaults.DESTINATIONS,
        cautions=defaults.CAUTIONS,
        questions=questions,
    )
    facts_list = [_facts_of(example) for example in load_contract_examples()] + GENERATED[:40]
    from_command = through_the_command(facts_list)
    client = login_as(case_handler)
    for facts, command in zip(facts_list, from_command, strict=True):
        api = client.post("/api/routing/preview", data=json.dumps(facts), content_type="application/json").json()
        assert command == api == route_for_case_facts(facts), facts
        assert command["rules_version"] == "2026.7"
        assert all(q["question"] != defaults.QUESTIONS[0]["question"] for q in command["questions"])
    asked = [q for result in from_command for q in result["questions"] if q["fact"] == "acute_danger"]
    assert asked and all(q["question"] == "Is er nu gevaar?" for q in asked)


def test_they_refuse_the_same_facts_naming_the_same_field(login_as, case_handler):
    client = login_as(case_handler)
    base = {"country": "NL", "forms": ["threat"]}
    for field, value in (
        ("victim_age", True),
        ("setting", "home"),
        ("offender_relation", "teacher"),
        ("offender_is_minor", "yes"),
        ("self_harm_signs", 1),
        ("money_lost", "no"),
        ("physical_sexual_violence", True),
        ("unsafe_home", [False]),
    ):
        bad = {**base, field: value}
        with pytest.raises(FactsInvalid) as caught:
            route_for_case_facts(bad)
        assert list(caught.value.errors) == [field]
        response = client.post("/api/routing/preview", data=json.dumps(bad), content_type="application/json")
        assert response.status_code == 400
        assert response.json() == {"errors": caught.value.errors}
        with pytest.raises(CommandError) as refused:
            call_command("route_case", stdin=io.StringIO(json.dumps(bad)), stdout=io.StringIO())
        assert refused.value.returncode == 2
        assert str(refused.value) == f"facts: ongeldige feiten: {caught.value.one_line()}"


def test_wizard_result_is_plain_json_data():
    for facts in (
        {"country": "BE", "forms": ["sextortion"], "victim_age": 15},
        {"country": "NL", "forms": ["stalking"], "offender_relation": "stranger"},
        *GENERATED[:20],
    ):
        result = route_for_case_facts(facts)
        assert json.loads(json.dumps(result)) == result
        assert list(json.loads(json.dumps(result))) == RESULT_KEYS
