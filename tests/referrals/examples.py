"""Worked examples for the routing tests: the contract's, and one of our own for
every shipped rule."""

from __future__ import annotations

import json
from pathlib import Path

# An exact copy of shared/contracts/ kept in the repository, so a fresh clone tests
# against the contract; tests/referrals/routing/test_contract_copy.py fails when it drifts
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
# Shipped rules 2026.2 (referrals/routing/defaults.py); every rule fires in at least one.
RULE_EXAMPLES: list[tuple[str, dict, dict[str, str]]] = [
    (
        "NL stalking, acute danger",
        {"country": "NL", "victim_age": 30, "forms": ["stalking"], "acute_danger": True},
        {"acute-danger": "police_emergency", "stalking": "police_report", "victim-support": "slachtofferhulp"},
    ),
    (
        "BE 15-year-old with signs of self-harm after recent sexual violence, unsafe at home",
        {
            "country": "BE",
            "victim_age": 15,
            "forms": ["grooming"],
            "self_harm_signs": True,
            "physical_sexual_violence": "recent",
            "unsafe_home": True,
            "acute_danger": False,
        },
        {
            "self-harm": "zelfmoordlijn_1813",
            "sexual-violence-recent": "zorgcentrum_seksueel_geweld",
            "sexual-violence-report": "police_report",
            "grooming": "police_report",
            "grooming-minor": "child_focus",
            "unsafe-home": "vertrouwenscentrum_1712",
            "child-helpline": "awel",
            "vulnerable-victim": "caw_slachtofferhulp",
        },
    ),
    (
        "NL adult who paid a fraudster",
        {"country": "NL", "victim_age": 70, "forms": ["online_fraud"], "money_lost": True, "acute_danger": False},
        {
            "money-lost": "bank_fraud_line",
            "money-lost-report": "police_report",
            "online-fraud": "fraudehelpdesk",
        },
    ),
    (
        "NL threatened with every crime at once",
        {
            "country": "NL",
            "victim_age": 45,
            "forms": ["threat"],
            "threatened_with": [
                "death",
                "serious_injury",
                "rape",
                "sexual_assault",
                "hostage_taking",
                "arson",
                "property_damage",
            ],
            "acute_danger": False,
        },
        {
            "threat-death": "police_report",
            "threat-serious-injury": "police_report",
            "threat-rape": "police_report",
            "threat-sexual-assault": "police_report",
            "threat-hostage-taking": "police_report",
            "threat-arson": "police_report",
            "threat-property-damage": "police_report",
        },
    ),
    (
        "BE hate speech against a refugee",
        {"country": "BE", "victim_age": 33, "forms": ["hate_speech"], "acute_danger": False},
        {"hate-crime": "unia", "evidence-screenshots": "platform_report"},
    ),
    (
        "NL hate speech, vulnerable",
        {
            "country": "NL",
            "victim_age": 33,
            "forms": ["hate_speech"],
            "vulnerabilities": ["psychological_problems"],
            "acute_danger": False,
        },
        {"hate-crime": "discriminatie_meldpunt", "advice-line": "advieslijn_professionals"},
    ),
    (
        "NL adult sextortion without known images",
        {"country": "NL", "victim_age": 22, "forms": ["sextortion"], "acute_danger": False},
        {"sextortion": "police_report", "online-sexual-abuse-adult": "helpwanted", "evidence-where": "platform_report"},
    ),
    (
        "BE 16-year-old, images made at 15, shared and online",
        {
            "country": "BE",
            "victim_age": 16,
            "age_when_images_made": 15,
            "forms": ["sexual_exposing"],
            "intimate_images": True,
            "images_online": True,
            "acute_danger": False,
        },
        {
            "minor-images": "child_focus",
            "sexual-exposing-minor": "child_focus",
            "minor-images-shared": "police_report",
            "content-online": "platform_report",
        },
    ),
    (
        "NL 16-year-old, images made at 16, online",
        {
            "country": "NL",
            "victim_age": 16,
            "age_when_images_made": 16,
            "forms": ["sexual_exposing"],
            "intimate_images": True,
            "images_online": True,
            "acute_danger": False,
        },
        {
            "minor-images": "take_it_down",
            "minor-images-online": "meldpunt_kinderporno",
            "vulnerable-victim": "slachtofferhulp",
            "child-helpline": "kindertelefoon",
        },
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
        "BE adult, images made at 20, shared",
        {
            "country": "BE",
            "victim_age": 25,
            "age_when_images_made": 20,
            "forms": ["sexual_exposing"],
            "intimate_images": True,
            "acute_danger": False,
        },
        {"adult-images": "igvm", "adult-images-shared": "police_report"},
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
        {"adult-images": "stopncii", "content-online": "platform_report"},
    ),
    (
        "NL 14-year-old sextortion, groomed",
        {"country": "NL", "victim_age": 14, "forms": ["sextortion", "grooming"], "acute_danger": False},
        {"sextortion-minor": "helpwanted", "grooming-minor": "helpwanted", "sextortion": "police_report"},
    ),
    (
        "NL adult, sexual violence earlier after online contact",
        {
            "country": "NL",
            "victim_age": 24,
            "forms": ["grooming"],
            "physical_sexual_violence": "earlier",
            "acute_danger": False,
        },
        {"sexual-violence-earlier": "centrum_seksueel_geweld", "sexual-violence-report": "police_report"},
    ),
    (
        "BE adult, sexual violence earlier",
        {
            "country": "BE",
            "victim_age": 24,
            "forms": ["stalking"],
            "physical_sexual_violence": "earlier",
            "acute_danger": False,
        },
        {"sexual-violence-earlier": "vertrouwenscentrum_1712"},
    ),
    (
        "NL fake profile and hacked account",
        {"country": "NL", "victim_age": 40, "forms": ["identity_fraud", "hacking"], "acute_danger": False},
        {"identity-fraud": "cmi", "hacking": "platform_report"},
    ),
    (
        "NL doxing",
        {"country": "NL", "victim_age": 35, "forms": ["doxing"], "acute_danger": False},
        {"doxing": "police_report", "evidence-screenshots": "platform_report"},
    ),
    (
        "NL pupil bullied by a classmate",
        {
            "country": "NL",
            "victim_age": 12,
            "forms": ["cyberbullying"],
            "setting": "school",
            "offender_relation": "peer",
            "acute_danger": False,
        },
        {"internal-school-peer": "internal_confidant"},
    ),
    (
        "NL pupil groomed by a teacher",
        {
            "country": "NL",
            "victim_age": 15,
            "forms": ["grooming"],
            "setting": "school",
            "offender_relation": "trusted_adult",
            "acute_danger": False,
        },
        {"internal-school-trusted-adult": "internal_confidant", "internal-school-staff-sexual": "internal_confidant"},
    ),
    (
        "BE pupil bullied by a classmate",
        {
            "country": "BE",
            "victim_age": 13,
            "forms": ["cyberbullying"],
            "setting": "school",
            "offender_relation": "peer",
            "acute_danger": False,
        },
        {"internal-school-peer": "internal_confidant", "clb": "clb"},
    ),
    (
        "NL club member bullied by a teammate",
        {
            "country": "NL",
            "victim_age": 16,
            "forms": ["cyberbullying"],
            "setting": "sports_club",
            "offender_relation": "peer",
            "acute_danger": False,
        },
        {"internal-club-peer": "internal_confidant"},
    ),
    (
        "NL club member harassed by the trainer",
        {
            "country": "NL",
            "victim_age": 17,
            "forms": ["stalking"],
            "setting": "sports_club",
            "offender_relation": "trusted_adult",
            "acute_danger": False,
        },
        {"internal-club-trusted-adult": "internal_confidant", "centrum-veilige-sport": "centrum_veilige_sport"},
    ),
    (
        "BE minor threatened by a family member",
        {
            "country": "BE",
            "victim_age": 11,
            "forms": ["threat"],
            "offender_relation": "family",
            "acute_danger": False,
        },
        {"family-offender-minor": "vertrouwenscentrum_1712"},
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
        "NL 14-year-old bullied by a classmate, wants mediation",
        {
            "country": "NL",
            "victim_age": 14,
            "forms": ["cyberbullying"],
            "offender_known": True,
            "acute_danger": False,
            "victim_wishes": ["mediation"],
        },
        {"mediation": "perspectief_herstelbemiddeling"},
    ),
    (
        "BE adult bullied by a colleague, wants mediation",
        {
            "country": "BE",
            "victim_age": 30,
            "forms": ["cyberbullying"],
            "offender_relation": "peer",
            "acute_danger": False,
            "victim_wishes": ["mediation"],
        },
        {"mediation": "caw_slachtofferhulp"},
    ),
]
