"""Facts validation: nothing is ignored, every refusal names its field."""

from __future__ import annotations

import pytest

from referrals.routing import Facts, FactsInvalid, parse_facts

VALID = {"country": "NL", "forms": ["threat"]}


def errors_for(raw) -> dict[str, list[str]]:
    with pytest.raises(FactsInvalid) as caught:
        parse_facts(raw)
    errors = caught.value.errors
    assert errors and all(
        isinstance(m, list) and m and all(isinstance(x, str) and x for x in m) for m in errors.values()
    )
    return errors


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
    odd_values = [None, True, False, 0, 1, -1, 121, 15.0, "NL", "", [], ["threat"], ["x"], [1], [[1]], {}, "BE"]
    for case in generate_cases(2000, seed=8):
        if rnd.random() < 0.5:
            case[rnd.choice([*case.keys(), "colour"])] = rnd.choice(odd_values)
        try:
            expected = _parse_facts_checked(case)
        except FactsInvalid as exc:
            with pytest.raises(FactsInvalid) as caught:
                parse_facts(case)
            assert caught.value.errors == exc.errors
        else:
            assert parse_facts(case) == expected
            assert type(parse_facts(case)) is Facts
