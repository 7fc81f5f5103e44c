"""Worked examples for the routing tests: the contract's, and one of our own for
every shipped rule."""

from __future__ import annotations

import json
from pathlib import Path

# An exact copy of shared/contracts/ kept in the repository, so a fresh clone tests
# against the contract; tests/referrals/test_contract_copy.py fails when it drifts
# from ../shared/contracts. tests/referrals/examples.py -> parents[2] is the repository.
CONTRACT_DIR = Path(__file__).resolve().parents[2] / "referrals" / "routing" / "contract"
CONTRACT_PATH = CONTRACT_DIR / "routing.md"
CONTRACT_EXAMPLES_PATH = CONTRACT_DIR / "routing-examples.json"


def load_contract_examples() -> list[dict]:
    """The contract's examples. Fails loudly when the file is missing: an empty
    list would make every test over it pass without checking anything."""
    if not CONTRACT_EXAMPLES_PATH.is_file():
        raise FileNotFoundError(
            f"The routing contract examples are missing: expected {CONTRACT_EXAMPLES_PATH} "
            "(copy shared/contracts/routing-examples.json there)."
        )
    examples = json.loads(CONTRACT_EXAMPLES_PATH.read_text(encoding="utf-8"))
    assert isinstance(examples, list) and examples, f"{CONTRACT_EXAMPLES_PATH} holds no examples"
    return examples


def contract_example_params() -> list:
    import pytest

    try:
        examples = load_contract_examples()
    except FileNotFoundError as exc:
        return [pytest.param(exc, id="contract-examples-missing")]
    return [pytest.param(example, id=example["name"]) for example in examples]


# name, facts, {rule id: the destination it must lead to in this example}
RULE_EXAMPLES: list[tuple[str, dict, dict[str, str]]] = [
    (
        "NL stalking, acute danger",
        {"country": "NL", "victim_age": 30, "forms": ["stalking"], "acute_danger": True},
        {"acute-danger": "police_emergency", "stalking": "police_report", "victim-support": "slachtofferhulp"},
    ),
    (
        "NL threat, danger not asked, threat details unknown",
        {"country": "NL", "victim_age": 40, "forms": ["threat"]},
        {
            "acute-danger-unknown": "police_emergency",
            "advice-line": "advieslijn_professionals",
            "block-and-report": "platform_report",
        },
    ),
    (
        "NL threatened with arson of the house",
        {"country": "NL", "victim_age": 45, "forms": ["threat"], "threatened_with": ["arson"], "acute_danger": False},
        {"criminal-threat": "police_report"},
    ),
    (
        "BE hate speech against a refugee",
        {"country": "BE", "victim_age": 33, "forms": ["hate_speech"], "acute_danger": False},
        {"hate-crime": "police_report", "block-and-report": "platform_report"},
    ),
    (
        "NL adult sextortion without known images",
        {"country": "NL", "victim_age": 22, "forms": ["sextortion"], "acute_danger": False},
        {"sexual-extortion": "police_report", "online-sexual-abuse": "helpwanted"},
    ),
    (
        "BE 16-year-old, images made at 15",
        {
            "country": "BE",
            "victim_age": 16,
            "age_when_images_made": 15,
            "forms": ["sexual_exposing"],
            "intimate_images": True,
            "acute_danger": False,
        },
        {
            "minor-images": "child_focus",
            "online-sexual-abuse-minor": "child_focus",
            "intimate-images-shared": "police_report",
        },
    ),
    (
        "NL 16-year-old, images made at 16",
        {
            "country": "NL",
            "victim_age": 16,
            "age_when_images_made": 16,
            "forms": ["sexual_exposing"],
            "intimate_images": True,
            "acute_danger": False,
        },
        {"minor-images": "helpwanted", "intimate-images": "helpwanted", "vulnerable-victim": "slachtofferhulp"},
    ),
    (
        "BE adult, age when the images were made unknown",
        {
            "country": "BE",
            "victim_age": 30,
            "forms": ["sexual_exposing"],
            "intimate_images": True,
            "acute_danger": False,
        },
        {"images-age-unknown": "child_focus"},
    ),
    (
        "NL, age unknown altogether, intimate images",
        {"country": "NL", "forms": ["sextortion"], "intimate_images": True, "acute_danger": False},
        {"images-age-unknown": "helpwanted"},
    ),
    (
        "BE adult, images made at 20",
        {
            "country": "BE",
            "victim_age": 25,
            "age_when_images_made": 20,
            "forms": ["sexual_exposing"],
            "intimate_images": True,
            "images_online": True,
            "acute_danger": False,
        },
        {"adult-images": "igvm", "content-online": "platform_report"},
    ),
    (
        "NL adult, images made at 19, wants them offline",
        {
            "country": "NL",
            "victim_age": 21,
            "age_when_images_made": 19,
            "forms": ["sexual_exposing"],
            "intimate_images": True,
            "acute_danger": False,
            "victim_wishes": ["images_offline"],
        },
        {"adult-images": "stopncii", "intimate-images": "helpwanted", "content-online": "platform_report"},
    ),
    (
        "NL adult with a psychological problem, doxed",
        {
            "country": "NL",
            "victim_age": 35,
            "forms": ["doxing"],
            "vulnerabilities": ["psychological_problems"],
            "acute_danger": False,
        },
        {
            "vulnerable-victim": "slachtofferhulp",
            "advice-line": "advieslijn_professionals",
            "block-and-report": "platform_report",
        },
    ),
    (
        "NL cyberbullying, wants to report, notify and stay anonymous",
        {
            "country": "NL",
            "victim_age": 19,
            "forms": ["cyberbullying"],
            "acute_danger": False,
            "victim_wishes": ["report_police", "notify_police_only", "anonymous_report"],
        },
        {
            "report-wish": "police_report",
            "notification-wish": "police_notification",
            "anonymous-wish": "meld_misdaad_anoniem",
        },
    ),
    (
        "NL threat that is not punishable",
        {"country": "NL", "victim_age": 50, "forms": ["threat"], "threatened_with": [], "acute_danger": False},
        {"threat-not-punishable": "police_notification"},
    ),
    (
        "NL fraud, identity fraud and hacking",
        {
            "country": "NL",
            "victim_age": 67,
            "forms": ["online_fraud", "identity_fraud", "hacking"],
            "acute_danger": False,
        },
        {"online-fraud": "fraudehelpdesk", "identity-fraud": "cmi", "hacking": "police_report"},
    ),
    (
        "NL grooming of an adult with an intellectual disability",
        {
            "country": "NL",
            "victim_age": 20,
            "forms": ["grooming"],
            "vulnerabilities": ["intellectual_disability"],
            "acute_danger": False,
        },
        {"online-sexual-abuse": "helpwanted", "sexual-extortion": "police_report"},
    ),
    (
        "BE 13-year-old groomed",
        {"country": "BE", "victim_age": 13, "forms": ["grooming"], "acute_danger": False},
        {"online-sexual-abuse-minor": "child_focus"},
    ),
    (
        "NL club members who meet again",
        {
            "country": "NL",
            "victim_age": 28,
            "forms": ["threat"],
            "threatened_with": ["serious_injury"],
            "offender_known": True,
            "meets_offender_again": True,
            "acute_danger": False,
        },
        {"mediation": "perspectief_herstelbemiddeling", "criminal-threat": "police_report"},
    ),
]
