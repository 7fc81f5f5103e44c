"""The shipped rule set, version 2026.1: pure data, following shared/seeds/.

Sources: the step plan "Nazorg na online bedreiging" of Slachtofferhulp Nederland
(stappenplan), the Belgian guide on taking intimate images offline (IGVM) and the
Dutch minister's letter on victims of online crime (kamerbrief). Explanations are
for the professional, in plain Dutch (B1), written for this portal.

Unknown facts (see conditions.py: a rule fires only when its condition is *true*):

* StopNCII only when ``age_when_images_made`` is known and 18 or more (StopNCII
  is only for images made as an adult). IGVM (BE) likewise.
* The minor route (Child Focus in BE, HelpWanted in NL) when the images were made
  under 18, which is also certain when ``victim_age`` is under 18.
* Images of unknown age (``age_when_images_made`` unknown, victim not known to be
  a minor): the minor route, with an explanation asking to check the age first.
  StopNCII is never recommended while the age is unknown.
* ``acute_danger`` unknown: "call 112" with urgency *soon* and an explanation that
  asks to check the danger first; known danger is *immediate*.
* Mediation only when it is known there is no acute danger.
* Being a minor (and so vulnerable) is only derived from a known ``victim_age``.
"""

from __future__ import annotations

VERSION = "2026.1"

_REPORT = "aangifte doen (in België: klacht neerleggen)"

DESTINATIONS: list[dict] = [
    {"code": "police_emergency", "kind": "action", "country": None, "label": "Bel 112"},
    {
        "code": "police_report",
        "kind": "action",
        "country": None,
        "label": "Aangifte doen bij de politie (België: klacht neerleggen)",
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
        "label": "Advieslijn voor professionals van Slachtofferhulp Nederland (0900-0101, optie 3)",
    },
]

_INTERPERSONAL_FORMS = [
    "threat",
    "cyberbullying",
    "stalking",
    "hate_speech",
    "sexual_exposing",
    "sextortion",
    "doxing",
    "grooming",
]
_MINOR_IMAGES = {
    "all": [
        {"fact": "intimate_images", "is": True},
        {"any": [{"fact": "age_when_images_made", "lt": 18}, {"fact": "victim_age", "lt": 18}]},
    ]
}

RULES: list[dict] = [
    {
        "id": "acute-danger",
        "priority": 10,
        "conditions": {"fact": "acute_danger", "is": True},
        "outcomes": [
            {
                "destination": "police_emergency",
                "urgency": "immediate",
                "explanation": "Het slachtoffer of iemand in de buurt is nu in gevaar. Bel meteen 112. "
                "Blijf bij het slachtoffer tot er hulp is.",
            }
        ],
    },
    {
        "id": "acute-danger-unknown",
        "priority": 12,
        "conditions": {"fact": "acute_danger", "known": False},
        "outcomes": [
            {
                "destination": "police_emergency",
                "urgency": "soon",
                "explanation": "Het is nog niet bekend of er nu gevaar is. Vraag dat eerst na. "
                "Is het slachtoffer of iemand in de buurt nu in gevaar? Bel dan meteen 112.",
            }
        ],
    },
    {
        "id": "criminal-threat",
        "priority": 20,
        "conditions": {"flag": "criminal_threat"},
        "outcomes": [
            {
                "destination": "police_report",
                "urgency": "soon",
                "explanation": "Er is gedreigd met iets wat strafbaar is: de dood, zwaar letsel, verkrachting, "
                "aanranding, gijzeling of brandstichting. Dreigen met het vernielen van spullen kan ook strafbaar zijn. "
                "Dat geldt ook als de dreiging gaat over iemand anders, zoals een kind, zus of partner. "
                f"Bespreek met het slachtoffer om {_REPORT}. Neem het bewijs mee, zoals screenshots.",
            }
        ],
    },
    {
        "id": "hate-crime",
        "priority": 22,
        "conditions": {"flag": "hate_crime"},
        "outcomes": [
            {
                "destination": "police_report",
                "urgency": "soon",
                "explanation": "Het slachtoffer lijkt aangevallen om wie hij of zij is, bijvoorbeeld om afkomst, "
                "geloof, seksuele oriëntatie of genderidentiteit. Dan kan het gaan om een hate crime of discriminatie. "
                "Neem dan altijd contact op met de politie. Laat het slachtoffer bij de aangifte zeggen dat het om "
                "een hate crime kan gaan: daar kan een zwaardere straf op staan.",
            }
        ],
    },
    {
        "id": "sexual-extortion",
        "priority": 24,
        "conditions": {"fact": "forms", "contains_any": ["sextortion", "grooming"]},
        "outcomes": [
            {
                "destination": "police_report",
                "urgency": "soon",
                "explanation": "Chantage met naaktbeelden (sextortion) en grooming zijn strafbaar. Help het "
                "slachtoffer om bewijs te bewaren, zoals screenshots van de berichten en van het profiel van de dader. "
                f"Bespreek daarna om {_REPORT}.",
            }
        ],
    },
    {
        "id": "minor-images",
        "priority": 26,
        "conditions": _MINOR_IMAGES,
        "outcomes": [
            {
                "destination": "child_focus",
                "urgency": "soon",
                "explanation": "De beelden zijn gemaakt toen het slachtoffer jonger was dan 18. StopNCII mag dan "
                "niet gebruikt worden. Child Focus helpt om de beelden offline te krijgen en steunt het kind en de ouders.",
            },
            {
                "destination": "helpwanted",
                "urgency": "soon",
                "explanation": "De beelden zijn gemaakt toen het slachtoffer jonger was dan 18. StopNCII mag dan "
                "niet gebruikt worden. HelpWanted helpt jongeren om de beelden offline te krijgen.",
            },
        ],
    },
    {
        "id": "images-age-unknown",
        "priority": 28,
        "conditions": {
            "all": [
                {"fact": "intimate_images", "is": True},
                {"fact": "age_when_images_made", "known": False},
                {"any": [{"fact": "victim_age", "known": False}, {"fact": "victim_age", "ge": 18}]},
            ]
        },
        "outcomes": [
            {
                "destination": "child_focus",
                "urgency": "soon",
                "explanation": "Het is niet bekend hoe oud het slachtoffer was toen de beelden werden gemaakt. "
                "Vraag dat na. Was het slachtoffer toen jonger dan 18? Dan helpt Child Focus. Was het toen 18 of "
                "ouder? Dan kunnen StopNCII en het Instituut voor de gelijkheid van vrouwen en mannen helpen. "
                "Zolang het niet zeker is, volg je de weg voor minderjarigen.",
            },
            {
                "destination": "helpwanted",
                "urgency": "soon",
                "explanation": "Het is niet bekend hoe oud het slachtoffer was toen de beelden werden gemaakt. "
                "Vraag dat na: StopNCII mag alleen als het slachtoffer toen 18 of ouder was. Zolang het niet zeker "
                "is, volg je de weg voor minderjarigen. HelpWanted helpt in beide gevallen.",
            },
        ],
    },
    {
        "id": "adult-images",
        "priority": 30,
        "conditions": {"all": [{"fact": "intimate_images", "is": True}, {"fact": "age_when_images_made", "ge": 18}]},
        "outcomes": [
            {
                "destination": "stopncii",
                "urgency": "soon",
                "explanation": "De beelden zijn gemaakt toen het slachtoffer 18 of ouder was. Dan kan het "
                "slachtoffer de beelden laten 'hashen' via StopNCII.org. Alleen een digitale code van het beeld "
                "wordt gedeeld, niet het beeld zelf. Platforms zoals Facebook en Instagram herkennen het beeld zo en "
                "houden het tegen. Dat kan ook als het slachtoffer bang is dat de beelden nog gedeeld worden. "
                "Het werkt niet voor privéberichten.",
            },
            {
                "destination": "igvm",
                "urgency": "soon",
                "explanation": "De beelden zijn gemaakt toen het slachtoffer 18 of ouder was. Het Instituut voor "
                "de gelijkheid van vrouwen en mannen helpt om de beelden offline te halen. Het Instituut werkt samen "
                "met Facebook, zodat een verzoek daar snel wordt behandeld. Ook met vragen over een klacht kan het "
                "slachtoffer daar terecht.",
            },
        ],
    },
    {
        "id": "intimate-images",
        "priority": 32,
        "conditions": {"fact": "intimate_images", "is": True},
        "outcomes": [
            {
                "destination": "helpwanted",
                "urgency": "soon",
                "explanation": "Het gaat om seksuele beelden of naaktbeelden van het slachtoffer. HelpWanted helpt "
                "bij online seksueel misbruik en weet per platform hoe je beelden offline krijgt.",
            }
        ],
    },
    {
        "id": "content-online",
        "priority": 34,
        "conditions": {
            "any": [
                {"fact": "images_online", "is": True},
                {"fact": "victim_wishes", "contains": "images_offline"},
            ]
        },
        "outcomes": [
            {
                "destination": "platform_report",
                "urgency": "soon",
                "explanation": "Er staat nu iets schadelijks online, of het slachtoffer wil beelden offline. "
                "Wees snel: hoe langer het online staat, hoe verder het zich verspreidt. Maak eerst screenshots "
                "waarop het platform en de datum te zien zijn. Meld daarna het bericht en het account bij het "
                "platform en blokkeer de dader. De handleiding per platform laat zien hoe dat gaat.",
            }
        ],
    },
    {
        "id": "vulnerable-victim",
        "priority": 40,
        "conditions": {"flag": "vulnerable_victim"},
        "outcomes": [
            {
                "destination": "slachtofferhulp",
                "urgency": "soon",
                "explanation": "Het slachtoffer is extra kwetsbaar, bijvoorbeeld omdat het minderjarig is, een "
                "verstandelijke beperking of psychische problemen heeft, of afhankelijk is van de dader. Neem dat "
                "mee als je inschat hoe ernstig het is, en verwijs snel door.",
            }
        ],
    },
    {
        "id": "report-wish",
        "priority": 50,
        "conditions": {"fact": "victim_wishes", "contains": "report_police"},
        "outcomes": [
            {
                "destination": "police_report",
                "urgency": "normal",
                "explanation": f"Het slachtoffer wil {_REPORT}. Neem het verzamelde bewijs mee. Het slachtoffer "
                "heeft recht op bescherming tegen de verdachte, ook tijdens de aangifte.",
            }
        ],
    },
    {
        "id": "notification-wish",
        "priority": 52,
        "conditions": {"fact": "victim_wishes", "contains": "notify_police_only"},
        "outcomes": [
            {
                "destination": "police_notification",
                "urgency": "normal",
                "explanation": "Het slachtoffer wil geen aangifte doen, maar wel dat de politie het weet. Bij een "
                "melding start de politie geen onderzoek naar de dader. Gebeurt er opnieuw iets, dan weet de politie "
                "dat er al een melding is. Soms start de politie zelf toch een onderzoek.",
            }
        ],
    },
    {
        "id": "anonymous-wish",
        "priority": 54,
        "conditions": {"fact": "victim_wishes", "contains": "anonymous_report"},
        "outcomes": [
            {
                "destination": "meld_misdaad_anoniem",
                "urgency": "normal",
                "explanation": "Het slachtoffer wil anoniem blijven. Dat kan bij Meld Misdaad Anoniem. Let op: dat "
                "is geen aangifte en ook geen melding bij de politie. De politie kan er wel een onderzoek door starten.",
            }
        ],
    },
    {
        "id": "threat-not-punishable",
        "priority": 56,
        "conditions": {
            "all": [
                {"fact": "forms", "contains": "threat"},
                {"not": {"flag": "criminal_threat"}},
            ]
        },
        "outcomes": [
            {
                "destination": "police_notification",
                "urgency": "normal",
                "explanation": "Niet elke bedreiging is strafbaar: bedreigd worden is iets anders dan je bedreigd "
                "voelen. Ook als aangifte niet kan, kan het slachtoffer een melding maken. Gebeurt het opnieuw, dan "
                "weet de politie dat er al iets was.",
            }
        ],
    },
    {
        "id": "stalking",
        "priority": 58,
        "conditions": {"fact": "forms", "contains": "stalking"},
        "outcomes": [
            {
                "destination": "police_report",
                "urgency": "normal",
                "explanation": "Het slachtoffer wordt steeds lastiggevallen en voelt zich niet meer veilig "
                f"(stalking). Help om bewijs te verzamelen en bespreek om {_REPORT}.",
            }
        ],
    },
    {
        "id": "intimate-images-shared",
        "priority": 60,
        "conditions": {
            "all": [{"fact": "intimate_images", "is": True}, {"fact": "forms", "contains": "sexual_exposing"}]
        },
        "outcomes": [
            {
                "destination": "police_report",
                "urgency": "normal",
                "explanation": "Naaktbeelden van iemand verspreiden of laten zien zonder toestemming is strafbaar. "
                f"Het slachtoffer kan {_REPORT} tegen wie de beelden verspreidde, en ook tegen wie ze daarna verder "
                "deelde. Maak eerst screenshots, voordat je de beelden laat verwijderen.",
            }
        ],
    },
    {
        "id": "online-fraud",
        "priority": 62,
        "conditions": {"fact": "forms", "contains": "online_fraud"},
        "outcomes": [
            {
                "destination": "fraudehelpdesk",
                "urgency": "soon",
                "explanation": "Het slachtoffer is online opgelicht, bijvoorbeeld bij online handel, datingfraude of "
                "phishing. De Fraudehelpdesk vertelt wat het slachtoffer nu kan doen en hoe het meer schade voorkomt.",
            },
            {
                "destination": "police_report",
                "urgency": "normal",
                "explanation": "Van online oplichting kan het slachtoffer melding of aangifte doen bij de politie. "
                "In Nederland kan dat ook online, via politie.nl.",
            },
        ],
    },
    {
        "id": "identity-fraud",
        "priority": 64,
        "conditions": {"fact": "forms", "contains": "identity_fraud"},
        "outcomes": [
            {
                "destination": "cmi",
                "urgency": "soon",
                "explanation": "Iemand misbruikt de gegevens van het slachtoffer, bijvoorbeeld met een nepaccount. "
                "Het Centraal Meldpunt Identiteitsfraude en -fouten helpt om dat te stoppen en de gevolgen op te lossen.",
            },
            {
                "destination": "police_report",
                "urgency": "normal",
                "explanation": f"Van misbruik van iemands gegevens kan het slachtoffer {_REPORT}.",
            },
        ],
    },
    {
        "id": "hacking",
        "priority": 66,
        "conditions": {"fact": "forms", "contains": "hacking"},
        "outcomes": [
            {
                "destination": "police_report",
                "urgency": "normal",
                "explanation": "Iemand is zonder toestemming in een account of apparaat van het slachtoffer gekomen "
                f"(hacken). Dat is strafbaar. Schrijf op wat er gebeurde en bespreek om {_REPORT}.",
            }
        ],
    },
    {
        "id": "block-and-report",
        "priority": 70,
        "conditions": {"fact": "forms", "contains_any": _INTERPERSONAL_FORMS},
        "outcomes": [
            {
                "destination": "platform_report",
                "urgency": "normal",
                "explanation": "Help het slachtoffer om de dader te blokkeren en om berichten of het account te "
                "melden bij het platform of de website. Pas samen de privacy-instellingen aan, zodat ongewenst contact "
                "moeilijker wordt. Bewaar eerst het bewijs, zoals screenshots.",
            }
        ],
    },
    {
        "id": "online-sexual-abuse",
        "priority": 72,
        "conditions": {"fact": "forms", "contains_any": ["sextortion", "grooming", "sexual_exposing"]},
        "outcomes": [
            {
                "destination": "helpwanted",
                "urgency": "normal",
                "explanation": "Het gaat om online seksueel misbruik, zoals grooming, sextortion of het verspreiden "
                "van naaktbeelden. HelpWanted geeft hierover advies en hulp.",
            }
        ],
    },
    {
        "id": "online-sexual-abuse-minor",
        "priority": 74,
        "conditions": {
            "all": [{"flag": "minor"}, {"fact": "forms", "contains_any": ["sextortion", "grooming", "sexual_exposing"]}]
        },
        "outcomes": [
            {
                "destination": "child_focus",
                "urgency": "normal",
                "explanation": "Het slachtoffer is minderjarig en het gaat om online seksueel misbruik, zoals grooming "
                "of sextortion. Child Focus helpt kinderen en hun ouders hierbij.",
            }
        ],
    },
    {
        "id": "mediation",
        "priority": 76,
        "conditions": {
            "all": [
                {"fact": "offender_known", "is": True},
                {
                    "any": [
                        {"fact": "meets_offender_again", "is": True},
                        {"fact": "victim_wishes", "contains": "mediation"},
                    ]
                },
                {"fact": "acute_danger", "is": False},
                {"not": {"fact": "forms", "contains_any": ["sextortion", "grooming"]}},
            ]
        },
        "outcomes": [
            {
                "destination": "perspectief_herstelbemiddeling",
                "urgency": "normal",
                "explanation": "Slachtoffer en dader kennen elkaar en zien elkaar weer, bijvoorbeeld op school, op "
                "het werk of bij de sportclub, of het slachtoffer vraagt zelf om bemiddeling. Een gesprek met "
                "begeleiding kan helpen bij het herstel. Jij of een collega kan dat gesprek voeren, of Perspectief "
                "Herstelbemiddeling bemiddelt. Doe dit alleen als het slachtoffer dat wil.",
            }
        ],
    },
    {
        "id": "victim-support",
        "priority": 80,
        "conditions": {"all": []},
        "outcomes": [
            {
                "destination": "slachtofferhulp",
                "urgency": "normal",
                "explanation": "Ieder slachtoffer kan gratis terecht bij Slachtofferhulp Nederland voor praktische, "
                "juridische en emotionele hulp. Zij helpen ook bij het melden bij andere organisaties en bij het "
                "beperken of verhalen van de schade.",
            }
        ],
    },
    {
        "id": "advice-line",
        "priority": 90,
        "conditions": {
            "any": [
                {"flag": "vulnerable_victim"},
                {"flag": "hate_crime"},
                {"fact": "acute_danger", "known": False},
                {"all": [{"fact": "forms", "contains": "threat"}, {"fact": "threatened_with", "known": False}]},
            ]
        },
        "outcomes": [
            {
                "destination": "advieslijn_professionals",
                "urgency": "normal",
                "explanation": "Twijfel je over de juiste stappen, of heb je het gevoel dat er meer speelt? Overleg "
                "met collega's of bel de Advieslijn voor professionals van Slachtofferhulp Nederland: 0900-0101, "
                "optie 3.",
            }
        ],
    },
]
