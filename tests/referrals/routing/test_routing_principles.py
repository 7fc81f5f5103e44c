"""The eight guidance principles of routing contract v2, checked on the shipped rules
with cases beyond the contract's examples, for the Netherlands and for Belgium, and
as properties over generated facts."""

from __future__ import annotations

import random
import re

import pytest

from bench.routing import generate_cases
from referrals.routing import default_rule_set, parse_facts, route
from referrals.routing.vocabulary import CONTRACT_DESTINATIONS, FORMS, THREATS
from tests.own_words import copied_runs, load_fingerprint
from tests.referrals.helpers import OTHER_COUNTRY_WORDS, SENTENCE, tells_to_copy

RULE_SET = default_rule_set()
COUNTRIES = ("NL", "BE")


def routed(country: str, **facts: object):
    return route(parse_facts({"country": country, **facts}), RULE_SET)


def texts(result) -> list[str]:
    return (
        [r.explanation for r in result.recommendations]
        + [text for _caution, text in result.cautions]
        + [text for _fact, text in result.questions]
    )


def destinations(result) -> list[str]:
    return [r.destination for r in result.recommendations]


def urgency(result, destination: str) -> str:
    return next(r.urgency for r in result.recommendations if r.destination == destination)


def cautions(result) -> list[str]:
    return [caution for caution, _text in result.cautions]


def asked(result) -> list[str]:
    return [fact for fact, _text in result.questions]


# --- 1. An unknown fact never triggers a recommendation on its own --------------------------


@pytest.mark.parametrize("country", COUNTRIES)
def test_112_only_when_danger_is_known_and_danger_is_the_first_question(country):
    for forms in (["hacking"], ["stalking"], ["threat"], ["sextortion"], ["online_fraud"]):
        unknown = routed(country, forms=forms, victim_age=30)
        assert "police_emergency" not in destinations(unknown), forms
        assert asked(unknown)[0] == "acute_danger", forms
        assert "police_emergency" not in destinations(routed(country, forms=forms, acute_danger=False))
        known = routed(country, forms=forms, acute_danger=True)
        assert destinations(known)[0] == "police_emergency"
        assert "acute_danger" not in asked(known)


@pytest.mark.parametrize("country", COUNTRIES)
def test_questions_disappear_once_answered_and_never_name_a_known_fact(country):
    for raw in generate_cases(1500, seed=31):
        raw["country"] = country
        result = route(parse_facts(raw), RULE_SET)
        for fact in asked(result):
            assert raw.get(fact) is None, (fact, raw)


def test_questions_are_in_order_of_importance_safety_first():
    result = routed("NL", forms=["sextortion"], intimate_images=True)
    order = [q["fact"] for q in RULE_SET.source["questions"]]
    assert asked(result) == sorted(asked(result), key=order.index)
    assert asked(result)[:3] == ["acute_danger", "self_harm_signs", "physical_sexual_violence"]


def test_no_question_when_nothing_unknown_matters():
    facts = {
        "country": "NL",
        "victim_age": 40,
        "forms": ["hacking"],
        "acute_danger": False,
        "self_harm_signs": False,
        "unsafe_home": False,
        "money_lost": False,
        "vulnerabilities": [],
        "victim_wishes": [],
        "setting": "other",
    }
    assert route(parse_facts(facts), RULE_SET).questions == ()


@pytest.mark.parametrize("country", COUNTRIES)
def test_an_unknown_yes_no_fact_adds_nothing_that_neither_answer_gives(country):
    """Monotone in knowledge: whatever is recommended while a fact is unknown is also
    recommended for one of its answers (the images exception included: an unknown
    image age routes like a minor's, which "made at 10" routes too)."""
    rng = random.Random(5)  # noqa: S311 - test data
    yes_no = ("acute_danger", "offender_known", "hate_motive", "self_harm_signs", "money_lost", "unsafe_home")
    for raw in generate_cases(800, seed=41):
        raw["country"] = country
        fact = rng.choice(yes_no)
        raw.pop(fact, None)
        unknown = set(destinations(route(parse_facts(raw), RULE_SET)))
        answered = set()
        for value in (True, False):
            answered |= set(destinations(route(parse_facts({**raw, fact: value}), RULE_SET)))
        assert unknown <= answered, (fact, unknown - answered, raw)


# --- 1 and 3. Images of unknown age are a minor's; never a copy of them -------------------


@pytest.mark.parametrize("country", COUNTRIES)
def test_images_of_unknown_age_follow_the_minor_route(country):
    result = routed(country, victim_age=25, forms=["sexual_exposing"], intimate_images=True, images_online=True)
    assert "stopncii" not in destinations(result) and "igvm" not in destinations(result)
    assert ("helpwanted" if country == "NL" else "child_focus") in destinations(result)
    assert "no_copies_of_minor_images" in cautions(result)
    assert "age_when_images_made" in asked(result)


@pytest.mark.parametrize("country", COUNTRIES)
def test_adult_images_may_be_hashed_at_stopncii_and_have_no_minor_caution(country):
    result = routed(country, victim_age=25, age_when_images_made=22, forms=["sexual_exposing"], intimate_images=True)
    assert "stopncii" in destinations(result)
    assert "no_copies_of_minor_images" not in cautions(result)
    assert ("helpwanted" if country == "NL" else "igvm") in destinations(result)


@pytest.mark.parametrize("country", COUNTRIES)
def test_no_text_tells_anyone_to_copy_images_made_before_18(country):
    cases = generate_cases(4000, seed=51)
    rng = random.Random(51)  # noqa: S311 - test data
    for raw in cases:
        raw["country"] = country
        raw["forms"] = sorted({*raw["forms"], rng.choice(["sexual_exposing", "sextortion", "grooming"])})
        raw["intimate_images"] = rng.choice([True, None])
        raw.pop("age_when_images_made", None)
        if raw["intimate_images"] and rng.random() < 0.5:
            made = raw["age_when_images_made"] = rng.randint(10, 17)
            age = raw.get("victim_age")
            if isinstance(age, int) and age < made:
                raw["victim_age"] = made
        result = route(parse_facts(raw), RULE_SET)
        for text in texts(result):
            assert not tells_to_copy(text), (tells_to_copy(text), raw)
        if raw["intimate_images"]:
            assert "no_copies_of_minor_images" in cautions(result), raw
            assert "stopncii" not in destinations(result), raw


def test_the_copy_check_can_fail():
    assert tells_to_copy("Maak eerst screenshots van de beelden. Meld daarna bij het platform.")
    assert tells_to_copy("Bewaar de foto's op je laptop.")
    assert not tells_to_copy("Maak, bewaar of stuur geen kopie of screenshot van de beelden zelf.")


def test_screenshots_are_advised_where_no_image_can_be_involved():
    result = routed("NL", victim_age=30, forms=["threat"], intimate_images=False, acute_danger=False)
    platform = next(r for r in result.recommendations if r.destination == "platform_report")
    assert "screenshots" in platform.explanation
    shared = routed("NL", victim_age=14, forms=["sexual_exposing"], intimate_images=True)
    platform = next(r for r in shared.recommendations if r.destination == "platform_report")
    assert "screenshot" not in platform.explanation and "link" in platform.explanation


# --- 2. Mediation only on the victim's wish, never where it is unsafe ----------------------

MEDIATION_OK = {
    "victim_age": 15,
    "forms": ["cyberbullying"],
    "offender_known": True,
    "acute_danger": False,
    "victim_wishes": ["mediation"],
}


def test_mediation_only_when_the_victim_wishes_it():
    assert "perspectief_herstelbemiddeling" in destinations(routed("NL", **MEDIATION_OK))
    no_wish = {**MEDIATION_OK, "victim_wishes": ["support"], "meets_offender_again": True}
    assert "perspectief_herstelbemiddeling" not in destinations(routed("NL", **no_wish))
    assert "no_mediation_now" not in cautions(routed("NL", **no_wish))


@pytest.mark.parametrize(
    "change",
    [
        {"forms": ["stalking"]},
        {"forms": ["sextortion"]},
        {"forms": ["grooming"]},
        {"forms": ["threat"], "threatened_with": ["serious_injury"], "acute_danger": True},
        {"offender_known": False},
        {"physical_sexual_violence": "recent"},
        {"physical_sexual_violence": "earlier"},
        {"vulnerabilities": ["dependency_on_offender"]},
        {"vulnerabilities": ["unwanted_relationship"]},
        {"offender_relation": "partner_or_ex"},
        {"offender_relation": "family"},
        {"offender_relation": "trusted_adult"},
    ],
    ids=lambda change: "-".join(f"{k}={v}" for k, v in change.items()),
)
@pytest.mark.parametrize("country", COUNTRIES)
def test_a_ruled_out_wish_gives_the_caution_instead(country, change):
    result = routed(country, **{**MEDIATION_OK, **change})
    assert "perspectief_herstelbemiddeling" not in destinations(result)
    assert "no_mediation_now" in cautions(result)
    text = dict(result.cautions)["no_mediation_now"]
    assert "nu af" in text and "veiligheid" in text
    if country == "BE":
        caw = next((r for r in result.recommendations if r.destination == "caw_slachtofferhulp"), None)
        assert caw is None or "mediation" not in caw.rules


def test_stalking_with_a_threat_of_serious_injury_for_a_12_year_old_never_offers_mediation():
    result = routed(
        "NL",
        victim_age=12,
        forms=["stalking", "threat"],
        threatened_with=["serious_injury"],
        offender_known=True,
        acute_danger=False,
        victim_wishes=["mediation"],
    )
    assert "perspectief_herstelbemiddeling" not in destinations(result)
    assert {"no_mediation_now", "do_not_confront_offender"} <= set(cautions(result))


# --- 4. Both countries get the same care, in their own words --------------------------------

NEEDS = [
    # (facts, NL destination, BE destination)
    ({"forms": ["threat"], "acute_danger": False}, "slachtofferhulp", "caw_slachtofferhulp"),
    ({"forms": ["threat"], "unsafe_home": True}, "veilig_thuis", "vertrouwenscentrum_1712"),
    ({"forms": ["hate_speech"], "hate_motive": True}, "discriminatie_meldpunt", "unia"),
    (
        {"forms": ["grooming"], "physical_sexual_violence": "recent"},
        "centrum_seksueel_geweld",
        "zorgcentrum_seksueel_geweld",
    ),
    ({"forms": ["cyberbullying"], "self_harm_signs": True}, "zelfmoordpreventie_113", "zelfmoordlijn_1813"),
    ({"forms": ["cyberbullying"], "victim_age": 13}, "kindertelefoon", "awel"),
    (
        {"forms": ["sextortion"], "victim_age": 15, "intimate_images": True, "age_when_images_made": 15},
        "helpwanted",
        "child_focus",
    ),
    (
        {"forms": ["sexual_exposing"], "victim_age": 30, "intimate_images": True, "age_when_images_made": 30},
        "helpwanted",
        "igvm",
    ),
]


@pytest.mark.parametrize(("facts", "nl", "be"), NEEDS, ids=[nl for _f, nl, _be in NEEDS])
def test_each_need_has_an_organisation_in_each_country(facts, nl, be):
    assert nl in destinations(routed("NL", **facts))
    assert be in destinations(routed("BE", **facts))


@pytest.mark.parametrize("country", COUNTRIES)
def test_a_belgian_case_gets_support_like_a_dutch_one(country):
    for raw in generate_cases(500, seed=61):
        raw["country"] = country
        result = route(parse_facts(raw), RULE_SET)
        referrals = [r for r in result.recommendations if r.kind == "referral"]
        assert referrals, raw
        assert ("slachtofferhulp" if country == "NL" else "caw_slachtofferhulp") in destinations(result)


@pytest.mark.parametrize("country", COUNTRIES)
def test_no_result_names_an_organisation_website_or_term_of_the_other_country(country):
    """Property over generated facts (every field sometimes unknown)."""
    other = {code for code, (_kind, c) in CONTRACT_DESTINATIONS.items() if c not in (None, country)}
    for raw in generate_cases(4000, seed=71):
        raw["country"] = country
        result = route(parse_facts(raw), RULE_SET)
        assert not other & set(destinations(result)), raw
        for text in texts(result):
            for word in OTHER_COUNTRY_WORDS[country]:
                assert not re.search(rf"\b{re.escape(word)}", text), (word, text)


def test_the_police_is_named_in_each_countrys_words():
    nl = routed("NL", victim_age=30, forms=["threat"], threatened_with=["death"], acute_danger=False)
    be = routed("BE", victim_age=30, forms=["threat"], threatened_with=["death"], acute_danger=False)
    assert "aangifte" in next(r.explanation for r in nl.recommendations if r.destination == "police_report")
    assert "klacht" in next(r.explanation for r in be.recommendations if r.destination == "police_report")
    assert RULE_SET.destinations["police_report"].label_for("BE") == "Klacht neerleggen bij de politie"


# --- 5. Safety first ------------------------------------------------------------------------


@pytest.mark.parametrize("country", COUNTRIES)
def test_safety_first(country):
    line = "zelfmoordpreventie_113" if country == "NL" else "zelfmoordlijn_1813"
    centre = "centrum_seksueel_geweld" if country == "NL" else "zorgcentrum_seksueel_geweld"
    protection = "veilig_thuis" if country == "NL" else "vertrouwenscentrum_1712"
    assert urgency(routed(country, forms=["cyberbullying"], self_harm_signs=True), line) == "immediate"
    assert urgency(routed(country, forms=["grooming"], physical_sexual_violence="recent"), centre) == "immediate"
    fraud = routed(country, forms=["online_fraud"], money_lost=True, acute_danger=False)
    assert destinations(fraud)[0] == "bank_fraud_line" and urgency(fraud, "bank_fraud_line") == "immediate"
    assert protection in destinations(routed(country, forms=["threat"], unsafe_home=True))
    assert protection in destinations(routed(country, forms=["threat"], victim_age=12, offender_relation="family"))
    assert protection not in destinations(routed(country, forms=["threat"], victim_age=30, offender_relation="family"))


def test_a_phishing_victim_calls_the_bank_first():
    result = routed("NL", victim_age=45, forms=["online_fraud", "hacking"], money_lost=True, acute_danger=False)
    assert destinations(result)[0] == "bank_fraud_line"
    assert "money_lost" in asked(routed("NL", victim_age=45, forms=["online_fraud"], acute_danger=False))


def test_a_fake_profile_goes_to_the_platform_before_the_identity_fraud_desk():
    result = routed("NL", victim_age=30, forms=["identity_fraud"], acute_danger=False)
    assert destinations(result).index("platform_report") < destinations(result).index("cmi")


# --- 6. Doxing is punishable in NL -------------------------------------------------------------


def test_doxing_is_reported_to_the_police():
    nl = routed("NL", victim_age=30, forms=["doxing"], acute_danger=False)
    assert "police_report" in destinations(nl)
    assert "285d" in next(r.explanation for r in nl.recommendations if r.destination == "police_report")
    assert "police_report" in destinations(routed("BE", victim_age=30, forms=["doxing"], acute_danger=False))


# --- 7. The organisation's own people first ---------------------------------------------------


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("setting", ["school", "sports_club"])
@pytest.mark.parametrize("relation", ["peer", "trusted_adult"])
def test_the_organisations_own_confidant_for_what_happens_inside(country, setting, relation):
    result = routed(country, victim_age=14, forms=["cyberbullying"], setting=setting, offender_relation=relation)
    assert "internal_confidant" in destinations(result)
    assert ("clb" in destinations(result)) == (country == "BE" and setting == "school")
    expected_cvs = country == "NL" and setting == "sports_club" and relation == "trusted_adult"
    assert ("centrum_veilige_sport" in destinations(result)) == expected_cvs
    confidant = next(r.explanation for r in result.recommendations if r.destination == "internal_confidant")
    assert ("club" in confidant) == (setting == "sports_club")


@pytest.mark.parametrize("relation", ["stranger", "online_acquaintance", "family"])
def test_no_internal_confidant_for_what_happens_outside(relation):
    result = routed("NL", victim_age=14, forms=["cyberbullying"], setting="school", offender_relation=relation)
    assert "internal_confidant" not in destinations(result)
    assert "internal_confidant" not in destinations(routed("NL", forms=["cyberbullying"], setting="other",
                                                          offender_relation="peer"))  # fmt: skip


def test_sexual_abuse_by_school_staff_names_the_duty_to_report():
    result = routed("NL", victim_age=15, forms=["grooming"], setting="school", offender_relation="trusted_adult")
    text = next(r.explanation for r in result.recommendations if r.destination == "internal_confidant")
    assert "schoolbestuur" in text and "vertrouwensinspecteur" in text


# --- 8. Explanations for a teacher --------------------------------------------------------------


def test_every_text_is_short_says_each_sentence_once_and_names_what_was_found():
    forms_named = {
        "sextortion": "sextortion",
        "grooming": "grooming",
        "doxing": "doxing",
        "stalking": "stalking",
    }
    threat_named = {"death": "de dood", "rape": "verkrachting", "arson": "brandstichting"}
    for raw in generate_cases(3000, seed=81):
        result = route(parse_facts(raw), RULE_SET)
        for text in texts(result):
            sentences = [s.casefold() for s in SENTENCE.split(text)]
            assert len(sentences) <= 5, text
            assert len(sentences) == len(set(sentences)), text
        police = next((r for r in result.recommendations if r.destination == "police_report"), None)
        if police is not None and set(raw["forms"]) <= set(forms_named) and len(raw["forms"]) == 1:
            form = raw["forms"][0]
            if not raw.get("threatened_with") and police.rules[0] == form:
                assert forms_named[form] in police.explanation.casefold(), police.explanation
        for threat, words in threat_named.items():
            if raw.get("threatened_with") == [threat] and police is not None:
                assert words in police.explanation, police.explanation


def test_rule_ids_stay_out_of_the_texts():
    ids = {rule.id for rule in RULE_SET.rules if "-" in rule.id}
    for raw in generate_cases(500, seed=91):
        for text in texts(route(parse_facts(raw), RULE_SET)):
            assert not [rule_id for rule_id in ids if rule_id in text], text


def test_the_texts_are_in_our_own_words():
    """No run of twelve words of the routing texts is copied from the seed documents."""
    fingerprint = load_fingerprint()
    every_text: list[str] = []
    for section in ("rules", "cautions"):
        for item in RULE_SET.source[section]:
            for outcome in item.get("outcomes", [item]):
                for key in ("explanation", "advice"):
                    value = outcome.get(key)
                    every_text += list(value.values()) if isinstance(value, dict) else [value] if value else []
    for question in RULE_SET.source["questions"]:
        value = question["question"]
        every_text += list(value.values()) if isinstance(value, dict) else [value]
    copied = [run for text in every_text for run in copied_runs(text, fingerprint)]
    assert not copied, copied


def test_generated_forms_and_threats_cover_the_vocabulary():
    # The properties above only mean something if the generator reaches every form and threat.
    seen_forms, seen_threats = set(), set()
    for raw in generate_cases(3000, seed=81):
        seen_forms |= set(raw["forms"])
        seen_threats |= set(raw.get("threatened_with") or [])
    assert seen_forms == set(FORMS) and seen_threats == set(THREATS)
