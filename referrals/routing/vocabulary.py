"""The words of routing contract version 2: fact fields, their values, urgencies,
destination kinds, the destination codes and caution ids whose meaning the contract fixes.

Pure data; nothing here imports Django.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

COUNTRIES = ("NL", "BE")
MIN_AGE, MAX_AGE = 0, 120

FORMS = (
    "threat",
    "cyberbullying",
    "stalking",
    "hate_speech",
    "sexual_exposing",
    "sextortion",
    "doxing",
    "grooming",
    "identity_fraud",
    "online_fraud",
    "hacking",
)
THREATS = ("death", "serious_injury", "rape", "sexual_assault", "hostage_taking", "arson", "property_damage")
VULNERABILITIES = (
    "intellectual_disability",
    "psychological_problems",
    "dependency_on_offender",
    "unwanted_relationship",
)
WISHES = ("report_police", "notify_police_only", "anonymous_report", "mediation", "images_offline", "support")
SETTINGS = ("school", "sports_club", "other")
OFFENDER_RELATIONS = ("stranger", "online_acquaintance", "peer", "partner_or_ex", "family", "trusted_adult")
PHYSICAL_SEXUAL_VIOLENCE = ("none", "recent", "earlier")

# Fact name -> its type. "enum" facts hold one of their values, "list" facts a set of them.
BOOL, INT, ENUM, LIST = "bool", "int", "enum", "list"
FACT_TYPES = MappingProxyType(
    {
        "country": ENUM,
        "victim_age": INT,
        "age_when_images_made": INT,
        "forms": LIST,
        "threatened_with": LIST,
        "acute_danger": BOOL,
        "offender_known": BOOL,
        "meets_offender_again": BOOL,
        "hate_motive": BOOL,
        "intimate_images": BOOL,
        "images_online": BOOL,
        "vulnerabilities": LIST,
        "victim_wishes": LIST,
        # Version 2
        "setting": ENUM,
        "offender_relation": ENUM,
        "offender_is_minor": BOOL,
        "self_harm_signs": BOOL,
        "money_lost": BOOL,
        "physical_sexual_violence": ENUM,
        "unsafe_home": BOOL,
    }
)
FACT_VALUES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "country": COUNTRIES,
        "forms": FORMS,
        "threatened_with": THREATS,
        "vulnerabilities": VULNERABILITIES,
        "victim_wishes": WISHES,
        "setting": SETTINGS,
        "offender_relation": OFFENDER_RELATIONS,
        "physical_sexual_violence": PHYSICAL_SEXUAL_VIOLENCE,
    }
)
REQUIRED_FACTS = ("country", "forms")
# The facts that may be unknown, and so may be asked about (``questions``).
OPTIONAL_FACTS = tuple(name for name in FACT_TYPES if name not in REQUIRED_FACTS)

URGENCIES = ("immediate", "soon", "normal")  # most urgent first
URGENCY_RANK = MappingProxyType({name: rank for rank, name in enumerate(URGENCIES)})
KINDS = ("referral", "action", "advice")

# The destination codes of the contract keep their meaning: a rule set must keep
# them, with this kind and this country (None: both countries).
CONTRACT_DESTINATIONS: MappingProxyType[str, tuple[str, str | None]] = MappingProxyType(
    {
        "police_emergency": ("action", None),
        "police_report": ("action", None),
        "police_notification": ("action", None),
        "meld_misdaad_anoniem": ("action", "NL"),
        "platform_report": ("action", None),
        "stopncii": ("action", None),
        "slachtofferhulp": ("referral", "NL"),
        "perspectief_herstelbemiddeling": ("referral", "NL"),
        "helpwanted": ("referral", "NL"),
        "child_focus": ("referral", "BE"),
        "igvm": ("referral", "BE"),
        "fraudehelpdesk": ("referral", "NL"),
        "cmi": ("referral", "NL"),
        "advieslijn_professionals": ("advice", "NL"),
        # Version 2
        "veilig_thuis": ("referral", "NL"),
        "vertrouwenscentrum_1712": ("referral", "BE"),
        "caw_slachtofferhulp": ("referral", "BE"),
        "unia": ("referral", "BE"),
        "discriminatie_meldpunt": ("referral", "NL"),
        "meldpunt_kinderporno": ("referral", "NL"),
        "take_it_down": ("action", None),
        "zelfmoordpreventie_113": ("advice", "NL"),
        "zelfmoordlijn_1813": ("advice", "BE"),
        "centrum_seksueel_geweld": ("referral", "NL"),
        "zorgcentrum_seksueel_geweld": ("referral", "BE"),
        "bank_fraud_line": ("action", None),
        "internal_confidant": ("action", None),
        "clb": ("referral", "BE"),
        "centrum_veilige_sport": ("referral", "NL"),
        "kindertelefoon": ("advice", "NL"),
        "awel": ("advice", "BE"),
    }
)

# The caution ids of the contract: a rule set must keep a caution for each.
CONTRACT_CAUTIONS = ("no_copies_of_minor_images", "do_not_give_in", "no_mediation_now", "do_not_confront_offender")

# Flags are derived facts fixed by the contract, so they are defined here and not
# in the editable rule set. They are evaluated in this order; a flag may use the
# flags before it. Same condition language as the rules (see conditions.py).
FLAG_DEFINITIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("minor", {"fact": "victim_age", "lt": 18}),
    # All of these are punishable threats; threatening to damage property "can
    # also fall under threat" (stappenplan), so it counts too.
    ("criminal_threat", {"fact": "threatened_with", "contains_any": list(THREATS)}),
    (
        "hate_crime",
        {"any": [{"fact": "hate_motive", "is": True}, {"fact": "forms", "contains": "hate_speech"}]},
    ),
    (
        "vulnerable_victim",
        {"any": [{"flag": "minor"}, {"fact": "vulnerabilities", "contains_any": list(VULNERABILITIES)}]},
    ),
)
FLAGS = tuple(name for name, _ in FLAG_DEFINITIONS)


# The comparisons an age condition may use ("lt": 15 holds for ages below 15).
AGE_COMPARISONS: MappingProxyType[str, Callable[[int, int], bool]] = MappingProxyType(
    {"lt": operator.lt, "le": operator.le, "gt": operator.gt, "ge": operator.ge, "eq": operator.eq}
)
