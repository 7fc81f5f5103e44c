"""Second-edition lesson blocks: the ``country`` block, scenario v2 (flags, notes,
named endings) with its validation, and stable ids from an item's own "key"."""

from __future__ import annotations

import copy

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from cms import services
from cms.blocks import ScenarioBlock, scenario_problems
from cms.models import LessonPage
from cms.services import CourseContentError, course_load, stable_id


def choice(text, outcome, next_step="", **extra):
    return {"text": text, "outcome": outcome, "consequence": f"Gevolg van: {text}", "next_step": next_step, **extra}


def branching_scenario() -> dict:
    """start → (bewaren → melden | wissen [sets bewijs_weg] → melden) → two endings.
    At 'melden' a note shows after wissen, and the choice that needs the evidence is hidden."""
    return {
        "type": "scenario",
        "value": {
            "title": "Een dreigbericht",
            "intro": "Sam laat je een bericht zien.",
            "steps": [
                {
                    "key": "start",
                    "situation": "Sam is bang.",
                    "choices": [
                        choice("Je helpt het bericht te bewaren.", "good", "melden", key="bewaar"),
                        choice("Je zegt: wis het maar.", "bad", "melden", sets="bewijs_weg", key="wis"),
                    ],
                },
                {
                    "key": "melden",
                    "situation": "Sam wil aangifte doen.",
                    "notes": [{"flag": "bewijs_weg", "text": "Het bericht is gewist. Dat maakt het lastiger."}],
                    "choices": [
                        choice("Je gaat mee met het bewaarde bericht.", "good", "einde_goed", hide_if="bewijs_weg"),
                        choice("Je vraagt de politie wat nog kan.", "partly", "einde_deels"),
                        choice("Je zegt dat het geen zin heeft.", "bad", "einde_deels"),
                    ],
                },
            ],
            "endings": [
                {"key": "einde_goed", "verdict": "good", "title": "Goed geregeld", "explanation": "Het bewijs is er."},
                {"key": "einde_deels", "verdict": "partly", "title": "Half gelukt", "explanation": "Er ging iets mis."},
            ],
        },
    }


def first_edition_scenario() -> dict:
    return {
        "type": "scenario",
        "value": {
            "title": "Oud scenario",
            "intro": "",
            "steps": [
                {
                    "key": "start",
                    "situation": "Iemand huilt.",
                    "choices": [choice("Luisteren", "good", "verder"), choice("Weglopen", "bad")],
                },
                {"key": "verder", "situation": "Nu?", "choices": [choice("A", "good"), choice("B", "bad")]},
            ],
        },
    }


def check(question="Wat doe je?", options=None):
    return {
        "type": "knowledge_check",
        "value": {
            "question": question,
            "multiple": False,
            "options": options
            or [
                {"text": "Goed", "correct": True, "feedback": "Ja."},
                {"text": "Fout", "correct": False, "feedback": "Nee."},
            ],
        },
    }


def load_body(body: list[dict], key: str = "lesson/m/l"):
    return services._stream(LessonPage, "body", body, key)


# --- shapes that load ---------------------------------------------------------------


def test_a_v2_scenario_loads_with_notes_flags_endings_and_keyed_ids(db):
    stream = load_body([branching_scenario()])
    raw = stream.raw_data[0]
    value = raw["value"]
    step_ids = [step["id"] for step in value["steps"]]
    assert step_ids == [stable_id("lesson/m/l/scenario/0/steps/start"), stable_id("lesson/m/l/scenario/0/steps/melden")]
    start_choices = value["steps"][0]["value"]["choices"]
    assert [c["id"] for c in start_choices] == [
        stable_id("lesson/m/l/scenario/0/steps/start/choices/bewaar"),
        stable_id("lesson/m/l/scenario/0/steps/start/choices/wis"),
    ]
    assert "key" not in start_choices[0]["value"]  # popped: not a field of a choice
    assert start_choices[1]["value"]["sets"] == "bewijs_weg"
    assert value["steps"][1]["value"]["notes"][0]["value"]["flag"] == "bewijs_weg"
    assert [e["value"]["key"] for e in value["endings"]] == ["einde_goed", "einde_deels"]


def test_a_first_edition_scenario_still_loads_with_empty_new_fields(db):
    stream = load_body([first_edition_scenario()])
    value = stream[0].value
    assert list(value["endings"]) == []
    assert list(value["steps"][0]["notes"]) == []
    assert value["steps"][0]["choices"][0]["sets"] in ("", None)


def test_a_country_block_loads_with_inner_blocks_and_its_own_question_ids(db):
    body = [
        check("Voor iedereen?"),
        {
            "type": "country",
            "value": {"country": "BE", "body": [{"type": "text", "value": "<p>Bel 101.</p>"}, check()]},
        },
        {"type": "country", "value": {"country": "NL", "body": [check(), branching_scenario()]}},
    ]
    stream = load_body(body)
    assert [child.block_type for child in stream] == ["knowledge_check", "country", "country"]
    assert stream[1].value["country"] == "BE"
    inner = stream.raw_data[1]["value"]["body"]
    assert inner[1]["id"] == stable_id("lesson/m/l/country/0/body/knowledge_check/0")
    assert stream.raw_data[2]["value"]["body"][0]["id"] == stable_id("lesson/m/l/country/1/body/knowledge_check/0")


def test_a_country_block_cannot_hold_another_country_block(db):
    inner = {"type": "country", "value": {"country": "NL", "body": [check()]}}
    with pytest.raises(CourseContentError, match="unknown block type 'country'"):
        load_body([{"type": "country", "value": {"country": "BE", "body": [inner]}}])


def test_an_option_key_pins_its_id_across_reordering(db):
    first = load_body([check()])
    first_ids = [item["id"] for item in first.raw_data[0]["value"]["options"]]

    reordered = check(
        options=[
            {"key": "n1", "text": "Nieuw", "correct": False, "feedback": "Nee."},
            {"key": "1", "text": "Fout", "correct": False, "feedback": "Nee."},
            {"key": "0", "text": "Goed", "correct": True, "feedback": "Ja."},
        ]
    )
    second = load_body([reordered])
    ids = {item["value"]["text"]: item["id"] for item in second.raw_data[0]["value"]["options"]}
    assert ids["Goed"] == first_ids[0]
    assert ids["Fout"] == first_ids[1]
    assert ids["Nieuw"] not in first_ids


def test_a_key_used_twice_in_one_list_is_refused(db):
    doubled = check(
        options=[
            {"key": "0", "text": "Goed", "correct": True, "feedback": "Ja."},
            {"key": "0", "text": "Fout", "correct": False, "feedback": "Nee."},
        ]
    )
    with pytest.raises(CourseContentError, match="'0' is used twice"):
        load_body([doubled])


def test_the_loader_resolves_guides_inside_a_country_block(db, guide_factory):
    guide = guide_factory(slug="tiktok", platform="TikTok")
    body = [
        {
            "type": "country",
            "value": {"country": "NL", "body": [{"type": "takedown_guide", "value": {"guide_slug": "tiktok"}}]},
        }
    ]
    resolved = services._resolve_guides(body, {"tiktok": guide.pk}, "lesson/m/l")
    stream = load_body(resolved)
    assert stream[0].value["body"][0].value["guide"] == guide


# --- shapes that are refused, with a message naming the problem -------------------------


def broken(change) -> dict:
    scenario = copy.deepcopy(branching_scenario())
    change(scenario["value"])
    return scenario


def refused_message(scenario: dict) -> str:
    with pytest.raises(CourseContentError) as caught:
        load_body([scenario])
    return str(caught.value)


def test_an_unknown_next_step_is_refused(db):
    def change(value):
        value["steps"][0]["choices"][0]["next_step"] = "nergens"

    message = refused_message(broken(change))
    assert "lesson/m/l" in message and "nergens" in message and "start" in message


def test_a_cycle_is_refused(db):
    def change(value):
        value["steps"][1]["choices"][2]["next_step"] = "start"

    message = refused_message(broken(change))
    assert "kringetje" in message and "start → melden → start" in message


def test_an_unreachable_ending_is_refused(db):
    def change(value):
        value["endings"].append({"key": "einde_nooit", "verdict": "bad", "title": "Nooit", "explanation": "Nooit."})

    message = refused_message(broken(change))
    assert "einde_nooit" in message and "kan niemand bereiken" in message


def test_an_ending_reachable_only_through_a_hidden_choice_is_refused(db):
    def change(value):
        # Both start choices now delete the evidence: the good ending can no longer be reached.
        value["steps"][0]["choices"][0]["sets"] = "bewijs_weg"

    assert "einde_goed" in refused_message(broken(change))


def test_duplicate_keys_across_steps_and_endings_are_refused(db):
    def change(value):
        value["endings"][0]["key"] = "melden"

    message = refused_message(broken(change))
    assert "Dubbel: melden" in message


def test_a_step_left_with_one_choice_after_hiding_is_refused(db):
    def change(value):
        value["steps"][1]["choices"][2]["hide_if"] = "bewijs_weg"

    message = refused_message(broken(change))
    assert "'melden'" in message and "minder dan twee keuzes" in message


def test_a_flag_that_no_choice_sets_is_refused(db):
    def change(value):
        value["steps"][1]["notes"][0]["flag"] = "bewijs_wag"

    message = refused_message(broken(change))
    assert "bewijs_wag" in message


def test_the_block_itself_refuses_a_bad_scenario_in_the_admin():
    block = ScenarioBlock()

    def change(value):
        value["steps"][0]["choices"][0]["next_step"] = "nergens"

    value = block.to_python(services._raw(block, broken(change)["value"], "x"))
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(value)
    assert "nergens" in str(caught.value.block_errors["steps"])
    assert scenario_problems(block.to_python(services._raw(block, branching_scenario()["value"], "x"))) == []


# --- a whole load ------------------------------------------------------------------------


def test_course_load_writes_country_blocks_and_v2_scenarios(db, monkeypatch):
    module = {
        "slug": "proef",
        "title": "Proefmodule",
        "intro": "<p>Proef</p>",
        "learning_goals": ["Iets leren."],
        "estimated_minutes": 10,
        "pass_mark": 50,
        "certificate_validity_months": 12,
        "lessons": [
            {
                "slug": "les",
                "title": "Les",
                "body": [
                    {"type": "country", "value": {"country": "NL", "body": [check("NL?"), branching_scenario()]}},
                    {"type": "country", "value": {"country": "BE", "body": [check("BE?")]}},
                ],
            }
        ],
    }
    monkeypatch.setattr(services, "MODULES", [module])
    monkeypatch.setattr(services, "GUIDES", [])
    counts = course_load()
    assert counts["created"] == 3
    lesson = LessonPage.objects.get(slug="les")
    assert [child.value["country"] for child in lesson.body] == ["NL", "BE"]
    assert course_load()["unchanged"] == 3
