"""How a case's chronology names facts: in Dutch, never by their field names.

A chronology line (``CaseEvent.detail``) is stored text, written once and read by
case handlers and coordinators for years. It names *which* facts changed, never
their values (those may identify the victim), and it names them as the wizard asks
them, not as the routing contract spells them. Like the other stored lines it is
written in the portal's source language, whatever language the writer has chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# Every fact of the routing contract, in the order the wizard asks them.
FACT_NAMES = {
    "country": _("land"),
    "setting": _("waar je het slachtoffer kent"),
    "victim_age": _("leeftijd"),
    "forms": _("vorm"),
    "threatened_with": _("bedreiging"),
    "acute_danger": _("gevaar nu"),
    "offender_known": _("dader bekend"),
    "offender_relation": _("wie de dader is"),
    "offender_is_minor": _("dader jonger dan 18"),
    "meets_offender_again": _("ziet de dader weer"),
    "intimate_images": _("naaktbeelden"),
    "age_when_images_made": _("leeftijd op de beelden"),
    "images_online": _("beelden online"),
    "money_lost": _("geld of gegevens afgegeven"),
    "self_harm_signs": _("signalen van zelfmoordgedachten of zelfbeschadiging"),
    "physical_sexual_violence": _("lichamelijk seksueel geweld"),
    "unsafe_home": _("veiligheid thuis"),
    "vulnerabilities": _("kwetsbaarheid"),
    "hate_motive": _("hate crime"),
    "victim_wishes": _("wensen"),
}
# A fact this module does not know yet still gets a Dutch word, never its field name.
OTHER_FACTS = _("andere feiten")
_ORDER = {name: index for index, name in enumerate(FACT_NAMES)}


@cache
def _words() -> tuple[dict[str, str], str]:
    # Once per process: the scale seed writes this line for a million cases.
    with translation.override(settings.LANGUAGE_CODE):
        return {name: str(word) for name, word in FACT_NAMES.items()}, str(OTHER_FACTS)


def facts_changed(names: Iterable[str]) -> str:
    """``"vorm, leeftijd"``: the changed facts in the wizard's order, each named once."""
    words, other = _words()
    ordered = sorted(set(names), key=lambda name: _ORDER.get(name, len(_ORDER)))
    return ", ".join(dict.fromkeys(words.get(name, other) for name in ordered))


def advice_made(result: dict[str, Any]) -> str:
    """``"5 adviezen, 2 open vragen (verwijsregels 2026.2)"``: what routing gave, in words."""
    count = len(result.get("recommendations", []))
    questions = len(result.get("questions", []))
    words = ["1 advies" if count == 1 else f"{count} adviezen"]
    if questions:
        words.append("1 open vraag" if questions == 1 else f"{questions} open vragen")
    return f"{', '.join(words)} (verwijsregels {result.get('rules_version', '')})"
