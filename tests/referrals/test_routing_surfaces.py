"""The three surfaces give identical answers for identical facts: the command,
the API and ``route_for_case_facts`` (the intake wizard's call)."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from referrals.routing import FactsInvalid
from referrals.selectors import route_for_case_facts
from tests.referrals.examples import RULE_EXAMPLES, load_contract_examples

pytestmark = pytest.mark.django_db


def all_facts() -> list[dict]:
    return [example["facts"] for example in load_contract_examples()] + [facts for _, facts, _ in RULE_EXAMPLES]


def test_command_api_and_wizard_agree(login_as, case_handler):
    facts_list = all_facts()
    assert len(facts_list) >= 6 + len(RULE_EXAMPLES)

    out = io.StringIO()
    call_command("route_case", stdin=io.StringIO(json.dumps(facts_list)), stdout=out)
    from_command = json.loads(out.getvalue())

    client = login_as(case_handler)
    from_api = []
    for facts in facts_list:
        response = client.post("/api/routing/preview", data=json.dumps(facts), content_type="application/json")
        assert response.status_code == 200
        from_api.append(response.json())

    from_wizard = [route_for_case_facts(facts) for facts in facts_list]

    for facts, command, api, wizard in zip(facts_list, from_command, from_api, from_wizard, strict=True):
        assert command == api == wizard, facts
    # One by one, the command says the same as in a list.
    for facts, expected in zip(facts_list[:6], from_command, strict=False):
        single = io.StringIO()
        call_command("route_case", stdin=io.StringIO(json.dumps(facts)), stdout=single)
        assert json.loads(single.getvalue()) == expected


def test_they_refuse_the_same_facts_naming_the_same_field(login_as, case_handler):
    bad = {"country": "NL", "forms": ["threat"], "victim_age": True}
    with pytest.raises(FactsInvalid) as caught:
        route_for_case_facts(bad)
    assert list(caught.value.errors) == ["victim_age"]
    response = login_as(case_handler).post(
        "/api/routing/preview", data=json.dumps(bad), content_type="application/json"
    )
    assert response.json() == {"errors": caught.value.errors}


def test_wizard_result_is_plain_json_data():
    result = route_for_case_facts({"country": "BE", "forms": ["sextortion"], "victim_age": 15})
    assert json.loads(json.dumps(result)) == result
