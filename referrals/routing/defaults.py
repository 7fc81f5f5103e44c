"""The shipped rule set, version 2026.2 (routing contract v2): pure data.

Sources: the step plan "Nazorg na online bedreiging" of Slachtofferhulp Nederland,
the Belgian guide on taking intimate images offline (IGVM) and the Dutch
minister's letter on victims of online crime (``shared/seeds``), and the eight
guidance principles of the contract. Texts are for a teacher or coach, in plain
Dutch (B1), written for this portal, in the words of the case's own country:
NL says *aangifte* and names politie.nl, BE says *klacht* and *politiezone*.

How the principles are built in (``conditions.py``: a rule fires only when its
condition is *true*; an unknown fact makes a step *open*, and the facts of open
steps that could change the answer become ``questions``):

1. No rule fires on an unknown fact alone, with one exception that protects
   children: intimate images whose age is unknown follow the minor route
   (``images-age-unknown``) and get the ``no_copies_of_minor_images`` caution.
   "Not known to be X" is written out with ``known`` (``_not_known``), so an
   unknown vulnerability does not block mediation, and a text variant
   (screenshots or not) never waits for an answer.
2. ``mediation`` needs the wish, a known offender, no danger, and none of the
   exclusions known to apply; a wish that is ruled out gives ``no_mediation_now``
   with the reason.
3. Only ``evidence-screenshots`` speaks of screenshots, and only when no images
   of a minor (or of unknown age) can be involved (``_SCREENSHOTS_SAFE``).
4. Every need has an organisation in each country (support, child protection,
   hate, sexual violence, suicide prevention, children's helpline, images).
5. Self-harm, recent sexual violence and lost money are ``immediate``; an unsafe
   home or a minor harmed by family goes to Veilig Thuis / 1712.
6. Doxing: ``police_report`` in both countries (NL: art. 285d Sr since 2024).
7. School or club, offender a peer or trusted adult: ``internal_confidant``, plus
   the CLB (BE schools) or Centrum Veilige Sport (NL clubs, trusted adult).
8. Each rule's ``explanation`` names what was found in one or two sentences; its
   ``advice`` says what to do. Rules that lead to one destination share their
   advice sentences word for word, so the merged text says each thing once.
"""

from __future__ import annotations

from typing import Any

VERSION = "2026.2"

Condition = dict[str, Any]


# --- Condition helpers (the result is plain JSON data) -----------------------------------


def _fact(name: str, **test: Any) -> Condition:
    return {"fact": name, **test}


def _all(*parts: Condition) -> Condition:
    return {"all": list(parts)}


def _any(*parts: Condition) -> Condition:
    return {"any": list(parts)}


def _not(part: Condition) -> Condition:
    return {"not": part}


def _yes(name: str) -> Condition:
    return _fact(name, **{"is": True})


def _no(name: str) -> Condition:
    return _fact(name, **{"is": False})


def _unknown(name: str) -> Condition:
    return _fact(name, known=False)


def _sure(name: str, test: Condition) -> Condition:
    """``test`` on ``name``, false (not unknown) while the fact is unknown."""
    return _all(_fact(name, known=True), test)


def _not_known(name: str, test: Condition) -> Condition:
    """True unless ``test`` on ``name`` is known to hold: "not known to be …"."""
    return _any(_unknown(name), _not(test))


def _forms(*forms: str) -> Condition:
    return _fact("forms", contains_any=list(forms))


def _both(nl: str, be: str) -> dict[str, str]:
    return {"NL": nl, "BE": be}


SEXUAL_FORMS = ("sexual_exposing", "sextortion", "grooming")
INTERPERSONAL_FORMS = (
    "threat",
    "cyberbullying",
    "stalking",
    "hate_speech",
    "sexual_exposing",
    "sextortion",
    "doxing",
    "grooming",
)
_IMAGES = _yes("intimate_images")
# Intimate images are involved, or may be (not asked yet in a case of sextortion or
# shared images): enough for a caution, never for a recommendation.
_IMAGES_MAYBE = _any(_IMAGES, _all(_unknown("intimate_images"), _forms("sexual_exposing", "sextortion")))
# Made before 18, or of unknown age (principle 1's exception).
_BEFORE_18_OR_UNKNOWN = _any(
    _fact("age_when_images_made", lt=18), _fact("victim_age", lt=18), _unknown("age_when_images_made")
)
_MINOR_IMAGES = _all(_IMAGES, _any(_fact("age_when_images_made", lt=18), _fact("victim_age", lt=18)))
_IMAGES_AGE_UNKNOWN = _all(
    _IMAGES,
    _unknown("age_when_images_made"),
    _any(_unknown("victim_age"), _fact("victim_age", ge=18)),
)
_CHILD_ROUTE = _any(_MINOR_IMAGES, _IMAGES_AGE_UNKNOWN)
# Made at 18 or older. The victim's age is tested too (an age of 15 now means images
# made before 18), so this is false, not open, for a minor: nobody is asked then.
_ADULT_IMAGES = _all(
    _IMAGES, _fact("age_when_images_made", ge=18), _not_known("victim_age", _fact("victim_age", lt=18))
)
# Screenshots may be advised only when no image of a minor, or of unknown age, can
# be in them. Two-valued on purpose: the wording never waits for an answer.
_SCREENSHOTS_SAFE = _any(
    _sure("intimate_images", _no("intimate_images")),
    _all(_unknown("intimate_images"), _not(_forms(*SEXUAL_FORMS))),
    _all(_sure("intimate_images", _IMAGES), _sure("age_when_images_made", _fact("age_when_images_made", ge=18))),
)
# Known to the victim: said so, or follows from who the offender is.
_OFFENDER_KNOWN = _any(
    _yes("offender_known"),
    _fact("offender_relation", **{"in": ["peer", "partner_or_ex", "family", "trusted_adult"]}),
)

# Mediation is ruled out by any of these (principle 2), when known.
_MEDIATION_EXCLUSIONS: list[tuple[str, Condition, str]] = [
    ("danger", _yes("acute_danger"), "Er is nu gevaar: eerst moet het slachtoffer veilig zijn."),
    ("offender-unknown", _no("offender_known"), "Het slachtoffer weet niet wie de dader is."),
    (
        "stalking",
        _fact("forms", contains="stalking"),
        "Bij stalking is een gesprek met de dader niet veilig: de dader zoekt juist contact.",
    ),
    (
        "sextortion",
        _fact("forms", contains="sextortion"),
        "Bij sextortion geeft een gesprek de dader nieuwe kansen om druk te zetten.",
    ),
    (
        "grooming",
        _fact("forms", contains="grooming"),
        "Bij grooming heeft de dader het slachtoffer al gemanipuleerd: een gesprek is dan niet gelijkwaardig.",
    ),
    (
        "sexual-violence",
        _fact("physical_sexual_violence", **{"in": ["recent", "earlier"]}),
        "Na seksueel geweld is een gesprek met de dader nu niet verstandig.",
    ),
    (
        "dependency",
        _fact("vulnerabilities", contains_any=["dependency_on_offender", "unwanted_relationship"]),
        "Het slachtoffer is afhankelijk van de dader of zit vast in een relatie met de dader: "
        "een gelijkwaardig gesprek is dan niet mogelijk.",
    ),
    (
        "relation",
        _fact("offender_relation", **{"in": ["partner_or_ex", "family", "trusted_adult"]}),
        "De dader is een (ex-)partner, een familielid of een volwassene met een vertrouwensrol: "
        "een gelijkwaardig gesprek is dan niet mogelijk.",
    ),
]


# --- Shared advice: rules that lead to one destination say these word for word ---------

_POLICE = _both(
    "Bespreek met het slachtoffer of het aangifte wil doen: maak samen een afspraak bij de politie via 0900-8844.",
    "Bespreek met het slachtoffer of het klacht wil neerleggen bij de lokale politie, in de politiezone waar "
    "het woont.",
)
_POLICE_THREAT = _both(
    "Zo'n bedreiging is strafbaar, ook als ze gaat over iemand die dicht bij het slachtoffer staat. " + _POLICE["NL"],
    "Zo'n bedreiging is strafbaar, ook als ze gaat over iemand die dicht bij het slachtoffer staat. " + _POLICE["BE"],
)
_PLATFORM = "Meld het daarna bij het platform en blokkeer de dader; de handleiding per platform in dit portaal helpt."
_SUPPORT = _both(
    "Zij helpen met praktische, juridische en emotionele steun, ook bij aangifte en schade.",
    "Zij helpen met praktische, juridische en emotionele steun, ook bij een klacht en schade.",
)
_CHILD_IMAGES_NL = "HelpWanted helpt jongeren en hun ouders om de beelden offline te krijgen en zegt wat er verder kan."
_CHILD_IMAGES_BE = "Child Focus helpt om de beelden offline te halen en steunt het kind en de ouders."
_TAKE_IT_DOWN = (
    "Met Take It Down maakt het slachtoffer op het eigen toestel een digitale vingerafdruk van de beelden. "
    "De beelden zelf gaan nergens heen; platforms die meedoen houden ze daarmee tegen."
)
_KINDERPORNO = (
    "Meld de link bij het Meldpunt Kinderporno: zij laten de beelden van websites halen. "
    "Stuur de beelden zelf nooit mee, alleen de link."
)
_SEXUAL_VIOLENCE_NL = "Het Centrum Seksueel Geweld geeft dag en nacht medische zorg en steun, en helpt bij aangifte."
_SEXUAL_VIOLENCE_BE = (
    "In een Zorgcentrum na Seksueel Geweld krijgt het slachtoffer dag en nacht medische en psychologische "
    "zorg, en kan het klacht neerleggen."
)
_CHILD_PROTECTION = _both(
    "Bel Veilig Thuis voor advies of een melding over huiselijk geweld of kindermishandeling. Volg ook de "
    "meldcode van je organisatie.",
    "Bel 1712 voor advies over geweld, misbruik of kindermishandeling; ook als professional kun je daar terecht.",
)


DESTINATIONS: list[dict[str, Any]] = [
    {"code": "police_emergency", "kind": "action", "country": None, "label": "Bel 112"},
    {
        "code": "police_report",
        "kind": "action",
        "country": None,
        "label": _both("Aangifte doen bij de politie", "Klacht neerleggen bij de politie"),
    },
    {"code": "police_notification", "kind": "action", "country": None, "label": "Melding maken bij de politie"},
    {
        "code": "meld_misdaad_anoniem",
        "kind": "action",
        "country": "NL",
        "label": "Anoniem melden bij Meld Misdaad Anoniem",
    },
    {
        "code": "platform_report",
        "kind": "action",
        "country": None,
        "label": "Melden bij het platform en de dader blokkeren",
    },
    {
        "code": "stopncii",
        "kind": "action",
        "country": None,
        "label": "Beelden laten hashen bij StopNCII.org",
        "url": "https://stopncii.org/",
    },
    {"code": "slachtofferhulp", "kind": "referral", "country": "NL", "label": "Slachtofferhulp Nederland"},
    {
        "code": "perspectief_herstelbemiddeling",
        "kind": "referral",
        "country": "NL",
        "label": "Perspectief Herstelbemiddeling",
    },
    {
        "code": "helpwanted",
        "kind": "referral",
        "country": "NL",
        "label": "HelpWanted",
        "url": "https://www.helpwanted.nl/",
    },
    {"code": "child_focus", "kind": "referral", "country": "BE", "label": "Child Focus"},
    {
        "code": "igvm",
        "kind": "referral",
        "country": "BE",
        "label": "Instituut voor de gelijkheid van vrouwen en mannen",
    },
    {"code": "fraudehelpdesk", "kind": "referral", "country": "NL", "label": "Fraudehelpdesk"},
    {"code": "cmi", "kind": "referral", "country": "NL", "label": "Centraal Meldpunt Identiteitsfraude en -fouten"},
    {
        "code": "advieslijn_professionals",
        "kind": "advice",
        "country": "NL",
        "label": "Advieslijn voor professionals van Slachtofferhulp Nederland",
    },
    {"code": "veilig_thuis", "kind": "referral", "country": "NL", "label": "Veilig Thuis"},
    {
        "code": "vertrouwenscentrum_1712",
        "kind": "referral",
        "country": "BE",
        "label": "1712 en het Vertrouwenscentrum Kindermishandeling",
    },
    {"code": "caw_slachtofferhulp", "kind": "referral", "country": "BE", "label": "Slachtofferhulp van het CAW"},
    {"code": "unia", "kind": "referral", "country": "BE", "label": "Unia"},
    {
        "code": "discriminatie_meldpunt",
        "kind": "referral",
        "country": "NL",
        "label": "Antidiscriminatievoorziening in de regio",
    },
    {"code": "meldpunt_kinderporno", "kind": "referral", "country": "NL", "label": "Meldpunt Kinderporno"},
    {
        "code": "take_it_down",
        "kind": "action",
        "country": None,
        "label": "Beelden laten hashen bij Take It Down",
        "url": "https://takeitdown.ncmec.org/",
    },
    {"code": "zelfmoordpreventie_113", "kind": "advice", "country": "NL", "label": "113 Zelfmoordpreventie"},
    {"code": "zelfmoordlijn_1813", "kind": "advice", "country": "BE", "label": "Zelfmoordlijn 1813"},
    {"code": "centrum_seksueel_geweld", "kind": "referral", "country": "NL", "label": "Centrum Seksueel Geweld"},
    {
        "code": "zorgcentrum_seksueel_geweld",
        "kind": "referral",
        "country": "BE",
        "label": "Zorgcentrum na Seksueel Geweld",
    },
    {
        "code": "bank_fraud_line",
        "kind": "action",
        "country": None,
        "label": _both("De bank bellen en laten blokkeren", "Card Stop en de bank bellen"),
    },
    {
        "code": "internal_confidant",
        "kind": "action",
        "country": None,
        "label": "De vertrouwenspersoon van de eigen school of club",
    },
    {"code": "clb", "kind": "referral", "country": "BE", "label": "Het CLB van de school"},
    {
        "code": "centrum_veilige_sport",
        "kind": "referral",
        "country": "NL",
        "label": "Centrum Veilige Sport Nederland",
    },
    {"code": "kindertelefoon", "kind": "advice", "country": "NL", "label": "De Kindertelefoon"},
    {"code": "awel", "kind": "advice", "country": "BE", "label": "Awel"},
]


def _rule(rule_id: str, priority: int, conditions: Condition, *outcomes: dict[str, Any]) -> dict[str, Any]:
    return {"id": rule_id, "priority": priority, "conditions": conditions, "outcomes": list(outcomes)}


def _to(destination: str, urgency: str, explanation: Any, advice: Any = None) -> dict[str, Any]:
    outcome: dict[str, Any] = {"destination": destination, "urgency": urgency, "explanation": explanation}
    if advice is not None:
        outcome["advice"] = advice
    return outcome


_THREATS = [
    ("death", "Het slachtoffer is met de dood bedreigd.", "soon"),
    ("serious_injury", "Het slachtoffer is bedreigd met zwaar lichamelijk letsel.", "soon"),
    ("rape", "Het slachtoffer is bedreigd met verkrachting.", "soon"),
    ("sexual_assault", "Het slachtoffer is bedreigd met aanranding.", "soon"),
    ("hostage_taking", "Het slachtoffer is bedreigd met gijzeling.", "soon"),
    ("arson", "Het slachtoffer is bedreigd met brandstichting.", "soon"),
]

_SEXUAL_ABUSE_MINOR = [
    ("sextortion", "Een minderjarige wordt afgeperst met naaktbeelden (sextortion)."),
    ("grooming", "Iemand probeert online een minderjarige in te palmen voor seks (grooming)."),
    ("sexual_exposing", "Er worden seksuele beelden van een minderjarige verspreid."),
]

_INTERNAL = [
    # (id, setting, relation, explanation, advice)
    (
        "school-peer",
        "school",
        "peer",
        "De dader is een klasgenoot of een andere leerling van de school.",
        _both(
            "Betrek de vertrouwenspersoon, de anti-pestcoördinator of de zorgcoördinator van de school. "
            "Zij kennen de afspraken van de school en helpen het slachtoffer om veilig naar school te blijven gaan.",
            "Betrek de zorgcoördinator of de vertrouwensleerkracht van de school. Zij kennen de afspraken van "
            "de school en helpen het slachtoffer om veilig naar school te blijven gaan.",
        ),
    ),
    (
        "school-trusted-adult",
        "school",
        "trusted_adult",
        "De dader is een volwassene met een vertrouwensrol op school, zoals een leraar.",
        _both(
            "Betrek de vertrouwenspersoon van de school en de schoolleiding. Zij zorgen dat het slachtoffer "
            "veilig is en dat de school doet wat moet.",
            "Betrek de zorgcoördinator en de directie van de school. Zij zorgen dat het slachtoffer veilig is "
            "en dat de school doet wat moet.",
        ),
    ),
    (
        "club-peer",
        "sports_club",
        "peer",
        "De dader is een teamgenoot of een ander lid van de club.",
        _both(
            "Betrek de vertrouwenscontactpersoon (VCP) van de club. Die luistert, denkt mee en kent de "
            "afspraken van de club.",
            "Betrek de vertrouwenspersoon van de club: in Vlaanderen vaak het aanspreekpunt integriteit (API). "
            "Die luistert, denkt mee en kent de afspraken van de club.",
        ),
    ),
    (
        "club-trusted-adult",
        "sports_club",
        "trusted_adult",
        "De dader is een volwassene met een vertrouwensrol bij de club, zoals een trainer of vrijwilliger.",
        _both(
            "Betrek de vertrouwenscontactpersoon (VCP) en het bestuur van de club. Zij zorgen dat het "
            "slachtoffer veilig kan blijven sporten.",
            "Betrek het aanspreekpunt integriteit (API) en het bestuur van de club. Zij zorgen dat het "
            "slachtoffer veilig kan blijven sporten.",
        ),
    ),
]

_REPORT_SHARED_IMAGES = "Naaktbeelden van iemand verspreiden zonder toestemming is strafbaar."

RULES: list[dict[str, Any]] = [
    # --- Immediate: safety first (principle 5) ----------------------------------------
    _rule(
        "acute-danger",
        10,
        _yes("acute_danger"),
        _to(
            "police_emergency",
            "immediate",
            "Het slachtoffer of iemand in de buurt is nu in gevaar.",
            "Bel meteen 112. Blijf bij het slachtoffer tot er hulp is.",
        ),
    ),
    _rule(
        "self-harm",
        12,
        _yes("self_harm_signs"),
        _to(
            "zelfmoordpreventie_113",
            "immediate",
            "Het slachtoffer praat over zelfdoding of zichzelf pijn doen, of je ziet daar signalen van.",
            "Neem dat altijd serieus en laat het slachtoffer niet alleen. Bel samen met 113 Zelfmoordpreventie: "
            "113 of gratis 0800-0113, dag en nacht. Bij direct levensgevaar: bel 112.",
        ),
        _to(
            "zelfmoordlijn_1813",
            "immediate",
            "Het slachtoffer praat over zelfdoding of zichzelf pijn doen, of je ziet daar signalen van.",
            "Neem dat altijd serieus en laat het slachtoffer niet alleen. Bel samen met de Zelfmoordlijn: gratis "
            "1813, dag en nacht. Bij direct levensgevaar: bel 112.",
        ),
    ),
    _rule(
        "sexual-violence-recent",
        14,
        _fact("physical_sexual_violence", eq="recent"),
        _to(
            "centrum_seksueel_geweld",
            "immediate",
            "Het online contact liep uit op seksueel geweld, minder dan een week geleden.",
            "Bel meteen het Centrum Seksueel Geweld. "
            + _SEXUAL_VIOLENCE_NL
            + " Vraag het slachtoffer zich liefst niet te wassen en de kleren te bewaren: zo blijven sporen bewaard.",
        ),
        _to(
            "zorgcentrum_seksueel_geweld",
            "immediate",
            "Het online contact liep uit op seksueel geweld, minder dan een week geleden.",
            "Ga meteen naar een Zorgcentrum na Seksueel Geweld. "
            + _SEXUAL_VIOLENCE_BE
            + " Vraag het slachtoffer zich liefst niet te wassen en de kleren te bewaren: zo blijven sporen bewaard.",
        ),
    ),
    _rule(
        "money-lost",
        16,
        _yes("money_lost"),
        _to(
            "bank_fraud_line",
            "immediate",
            "Het slachtoffer heeft geld betaald aan de dader, of bank- of inloggegevens gegeven.",
            _both(
                "Bel nu samen de fraudelijn van de bank en laat de pas en de rekening blokkeren. Het nummer staat "
                "op de pas, op de website of in de app van de bank. Hoe sneller, hoe groter de kans dat er geld "
                "terugkomt.",
                "Laat de bankkaart nu blokkeren via Card Stop (078 170 170, dag en nacht) en bel samen de bank. "
                "Hoe sneller, hoe groter de kans dat er geld terugkomt.",
            ),
        ),
    ),
    # --- Threats that are crimes, one rule per threat, so the text names it -----------
    *[
        _rule(
            f"threat-{threat.replace('_', '-')}",
            20 + index,
            _fact("threatened_with", contains=threat),
            _to("police_report", urgency, sentence, _POLICE_THREAT),
        )
        for index, (threat, sentence, urgency) in enumerate(_THREATS)
    ],
    _rule(
        "threat-property-damage",
        27,
        _fact("threatened_with", contains="property_damage"),
        _to(
            "police_report",
            "normal",
            "Het slachtoffer is bedreigd met het vernielen van spullen. Ook dat kan strafbaar zijn.",
            _POLICE,
        ),
    ),
    _rule(
        "hate-crime",
        28,
        {"flag": "hate_crime"},
        _to(
            "police_report",
            "soon",
            "Het slachtoffer lijkt aangevallen om wie het is, bijvoorbeeld om afkomst, geloof, seksuele "
            "oriëntatie of genderidentiteit.",
            _both(
                "Vertel bij de aangifte dat het om haat kan gaan: dan kan de straf hoger zijn. " + _POLICE["NL"],
                "Vertel bij de klacht dat het om haat kan gaan: dan kan de straf hoger zijn. " + _POLICE["BE"],
            ),
        ),
        _to(
            "discriminatie_meldpunt",
            "normal",
            "Het slachtoffer is misschien aangevallen om wie het is: dat is discriminatie.",
            "De antidiscriminatievoorziening in de regio registreert de melding, geeft advies en helpt bij "
            "een aangifte. Melden kan via discriminatie.nl.",
        ),
        _to(
            "unia",
            "normal",
            "Het slachtoffer is misschien aangevallen om wie het is: dat is discriminatie.",
            "Unia geeft gratis advies, registreert de melding en kan het slachtoffer juridisch bijstaan.",
        ),
    ),
    # --- Online sexual abuse ---------------------------------------------------------
    _rule(
        "sextortion",
        30,
        _fact("forms", contains="sextortion"),
        _to("police_report", "soon", "Het gaat om sextortion: afpersing met naaktbeelden. Dat is strafbaar.", _POLICE),
    ),
    _rule(
        "grooming",
        31,
        _fact("forms", contains="grooming"),
        _to(
            "police_report",
            "soon",
            "Het gaat om grooming: iemand probeert online het vertrouwen te winnen om het slachtoffer seksueel "
            "te misbruiken. Dat is strafbaar.",
            _POLICE,
        ),
    ),
    _rule(
        "minor-images",
        32,
        _MINOR_IMAGES,
        _to("helpwanted", "soon", "De beelden zijn gemaakt toen het slachtoffer jonger was dan 18.", _CHILD_IMAGES_NL),
        _to("child_focus", "soon", "De beelden zijn gemaakt toen het slachtoffer jonger was dan 18.", _CHILD_IMAGES_BE),
        _to("take_it_down", "soon", "De beelden zijn gemaakt toen het slachtoffer jonger was dan 18.", _TAKE_IT_DOWN),
    ),
    _rule(
        "images-age-unknown",
        33,
        _IMAGES_AGE_UNKNOWN,
        *[
            _to(
                destination,
                "soon",
                "Het is niet bekend hoe oud het slachtoffer was toen de beelden zijn gemaakt. Tot dat zeker is, "
                "volg je de weg voor beelden van minderjarigen.",
                advice,
            )
            for destination, advice in (
                ("helpwanted", _CHILD_IMAGES_NL),
                ("child_focus", _CHILD_IMAGES_BE),
                ("take_it_down", _TAKE_IT_DOWN),
            )
        ],
    ),
    _rule(
        "minor-images-online",
        34,
        _all(_CHILD_ROUTE, _yes("images_online")),
        _to(
            "meldpunt_kinderporno",
            "soon",
            "Er staan naaktbeelden online die zijn gemaakt voor het slachtoffer 18 was, of waarvan dat niet zeker is.",
            _KINDERPORNO,
        ),
    ),
    _rule(
        "minor-images-shared",
        35,
        _all(_CHILD_ROUTE, _forms("sexual_exposing")),
        _to(
            "police_report",
            "soon",
            "Naaktbeelden van een minderjarige verspreiden is strafbaar, ook als de dader zelf minderjarig is.",
            _POLICE,
        ),
    ),
    _rule(
        "adult-images",
        36,
        _ADULT_IMAGES,
        _to(
            "stopncii",
            "soon",
            "De beelden zijn gemaakt toen het slachtoffer 18 jaar of ouder was.",
            "Dan kan het slachtoffer de beelden laten 'hashen' via StopNCII.org. Alleen een digitale "
            "vingerafdruk wordt gedeeld, niet het beeld zelf. Platforms zoals Facebook en Instagram houden de "
            "beelden daarmee tegen.",
        ),
        _to(
            "helpwanted",
            "soon",
            "De beelden zijn gemaakt toen het slachtoffer 18 jaar of ouder was.",
            "HelpWanted helpt ook volwassenen om beelden offline te krijgen en weet per platform hoe dat gaat.",
        ),
        _to(
            "igvm",
            "soon",
            "De beelden zijn gemaakt toen het slachtoffer 18 jaar of ouder was.",
            "Het Instituut voor de gelijkheid van vrouwen en mannen helpt gratis om de beelden offline te halen "
            "en geeft advies over een klacht.",
        ),
    ),
    _rule(
        "adult-images-shared",
        37,
        _all(_ADULT_IMAGES, _forms("sexual_exposing")),
        _to("police_report", "normal", _REPORT_SHARED_IMAGES, _POLICE),
    ),
    *[
        _rule(
            f"{form.replace('_', '-')}-minor",
            38 + index,
            _all({"flag": "minor"}, _fact("forms", contains=form)),
            _to("helpwanted", "soon", sentence, _CHILD_IMAGES_NL),
            _to("child_focus", "soon", sentence, _CHILD_IMAGES_BE),
        )
        for index, (form, sentence) in enumerate(_SEXUAL_ABUSE_MINOR)
    ],
    _rule(
        "online-sexual-abuse-adult",
        42,
        _all(_fact("victim_age", ge=18), _forms(*SEXUAL_FORMS)),
        _to(
            "helpwanted",
            "normal",
            "Het gaat om online seksueel misbruik, zoals sextortion, grooming of het verspreiden van naaktbeelden.",
            "HelpWanted geeft volwassenen hierover advies en hulp.",
        ),
    ),
    _rule(
        "sexual-violence-earlier",
        44,
        _fact("physical_sexual_violence", eq="earlier"),
        _to(
            "centrum_seksueel_geweld",
            "soon",
            "Het online contact liep eerder uit op seksueel geweld, meer dan een week geleden.",
            "Ook dan kan het slachtoffer bij het Centrum Seksueel Geweld terecht voor zorg, steun en advies "
            "over aangifte.",
        ),
        _to(
            "vertrouwenscentrum_1712",
            "soon",
            "Het online contact liep eerder uit op seksueel geweld, meer dan een week geleden.",
            "1712 geeft advies over hulp na seksueel misbruik en over een klacht, ook als het langer geleden is.",
        ),
    ),
    _rule(
        "sexual-violence-report",
        45,
        _fact("physical_sexual_violence", **{"in": ["recent", "earlier"]}),
        _to("police_report", "soon", "Seksueel geweld is strafbaar.", _POLICE),
    ),
    # --- Money, fraud, identity, hacking -----------------------------------------------
    _rule(
        "money-lost-report",
        46,
        _yes("money_lost"),
        _to(
            "police_report",
            "soon",
            "Het slachtoffer is geld of gegevens kwijt aan de dader.",
            _both(
                _POLICE["NL"] + " Aangifte van oplichting via internet kan ook online, via politie.nl.",
                _POLICE["BE"],
            ),
        ),
    ),
    _rule(
        "online-fraud",
        48,
        _fact("forms", contains="online_fraud"),
        _to(
            "fraudehelpdesk",
            "soon",
            "Het slachtoffer is online opgelicht, bijvoorbeeld bij online handel, datingfraude of phishing.",
            "Gaf het slachtoffer geld of bankgegevens, bel dan eerst de bank. De Fraudehelpdesk zegt wat het "
            "slachtoffer daarna moet doen en hoe het meer schade voorkomt.",
        ),
        _to(
            "police_report",
            "normal",
            "Online oplichting is strafbaar. Gaf het slachtoffer geld of bankgegevens, bel dan eerst de bank.",
            _POLICE,
        ),
    ),
    _rule(
        "identity-fraud",
        50,
        _fact("forms", contains="identity_fraud"),
        _to(
            "platform_report",
            "soon",
            "Iemand doet zich online voor als het slachtoffer, bijvoorbeeld met een nepaccount.",
            "Meld het nepaccount meteen bij het platform als imitatie en vraag vrienden dat ook te doen.",
        ),
        _to(
            "cmi",
            "normal",
            "Iemand misbruikt de gegevens van het slachtoffer.",
            "Het Centraal Meldpunt Identiteitsfraude helpt als er met die gegevens iets is aangevraagd of gekocht, "
            "en bij het oplossen van de gevolgen.",
        ),
        _to("police_report", "normal", "Misbruik van iemands identiteit kan strafbaar zijn.", _POLICE),
    ),
    _rule(
        "hacking",
        52,
        _fact("forms", contains="hacking"),
        _to(
            "platform_report",
            "soon",
            "Iemand is zonder toestemming in een account van het slachtoffer gekomen.",
            "Help het slachtoffer om het account terug te krijgen via het platform. Verander het wachtwoord, ook "
            "van andere accounts met hetzelfde wachtwoord, en zet inloggen in twee stappen aan.",
        ),
        _to("police_report", "normal", "Hacken is strafbaar.", _POLICE),
    ),
    # --- Doxing and stalking (principle 6) -----------------------------------------------
    _rule(
        "doxing",
        54,
        _fact("forms", contains="doxing"),
        _to(
            "police_report",
            "soon",
            _both(
                "Het gaat om doxing: iemand zet persoonlijke gegevens online om het slachtoffer bang te maken of "
                "te laten lastigvallen. Dat is strafbaar sinds 2024 (artikel 285d Wetboek van Strafrecht).",
                "Het gaat om doxing: iemand zet persoonlijke gegevens online om het slachtoffer bang te maken of "
                "te laten lastigvallen. Dat kan strafbaar zijn, bijvoorbeeld als belaging.",
            ),
            _POLICE,
        ),
    ),
    _rule(
        "stalking",
        56,
        _fact("forms", contains="stalking"),
        _to(
            "police_report",
            "normal",
            "Het gaat om stalking: het slachtoffer wordt steeds lastiggevallen en voelt zich niet veilig. "
            "Dat is strafbaar.",
            _POLICE,
        ),
    ),
    # --- Online content: stop it, report it, keep evidence the right way -----------------
    _rule(
        "content-online",
        60,
        _any(_yes("images_online"), _fact("victim_wishes", contains="images_offline")),
        _to(
            "platform_report",
            "soon",
            "Er staat iets schadelijks online, of het slachtoffer wil dat iets offline gaat.",
            "Wees snel: hoe langer het online staat, hoe verder het zich verspreidt.",
        ),
    ),
    _rule(
        "evidence-screenshots",
        62,
        _all(_forms(*INTERPERSONAL_FORMS), _SCREENSHOTS_SAFE),
        _to(
            "platform_report",
            "normal",
            "Bewijs bewaren, melden en blokkeren helpt om het online contact te stoppen.",
            "Maak eerst screenshots van de berichten en het profiel van de dader, met datum en platform erop. "
            + _PLATFORM,
        ),
    ),
    _rule(
        "evidence-where",
        63,
        _all(_forms(*INTERPERSONAL_FORMS), _not(_SCREENSHOTS_SAFE)),
        _to(
            "platform_report",
            "normal",
            "Melden en blokkeren helpt om het online contact te stoppen.",
            "Schrijf op waar de beelden of berichten staan: de link, het platform en de naam van het account. "
            + _PLATFORM,
        ),
    ),
    # --- Support in the victim's own country (principle 4) --------------------------------
    _rule(
        "victim-support",
        70,
        _all(),
        _to(
            "slachtofferhulp", "normal", "Ieder slachtoffer kan gratis terecht bij Slachtofferhulp Nederland.", _SUPPORT
        ),
        _to(
            "caw_slachtofferhulp",
            "normal",
            "Ieder slachtoffer kan gratis terecht bij de slachtofferhulp van het CAW.",
            _SUPPORT,
        ),
    ),
    _rule(
        "vulnerable-victim",
        72,
        {"flag": "vulnerable_victim"},
        *[
            _to(
                destination,
                "soon",
                "Het slachtoffer is extra kwetsbaar, bijvoorbeeld door een jonge leeftijd, een beperking, "
                "psychische problemen of afhankelijkheid van de dader. Verwijs daarom snel door.",
                _SUPPORT,
            )
            for destination in ("slachtofferhulp", "caw_slachtofferhulp")
        ],
    ),
    _rule(
        "child-helpline",
        74,
        {"flag": "minor"},
        _to(
            "kindertelefoon",
            "normal",
            "Het slachtoffer is jonger dan 18.",
            "Bij De Kindertelefoon kan een kind anoniem en gratis praten over wat er gebeurd is.",
        ),
        _to(
            "awel",
            "normal",
            "Het slachtoffer is jonger dan 18.",
            "Bij Awel kan een kind of jongere anoniem en gratis praten over wat er gebeurd is.",
        ),
    ),
    # --- Inside the school or club (principle 7) -------------------------------------------
    *[
        _rule(
            f"internal-{rule_id}",
            76,
            _all(_fact("setting", eq=setting), _fact("offender_relation", eq=relation)),
            _to("internal_confidant", "soon", explanation, advice),
        )
        for rule_id, setting, relation, explanation, advice in _INTERNAL
    ],
    _rule(
        "internal-school-staff-sexual",
        75,
        _all(
            _fact("setting", eq="school"),
            _fact("offender_relation", eq="trusted_adult"),
            _any(_forms(*SEXUAL_FORMS), _fact("physical_sexual_violence", **{"in": ["recent", "earlier"]})),
        ),
        _to(
            "internal_confidant",
            "soon",
            "Het gaat om seksueel grensoverschrijdend gedrag van iemand die op de school werkt.",
            _both(
                "Wie dit hoort, moet het meteen melden aan het schoolbestuur; het bestuur overlegt dan met de "
                "vertrouwensinspecteur.",
                "Meld het meteen aan de directie en het schoolbestuur.",
            ),
        ),
    ),
    _rule(
        "clb",
        78,
        _all(_fact("setting", eq="school"), _fact("offender_relation", **{"in": ["peer", "trusted_adult"]})),
        _to(
            "clb",
            "normal",
            "Wat er gebeurde, speelt binnen de school.",
            "Het CLB begeleidt leerlingen en zoekt samen met de school en de ouders naar de juiste hulp.",
        ),
    ),
    _rule(
        "centrum-veilige-sport",
        79,
        _all(_fact("setting", eq="sports_club"), _fact("offender_relation", eq="trusted_adult")),
        _to(
            "centrum_veilige_sport",
            "soon",
            "De dader is een volwassene met een vertrouwensrol bij de club, zoals een trainer of vrijwilliger.",
            "Centrum Veilige Sport Nederland geeft vertrouwelijk advies en neemt meldingen aan over "
            "grensoverschrijdend gedrag in de sport.",
        ),
    ),
    # --- Home (principle 5) -----------------------------------------------------------------
    _rule(
        "unsafe-home",
        80,
        _yes("unsafe_home"),
        *[
            _to(
                destination,
                "soon",
                "Er zijn signalen dat het thuis niet veilig is voor het slachtoffer.",
                _CHILD_PROTECTION,
            )
            for destination in ("veilig_thuis", "vertrouwenscentrum_1712")
        ],
    ),
    _rule(
        "family-offender-minor",
        81,
        _all({"flag": "minor"}, _fact("offender_relation", eq="family")),
        *[
            _to(
                destination,
                "soon",
                "De dader is een familielid of huisgenoot van een minderjarig slachtoffer.",
                _CHILD_PROTECTION,
            )
            for destination in ("veilig_thuis", "vertrouwenscentrum_1712")
        ],
    ),
    # --- What the victim wants ---------------------------------------------------------------
    _rule(
        "report-wish",
        90,
        _fact("victim_wishes", contains="report_police"),
        _to(
            "police_report",
            "normal",
            _both("Het slachtoffer wil aangifte doen.", "Het slachtoffer wil klacht neerleggen."),
            _POLICE,
        ),
    ),
    _rule(
        "notification-wish",
        92,
        _fact("victim_wishes", contains="notify_police_only"),
        _to(
            "police_notification",
            "normal",
            _both(
                "Het slachtoffer wil geen aangifte doen, maar wel dat de politie het weet.",
                "Het slachtoffer wil geen klacht neerleggen, maar wel dat de politie het weet.",
            ),
            "Bij een melding start de politie meestal geen onderzoek. Gebeurt er opnieuw iets, dan weet de "
            "politie dat er al iets was.",
        ),
    ),
    _rule(
        "anonymous-wish",
        94,
        _fact("victim_wishes", contains="anonymous_report"),
        _to(
            "meld_misdaad_anoniem",
            "normal",
            "Het slachtoffer wil anoniem blijven.",
            "Dat kan bij Meld Misdaad Anoniem. Dat is geen aangifte, maar de politie kan er wel een onderzoek "
            "door starten.",
        ),
    ),
    _rule(
        "threat-not-punishable",
        96,
        _all(_fact("forms", contains="threat"), _not({"flag": "criminal_threat"})),
        _to(
            "police_notification",
            "normal",
            "Niet elke bedreiging is strafbaar: je bedreigd voelen is iets anders dan bedreigd worden.",
            _both(
                "Ook zonder aangifte kan het slachtoffer een melding maken bij de politie. Gebeurt er opnieuw "
                "iets, dan weet de politie dat er al iets was.",
                "Ook zonder klacht kan het slachtoffer een melding maken bij de politie. Gebeurt er opnieuw "
                "iets, dan weet de politie dat er al iets was.",
            ),
        ),
    ),
    _rule(
        "mediation",
        98,
        _all(
            _fact("victim_wishes", contains="mediation"),
            _OFFENDER_KNOWN,
            _no("acute_danger"),
            *[
                _not_known(condition["fact"], condition) if "fact" in condition else condition
                for _reason, condition, _text in _MEDIATION_EXCLUSIONS[2:]
            ],
        ),
        _to(
            "perspectief_herstelbemiddeling",
            "normal",
            "Het slachtoffer wil zelf een gesprek met de dader, en weet wie het is.",
            "Perspectief Herstelbemiddeling begeleidt zo'n gesprek. Het gebeurt alleen als allebei willen, en "
            "het slachtoffer kan altijd stoppen.",
        ),
        _to(
            "caw_slachtofferhulp",
            "normal",
            "Het slachtoffer wil zelf een gesprek met de dader, en weet wie het is.",
            "Het CAW zegt of bemiddeling mogelijk is en wie zo'n gesprek begeleidt.",
        ),
    ),
    _rule(
        "advice-line",
        99,
        _any({"flag": "vulnerable_victim"}, {"flag": "hate_crime"}),
        _to(
            "advieslijn_professionals",
            "normal",
            "Bij een kwetsbaar slachtoffer of bij haat is overleg verstandig.",
            "Twijfel je over de juiste stappen? Bel de Advieslijn voor professionals van Slachtofferhulp "
            "Nederland: 0900-0101, optie 3.",
        ),
    ),
]

_CAUTION_MEDIATION_ADVICE = (
    "Raad een gesprek met de dader daarom nu af. Zorg eerst voor veiligheid en steun, en bespreek wat het "
    "slachtoffer nu wel helpt."
)

CAUTIONS: list[dict[str, Any]] = [
    {
        "id": "no_copies_of_minor_images",
        "priority": 10,
        "conditions": _all(_IMAGES_MAYBE, _BEFORE_18_OR_UNKNOWN),
        "explanation": "Het gaat misschien om naaktbeelden van iemand die jonger was dan 18 toen ze gemaakt werden.",
        "advice": _both(
            "Maak, bewaar of stuur geen kopie of screenshot van de beelden zelf: dat is strafbaar, ook voor jou. "
            "Schrijf alleen op waar ze staan: de link, het platform en het account. Laat de beelden over aan de "
            "politie, HelpWanted of het Meldpunt Kinderporno.",
            "Maak, bewaar of stuur geen kopie of screenshot van de beelden zelf: dat is strafbaar, ook voor jou. "
            "Schrijf alleen op waar ze staan: de link, het platform en het account. Laat de beelden over aan de "
            "politie of Child Focus.",
        ),
    },
    {
        "id": "do_not_give_in",
        "priority": 12,
        "conditions": _fact("forms", contains="sextortion"),
        "explanation": "Bij sextortion dreigt de dader beelden te verspreiden als het slachtoffer niet betaalt of "
        "meer stuurt.",
        "advice": "Betaal niet en stuur niets meer: de dader stopt daar meestal niet mee. Stop het contact, maar "
        "verwijder de chats en het account niet: dat is bewijs.",
    },
    {
        "id": "do_not_confront_offender",
        "priority": 14,
        "conditions": _all(_OFFENDER_KNOWN, _forms("stalking", "threat", "sextortion")),
        "explanation": "Het slachtoffer weet wie de dader is.",
        "advice": "Neem zelf geen contact op met de dader en spreek de dader er niet op aan: dat kan het gevaar "
        "groter maken en bewijs laten verdwijnen. Veiligheid en bewijs gaan voor.",
    },
    *[
        {
            "id": "no_mediation_now",
            "priority": 16,
            "conditions": _all(_fact("victim_wishes", contains="mediation"), condition),
            "explanation": text,
            "advice": _CAUTION_MEDIATION_ADVICE,
            "note": f"mediation ruled out: {reason}",
        }
        for reason, condition, text in _MEDIATION_EXCLUSIONS
    ],
]

# Most important first: safety before everything else.
QUESTIONS: list[dict[str, Any]] = [
    {"fact": "acute_danger", "question": "Is het slachtoffer of iemand in de buurt nu in gevaar?"},
    {
        "fact": "self_harm_signs",
        "question": "Praat het slachtoffer over zelfdoding of zichzelf pijn doen, of zie je daar signalen van?",
    },
    {
        "fact": "physical_sexual_violence",
        "question": "Is het online contact uitgelopen op seksueel geweld? Zo ja: was dat minder of meer dan een "
        "week geleden?",
        "when": _any(
            _forms(*SEXUAL_FORMS, "stalking"), _fact("threatened_with", contains_any=["rape", "sexual_assault"])
        ),
    },
    {"fact": "unsafe_home", "question": "Zijn er signalen dat het thuis niet veilig is voor het slachtoffer?"},
    {
        "fact": "money_lost",
        "question": "Heeft het slachtoffer geld betaald, of bank- of inloggegevens gegeven?",
        "when": _forms("online_fraud", "hacking", "identity_fraud", "sextortion"),
    },
    {"fact": "victim_age", "question": "Hoe oud is het slachtoffer?"},
    {
        "fact": "intimate_images",
        "question": "Gaat het om naaktbeelden of seksuele beelden van het slachtoffer?",
        "when": _forms(*INTERPERSONAL_FORMS),
    },
    {
        "fact": "age_when_images_made",
        "question": "Hoe oud was het slachtoffer toen de beelden werden gemaakt?",
        "when": _IMAGES,
    },
    {
        "fact": "threatened_with",
        "question": "Waarmee is er gedreigd?",
        "when": _forms("threat", "stalking", "cyberbullying", "hate_speech", "doxing", "sextortion"),
    },
    {
        "fact": "offender_known",
        "question": "Weet het slachtoffer wie de dader is?",
        "when": _forms(*INTERPERSONAL_FORMS),
    },
    {
        "fact": "offender_relation",
        "question": "Wie is de dader voor het slachtoffer: een onbekende, een online kennis, een klasgenoot of "
        "teamgenoot, een (ex-)partner, een familielid of een volwassene met een vertrouwensrol?",
        "when": _forms(*INTERPERSONAL_FORMS),
    },
    {
        "fact": "hate_motive",
        "question": "Lijkt het slachtoffer aangevallen om wie het is, zoals afkomst, geloof, seksuele oriëntatie "
        "of genderidentiteit?",
        "when": _forms(*INTERPERSONAL_FORMS),
    },
    {
        "fact": "vulnerabilities",
        "question": "Is het slachtoffer extra kwetsbaar, bijvoorbeeld door een beperking, psychische problemen of "
        "afhankelijkheid van de dader?",
    },
    {
        "fact": "images_online",
        "question": "Staan de beelden of berichten nu online?",
        "when": _any(_forms(*INTERPERSONAL_FORMS), _IMAGES),
    },
    {
        "fact": "victim_wishes",
        "question": _both(
            "Wat wil het slachtoffer zelf: aangifte doen, een melding, iets offline halen, steun, of een gesprek "
            "met de dader?",
            "Wat wil het slachtoffer zelf: klacht neerleggen, een melding, iets offline halen, steun, of een "
            "gesprek met de dader?",
        ),
    },
    {
        "fact": "setting",
        "question": "Waar ken je het slachtoffer van: van school, van de sportclub of van ergens anders?",
    },
    {"fact": "offender_is_minor", "question": "Is de dader jonger dan 18?"},
    {
        "fact": "meets_offender_again",
        "question": "Ziet het slachtoffer de dader nog, bijvoorbeeld op school, op het werk of bij de club?",
    },
]
