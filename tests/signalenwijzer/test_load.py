"""The shipped content: loaded idempotently, edits kept unless --force, our own words,
correct organisations per country, and the expert's guard rails."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from signalenwijzer import content
from signalenwijzer.models import WalkGuidance, WalkSignal, WalkStep
from signalenwijzer.services import PLATFORM_EDITORS_GROUP, signalenwijzer_load
from tests import own_words

pytestmark = pytest.mark.django_db


def _counts():
    return WalkStep.objects.count(), WalkSignal.objects.count(), WalkGuidance.objects.count()


def test_load_twice_creates_nothing_the_second_time():
    first = signalenwijzer_load()
    assert first.created == len(content.STEPS) + len(content.SIGNALS) + len(content.GUIDANCE)
    after = _counts()
    out = io.StringIO()
    call_command("load_signalenwijzer", stdout=out)
    assert _counts() == after
    assert "0 created, 0 updated" in out.getvalue()


def test_an_editor_s_change_is_kept_unless_forced():
    signalenwijzer_load()
    signal = WalkSignal.objects.get(key="geld")
    signal.why = "Eigen tekst van de redactie."
    signal.save()
    result = signalenwijzer_load()
    assert result.skipped == ["signaal in de Signalenwijzer: geld"]
    signal.refresh_from_db()
    assert signal.why == "Eigen tekst van de redactie."
    signalenwijzer_load(force=True)
    signal.refresh_from_db()
    assert signal.why != "Eigen tekst van de redactie."


def test_a_changed_shipped_text_reaches_rows_nobody_edited(monkeypatch):
    signalenwijzer_load()
    changed = [dict(step) for step in content.STEPS]
    changed[0]["title"] = "Wat zie je?"
    monkeypatch.setattr(content, "STEPS", changed)
    result = signalenwijzer_load()
    assert result.updated == 1
    assert WalkStep.objects.get(key="signalen").title == "Wat zie je?"


def test_platform_editors_may_edit_the_snippets():
    signalenwijzer_load()
    codenames = set(Group.objects.get(name=PLATFORM_EDITORS_GROUP).permissions.values_list("codename", flat=True))
    assert {"change_walkstep", "change_walksignal", "change_walkguidance", "add_walksignal"} <= codenames


def test_every_country_has_every_kind_of_help():
    keys = {"gevaar", "zelfbeschadiging", "thuis", "afpersing", "advieslijn", "collega", "vertrouwenspersoon"}
    for country in ("NL", "BE"):
        assert {g["key"] for g in content.GUIDANCE if g["country"] == country and g["audience"] == "all"} == keys


@pytest.mark.parametrize(
    ("country", "key", "must", "must_not"),
    [
        ("NL", "zelfbeschadiging", ["113", "0800-0113"], ["1813"]),
        ("BE", "zelfbeschadiging", ["1813"], ["113 ", "0800"]),
        ("NL", "thuis", ["Veilig Thuis", "0800-2000"], ["1712"]),
        ("BE", "thuis", ["1712"], ["Veilig Thuis", "0800-2000"]),
        ("NL", "advieslijn", ["0900-0101"], ["1712"]),
        ("BE", "advieslijn", ["1712"], ["0900-0101"]),
        (
            "NL",
            "afpersing",
            ["0900-8844", "112", "HelpWanted", "helpwanted.nl", "Take It Down", "StopNCII", "113", "0800-0113"],
            ["101", "1813", "Child Focus", "politiezone"],
        ),
        (
            "BE",
            "afpersing",
            ["politiezone", "101", "112", "Child Focus", "116 000", "Take It Down", "StopNCII", "1813"],
            ["0900-8844", "0800-0113", "HelpWanted", "Offlimits"],
        ),
    ],
)
def test_help_names_the_right_country_s_organisations(country, key, must, must_not):
    rows = [g for g in content.GUIDANCE if g["country"] == country and g["key"] == key]
    assert rows
    for row in rows:
        text = " ".join((row["title"], row["phone"], row["text"]))
        for word in must:
            assert word in text, (row, word)
        for word in must_not:
            assert word not in text, (row, word)


# Words of one country that a helper of the other country must never be sent to.
ONLY_NL = ["aangifte", "Veilig Thuis", "0900-8844", "0800-0113", "HelpWanted", "Offlimits", "meldcode",
           "Slachtofferhulp Nederland", "0900-0101"]  # fmt: skip
ONLY_BE = ["politiezone", "1712", "1813", "Child Focus", "CLB", "Awel", "klacht indienen", "CAW"]


@pytest.mark.parametrize(("country", "foreign"), [("NL", ONLY_BE), ("BE", ONLY_NL)])
def test_no_help_text_names_the_other_country_s_words(country, foreign):
    rows = [g for g in content.GUIDANCE if g["country"] == country]
    assert rows
    found = [
        (row["key"], row["audience"], word)
        for row in rows
        for word in foreign
        if word in " ".join((row["title"], row["phone"], row["text"]))
    ]
    assert found == []


def _all_texts() -> list[str]:
    texts = [str(value) for step in content.STEPS for value in (step["title"], step["intro"])]
    texts += [str(value) for signal in content.SIGNALS for value in (signal["text"], signal["why"])]
    texts += [value for guide in content.GUIDANCE for value in (guide["title"], guide["text"])]
    templates = Path(__file__).resolve().parents[2] / "signalenwijzer" / "templates"
    texts += [path.read_text(encoding="utf-8") for path in templates.rglob("*.html")]
    return texts


def test_the_texts_are_in_our_own_words():
    fingerprint = own_words.load_fingerprint()
    copied = {run for text in _all_texts() for run in own_words.copied_runs(re.sub(r"<[^>]+>", " ", text), fingerprint)}
    assert not copied


FORBIDDEN = [
    # Never promise secrecy to a child.
    r"vertel(?:t)? het aan niemand\b(?! vertelt)",
    r"blijft tussen ons",
    r"beloof (?:dat je )?(?:het )?geheim",
    # Never tell an adult to look at, save or forward images.
    r"\b(?:maak|bewaar|stuur)\b[^.]*\b(?:screenshot|foto|beeld)",
    # Never advise confronting a suspected offender.
    r"\bspreek de (?:dader|verdachte) aan\b",
    r"\bconfronteer\b",
]


def test_no_text_breaks_the_guard_rails():
    for text in _all_texts():
        lowered = text.lower()
        for pattern in FORBIDDEN:
            for match in re.finditer(pattern, lowered):
                sentence = lowered[max(0, match.start() - 60) : match.end() + 40]
                # Allowed when it is the warning itself ("… niet …", "nooit …").
                assert re.search(r"\b(niet|nooit|geen)\b", sentence), (pattern, sentence)


@pytest.mark.parametrize("country", ["NL", "BE"])
def test_extortion_help_keeps_the_expert_s_steps(country):
    (row,) = [g for g in content.GUIDANCE if g["country"] == country and g["key"] == "afpersing"]
    text = row["text"]
    for step in (
        "betaal niet",  # do not pay
        "ga niet in op wat de afperser vraagt",  # do not negotiate
        "Stop het contact",
        "wis de chat niet",  # the evidence stays on the person's own phone
        "eigen telefoon",
        "Vraag zelf nooit om de beelden. Bekijk ze niet, bewaar ze niet en stuur ze niet door.",
        "ouders of verzorgers, behalve als dat niet veilig is",
        "jonger was dan 18? Dan helpt Take It Down",  # by the age when the images were made
        "18 of ouder? Dan kan dat met StopNCII",
        "'Denk je erover om jezelf iets aan te doen?'",
    ):
        assert step in text, step


def test_signals_of_extortion_point_to_it():
    pointing = {signal["key"] for signal in content.SIGNALS if signal.get("points_to") == "afpersing"}
    assert pointing == {"beelden-rond", "geld-of-beelden-gevraagd"}
