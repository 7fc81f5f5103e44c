"""Facts validation: nothing is ignored, every refusal names its field."""

from __future__ import annotations

import pytest

from referrals.routing import Facts, FactsInvalid, parse_facts
from referrals.routing.facts import _parse_facts_checked
from referrals.routing.vocabulary import OFFENDER_RELATIONS, PHYSICAL_SEXUAL_VIOLENCE, SETTINGS

VALID = {"country": "NL", "forms": ["threat"]}

# Routing contract v2: the seven new facts and every value each one may hold.
NEW_FACTS: dict[str, tuple[object, ...]] = {
    "setting": ("school", "sports_club", "other"),
    "offender_relation": ("stranger", "online_acquaintance", "peer", "partner_or_ex", "family", "trusted_adult"),
    "offender_is_minor": (True, False),
    "self_harm_signs": (True, False),
    "money_lost": (True, False),
    "physical_sexual_violence": ("none", "recent", "earlier"),
    "unsafe_home": (True, False),
}
NEW_BOOLS = ("offender_is_minor", "self_harm_signs", "money_lost", "unsafe_home")
NEW_CHOICES = ("setting", "offender_relation", "physical_sexual_violence")


def errors_for(raw) -> dict[str, list[str]]:
    with pytest.raises(FactsInvalid) as caught:
        parse_facts(raw)
    errors = caught.value.errors
    assert errors and all(
        isinstance(m, list) and m and all(isinstance(x, str) and x for x in m) for m in errors.values()
    )
    # The thorough path (where the straight path sends what it does not accept)
    # refuses it in the same words.
    with pytest.raises(FactsInvalid) as checked:
        _parse_facts_checked(raw)
    assert checked.value.errors == errors
    return errors


def both_paths(raw) -> Facts:
    """``parse_facts`` (straight path) and ``_parse_facts_checked`` give the same Facts."""
    facts = parse_facts(raw)
    assert type(facts) is Facts
    assert _parse_facts_checked(raw) == facts
    return facts


def test_minimal_facts_leave_the_rest_unknown():
    facts = parse_facts(VALID)
    assert facts == Facts(country="NL", forms=frozenset({"threat"}))
    assert facts.victim_age is None and facts.acute_danger is None and facts.threatened_with is None


def test_null_means_unknown_and_false_stays_false():
    facts = parse_facts(
        {
            **VALID,
            "acute_danger": None,
            "offender_known": False,
            "victim_wishes": None,
            "threatened_with": [],
            "victim_age": 0,
        }
    )
    assert facts.acute_danger is None
    assert facts.offender_known is False
    assert facts.victim_wishes is None
    assert facts.threatened_with == frozenset()
    assert facts.victim_age == 0


def test_the_vocabulary_has_the_contracts_values():
    assert SETTINGS == NEW_FACTS["setting"]
    assert OFFENDER_RELATIONS == NEW_FACTS["offender_relation"]
    assert PHYSICAL_SEXUAL_VIOLENCE == NEW_FACTS["physical_sexual_violence"]
    assert set(NEW_FACTS) <= set(Facts._fields)


@pytest.mark.parametrize(
    ("field", "value"), [(field, value) for field, values in NEW_FACTS.items() for value in values]
)
def test_new_facts_accept_every_valid_value(field, value):
    facts = both_paths({**VALID, field: value})
    assert getattr(facts, field) is value or getattr(facts, field) == value
    assert facts.as_dict()[field] == value
    # Nothing else became known.
    assert {name: v for name, v in facts._asdict().items() if v is not None} == {
        "country": "NL",
        "forms": frozenset({"threat"}),
        field: value,
    }


@pytest.mark.parametrize("field", list(NEW_FACTS))
def test_new_facts_missing_or_null_mean_unknown(field):
    assert getattr(both_paths(VALID), field) is None
    facts = both_paths({**VALID, field: None})
    assert getattr(facts, field) is None
    assert field not in facts.as_dict()


def test_new_yes_no_facts_keep_false_as_false():
    facts = both_paths({**VALID, **dict.fromkeys(NEW_BOOLS, False)})
    for field in NEW_BOOLS:
        assert getattr(facts, field) is False


def test_a_version_1_facts_object_is_still_valid():
    v1 = {
        "country": "BE",
        "victim_age": 30,
        "forms": ["stalking"],
        "acute_danger": False,
        "offender_known": True,
        "victim_wishes": ["support"],
    }
    facts = both_paths(v1)
    assert all(getattr(facts, field) is None for field in NEW_FACTS)


def test_full_v2_facts():
    raw = {
        "country": "NL",
        "victim_age": 15,
        "age_when_images_made": 14,
        "forms": ["sextortion", "grooming"],
        "threatened_with": ["sexual_assault"],
        "acute_danger": False,
        "offender_known": True,
        "meets_offender_again": True,
        "hate_motive": False,
        "intimate_images": True,
        "images_online": True,
        "vulnerabilities": ["dependency_on_offender"],
        "victim_wishes": ["images_offline", "support"],
        "setting": "sports_club",
        "offender_relation": "trusted_adult",
        "offender_is_minor": False,
        "self_harm_signs": True,
        "money_lost": False,
        "physical_sexual_violence": "recent",
        "unsafe_home": False,
    }
    assert set(raw) == set(Facts._fields)
    facts = both_paths(raw)
    assert facts.setting == "sports_club" and facts.offender_relation == "trusted_adult"
    assert facts.offender_is_minor is False and facts.self_harm_signs is True and facts.money_lost is False
    assert facts.physical_sexual_violence == "recent" and facts.unsafe_home is False
    assert facts.as_dict() == {
        **raw,
        "forms": ["grooming", "sextortion"],
        "victim_wishes": ["images_offline", "support"],
    }


# Wrong types and unknown values of the new facts: refused under their own name, on both paths.
NEW_FACT_REFUSALS = [
    *[(field, value, "true, false of null") for field in NEW_BOOLS for value in ("yes", 1, 0, "true", [], {})],
    *[
        (field, value, "Kies een van")
        for field in NEW_CHOICES
        for value in (True, False, 0, 1.5, "", "unknown", ["school"], {"x": 1})
    ],
    ("setting", "School", 'niet de tekst "School"'),
    ("setting", "home", '"school", "sports_club", "other"'),
    ("offender_relation", "teacher", '"trusted_adult"'),
    ("offender_relation", "Peer", "Kies een van"),
    ("physical_sexual_violence", "yes", '"none", "recent", "earlier"'),
    ("physical_sexual_violence", True, "niet true"),
    ("physical_sexual_violence", ["recent"], "Kies een van"),
]


@pytest.mark.parametrize(("field", "value", "fragment"), NEW_FACT_REFUSALS)
def test_new_facts_refuse_wrong_types_and_unknown_values(field, value, fragment):
    errors = errors_for({**VALID, field: value})
    assert list(errors) == [field], errors
    assert any(fragment in message for message in errors[field]), errors[field]


def test_every_new_fact_problem_is_reported_at_once():
    raw = {**VALID, **{field: "??" for field in NEW_CHOICES}, **{field: "??" for field in NEW_BOOLS}}
    assert set(errors_for(raw)) == set(NEW_FACTS)


def test_a_bad_new_fact_beside_valid_v1_facts_names_only_that_field():
    raw = {
        "country": "NL",
        "victim_age": 14,
        "forms": ["cyberbullying"],
        "acute_danger": False,
        "setting": "school",
        "offender_relation": "classmate",
    }
    errors = errors_for(raw)
    assert list(errors) == ["offender_relation"]


def test_full_facts():
    facts = parse_facts(
        {
            "country": "BE",
            "victim_age": 120,
            "age_when_images_made": 15,
            "forms": ["sextortion", "grooming"],
            "threatened_with": ["death"],
            "acute_danger": True,
            "offender_known": True,
            "meets_offender_again": False,
            "hate_motive": False,
            "intimate_images": True,
            "images_online": False,
            "vulnerabilities": ["psychological_problems"],
            "victim_wishes": ["support", "support"],
        }
    )
    assert facts.victim_wishes == frozenset({"support"})
    assert facts.as_dict()["forms"] == ["grooming", "sextortion"]


@pytest.mark.parametrize(
    ("raw", "field", "fragment"),
    [
        ({**VALID, "colour": "blue"}, "colour", "Onbekend veld"),
        ({**VALID, "forms": ["threat", "phishing"]}, "forms", 'Onbekende waarde "phishing"'),
        ({**VALID, "threatened_with": ["tickling"]}, "threatened_with", "Onbekende waarde"),
        ({**VALID, "vulnerabilities": ["tall"]}, "vulnerabilities", "Onbekende waarde"),
        ({**VALID, "victim_wishes": ["revenge"]}, "victim_wishes", "Onbekende waarde"),
        ({**VALID, "forms": ["threat", 3]}, "forms", "tekst"),
        ({**VALID, "forms": [["threat"]]}, "forms", "tekst"),
        ({**VALID, "forms": "threat"}, "forms", "lijst"),
        ({**VALID, "victim_age": True}, "victim_age", "niet true of false"),
        ({**VALID, "victim_age": False}, "victim_age", "niet true of false"),
        ({**VALID, "victim_age": 121}, "victim_age", "tussen 0 en 120"),
        ({**VALID, "victim_age": -1}, "victim_age", "tussen 0 en 120"),
        ({**VALID, "victim_age": 15.0}, "victim_age", "geheel getal"),
        ({**VALID, "victim_age": "15"}, "victim_age", "geheel getal"),
        ({**VALID, "age_when_images_made": True}, "age_when_images_made", "niet true of false"),
        ({**VALID, "acute_danger": "yes"}, "acute_danger", "true, false of null"),
        ({**VALID, "acute_danger": 1}, "acute_danger", "true, false of null"),
        ({**VALID, "country": "DE"}, "country", '"NL" of "BE"'),
        ({**VALID, "country": "nl"}, "country", '"NL" of "BE"'),
        ({**VALID, "country": None}, "country", "verplicht"),
        ({"forms": ["threat"]}, "country", "verplicht"),
        ({"country": "NL"}, "forms", "verplicht"),
        ({**VALID, "forms": []}, "forms", "minstens één"),
        ({**VALID, "forms": None}, "forms", "verplicht"),
        (
            {**VALID, "victim_age": 14, "age_when_images_made": 15, "intimate_images": True},
            "age_when_images_made",
            "hoger",
        ),
        ({**VALID, "intimate_images": False, "age_when_images_made": 15}, "age_when_images_made", "intieme beelden"),
    ],
)
def test_bad_input_is_refused_naming_the_field(raw, field, fragment):
    errors = errors_for(raw)
    assert field in errors, errors
    assert any(fragment in message for message in errors[field]), errors[field]


@pytest.mark.parametrize("raw", [None, [], ["threat"], "NL", 3, True, 2.5])
def test_non_object_is_refused(raw):
    errors = errors_for(raw)
    assert list(errors) == ["__all__"]
    assert "JSON-object" in errors["__all__"][0]


def test_every_problem_is_reported_at_once():
    errors = errors_for({"country": "DE", "forms": [], "victim_age": True, "colour": 1})
    assert set(errors) == {"country", "forms", "victim_age", "colour"}


def test_one_line_summary_names_the_fields():
    with pytest.raises(FactsInvalid) as caught:
        parse_facts({"country": "DE", "forms": ["threat"], "victim_age": 200})
    line = caught.value.one_line()
    assert "\n" not in line and "country:" in line and "victim_age:" in line
    assert str(caught.value) == line


def test_the_quick_path_agrees_with_the_thorough_one():
    """parse_facts has a straight path for valid facts; it must accept exactly what
    the thorough validator accepts, with the same result."""
    import random

    from bench.routing import generate_cases
    from referrals.routing.facts import _parse_facts_checked

    rnd = random.Random(4)
    odd_values = [
        None, True, False, 0, 1, -1, 121, 15.0, "NL", "", [], ["threat"], ["x"], [1], [[1]], {}, "BE",
        # Values of the v2 facts, valid for one fact and not for another.
        "school", "sports_club", "peer", "trusted_adult", "none", "recent", "earlier", "School", ["school"],
    ]  # fmt: skip
    fields = [*Facts._fields, "colour"]
    for case in generate_cases(2000, seed=8):
        # The new facts, also when the generator leaves them out.
        for field, values in NEW_FACTS.items():
            if rnd.random() < 0.3:
                case[field] = rnd.choice((*values, None))
        if rnd.random() < 0.5:
            case[rnd.choice([*case.keys(), *fields])] = rnd.choice(odd_values)
        try:
            expected = _parse_facts_checked(case)
        except FactsInvalid as exc:
            with pytest.raises(FactsInvalid) as caught:
                parse_facts(case)
            assert caught.value.errors == exc.errors
        else:
            assert parse_facts(case) == expected
            assert type(parse_facts(case)) is Facts
