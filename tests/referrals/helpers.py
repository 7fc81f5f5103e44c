"""Helpers shared by the referrals suites: the words each country's texts never use,
the check for an instruction to copy images, and a municipality's local rule."""

from __future__ import annotations

import re

SENTENCE = re.compile(r"(?<=[.!?])\s+")

# The organisations and words of each country, which the other country's texts never use.
OTHER_COUNTRY_WORDS = {
    "NL": [
        "België",
        "Belg",
        "Vlaanderen",
        "klacht",
        "politiezone",
        "Child Focus",
        "Unia",
        "CAW",
        "1813",
        "1712",
        "Awel",
        "Card Stop",
        "Zorgcentrum",
        "Instituut voor de gelijkheid",
        "CLB",
        "API",
    ],
    "BE": [
        "Nederland",
        "aangifte",
        "politie.nl",
        "0900",
        "HelpWanted",
        "Veilig Thuis",
        "113",
        "Kindertelefoon",
        "Meldpunt Kinderporno",
        "Fraudehelpdesk",
        "discriminatie.nl",
        "Perspectief",
        "Centrum Seksueel Geweld",
        "vertrouwensinspecteur",
        "Meld Misdaad",
        "VCP",
        "Centrum Veilige Sport",
    ],
}
# An instruction to copy images: a sentence that says to screenshot, save, forward or
# keep images, unless it forbids it ("geen", "niet", "nooit").
COPY_WORDS = re.compile(r"screenshot|kopie|bewaar|doorsturen|stuur .*door|opslaan|sla .*op|foto van", re.IGNORECASE)
FORBIDS = re.compile(r"\b(geen|niet|nooit)\b", re.IGNORECASE)


def tells_to_copy(text: str) -> list[str]:
    return [s for s in SENTENCE.split(text) if COPY_WORDS.search(s) and not FORBIDS.search(s)]


# A municipality's local rule: youth work for a bullied minor, Slachtofferhulp sooner.
LOCAL_RULE = {
    "id": "jongerenwerk-pesten",
    "priority": 75,
    "conditions": {"all": [{"fact": "forms", "contains": "cyberbullying"}, {"flag": "minor"}]},
    "outcomes": [
        {"destination": "local:jongerenwerk", "urgency": "normal", "explanation": "Het jongerenwerk helpt."},
        {"destination": "slachtofferhulp", "urgency": "soon", "explanation": "Lokale afspraak: snel doorverwijzen."},
    ],
}
