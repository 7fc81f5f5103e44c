"""The shipped texts of the Signalenwijzer (B1 Dutch, in our own words).

Facts from the step plan of Slachtofferhulp Nederland (the Signalenwijzer, asking
colleagues and the Advieslijn voor professionals, 0900-0101 option 3), and the
organisations every helper uses (112, 113 / 0800-0113, Veilig Thuis 0800-2000,
Zelfmoordlijn 1813, 1712, CLB; for sextortion the police (NL 0900-8844, BE the
politiezone, 101), Offlimits' HelpWanted, Child Focus 116 000, Take It Down and
StopNCII). A new line in a guidance text starts a new paragraph. ``services.signalenwijzer_load`` writes them to the
snippets; editors change them in Wagtail. Plain strings: the content is data, not
interface text, as the course content in ``cms/content`` is.

Guard rails every text keeps: never advise to confront a suspected offender, never
promise a child secrecy, no leading questions, and never tell an adult to look at,
save or forward images of a minor.
"""

from __future__ import annotations

STEPS: list[dict[str, object]] = [
    {
        "key": "signalen",
        "sort_order": 10,
        "title": "Wat valt je op?",
        "intro": "Vink aan wat je zelf ziet of hoort. Eén signaal bewijst niets. Samen geven ze een beeld. "
        "Je hoeft geen naam in te vullen, en niets hiervan wordt bewaard.",
    },
    {
        "key": "zekerheid",
        "sort_order": 20,
        "title": "Hoe zeker ben je?",
        "intro": "Een gevoel is genoeg om verder te kijken. Je hoeft niets te bewijzen.",
    },
    {
        "key": "urgentie",
        "sort_order": 30,
        "title": "Is er iets dat niet kan wachten?",
        "intro": "Kies wat past. Twijfel je? Kies het dan toch. Je ziet meteen wie je kunt bellen.",
    },
    {
        "key": "gesprek",
        "sort_order": 40,
        "title": "Het gesprek",
        "intro": "Begin een rustig gesprek met de persoon zelf. Vertel wat je ziet en vraag hoe het gaat. "
        "Stel open vragen en dring niet aan. Vraag niet: 'Word je gechanteerd?' Zo'n vraag stuurt het antwoord.",
    },
    {
        "key": "betrekken",
        "sort_order": 50,
        "title": "Wie betrek je erbij?",
        "intro": "Je hoeft dit niet alleen te doen. Praat over je zorg met iemand die kan helpen. "
        "Noem geen naam als dat nog niet nodig is.",
    },
    {
        "key": "verder",
        "sort_order": 90,
        "title": "Wat nu?",
        "intro": "Hieronder staat wat je hebt gekozen, zonder namen. Druk het af of bewaar het voor je overleg. "
        "Wil je het doorgeven aan je organisatie? Kies dan 'Signaal melden'. Dat mag, het hoeft niet.",
    },
]

SIGNALS: list[dict[str, object]] = [
    # Changes in behaviour
    {
        "key": "teruggetrokken",
        "group": "gedrag",
        "text": "Is stiller dan eerst of zoekt minder contact",
        "why": "Wie online wordt lastiggevallen, schaamt zich vaak en trekt zich terug.",
    },
    {
        "key": "gespannen",
        "group": "gedrag",
        "text": "Is gespannen of bang, en schrikt snel",
        "why": "Dreigende berichten die blijven komen, geven veel angst en stress.",
    },
    {
        "key": "afwezig",
        "group": "gedrag",
        "text": "Is vaker afwezig, of komt niet meer naar les of training",
        "why": "Soms mijdt iemand de plek waar de dader of de groep ook komt.",
    },
    {
        "key": "prestaties",
        "group": "gedrag",
        "text": "Haalt opeens lagere cijfers of presteert minder",
        "why": "Zorgen en slecht slapen maken het moeilijk om je te concentreren.",
    },
    # Online signs
    {
        "key": "telefoon",
        "group": "online",
        "text": "Is geheimzinnig met de telefoon, of schrikt als die trilt",
        "why": "Bedreiging en chantage komen vaak binnen via de telefoon.",
    },
    {
        "key": "nieuwe-contacten",
        "group": "online",
        "text": "Heeft nieuwe online contacten die niemand kent",
        "why": "Een dader doet zich soms eerst voor als vriend en zet later druk.",
    },
    {
        "key": "accounts-weg",
        "group": "online",
        "text": "Haalt opeens accounts of apps weg",
        "why": "Zo probeert iemand soms weg te komen van berichten of beelden.",
    },
    {
        "key": "geld",
        "group": "online",
        "text": "Heeft opeens geld of cadeaus, of juist geldnood",
        "why": "Geld en cadeaus kunnen horen bij lokken of bij chantage.",
    },
    # What others say
    {
        "key": "geruchten",
        "group": "anderen",
        "text": "Er gaan verhalen rond over deze persoon",
        "why": "Verhalen gaan vaak samen met berichten die online worden gedeeld.",
    },
    {
        "key": "beelden-rond",
        "group": "anderen",
        "text": "Anderen zeggen dat er een foto of filmpje rondgaat in een groep",
        "why": "Beelden die zonder toestemming rondgaan, doen veel pijn. Vraag er niet om, bekijk ze niet "
        "en stuur ze niet door.",
        "points_to": "afpersing",
    },
    {
        "key": "uitgelachen",
        "group": "anderen",
        "text": "Er wordt gelachen of gefluisterd als deze persoon er is",
        "why": "Dat kan betekenen dat er iets over deze persoon online staat.",
    },
    # What the person said
    {
        "key": "liet-iets-vallen",
        "group": "gezegd",
        "text": "Liet iets vallen over berichten, een account of iemand online",
        "why": "Soms test iemand eerst voorzichtig of je te vertrouwen bent.",
    },
    {
        "key": "bang-voor-iemand",
        "group": "gezegd",
        "text": "Zei bang te zijn voor iemand",
        "why": "Angst voor een persoon is een reden om het serieus te nemen.",
        "points_to": "gevaar",
    },
    {
        "key": "niet-meer-leven",
        "group": "gezegd",
        "text": "Zei iets over zichzelf pijn doen of niet meer willen leven",
        "why": "Neem dit altijd serieus. Praat erover en schakel hulp in.",
        "points_to": "zelfbeschadiging",
    },
    {
        "key": "thuis",
        "group": "gezegd",
        "text": "Zei iets waardoor je denkt dat het thuis niet goed gaat",
        "why": "Een kind dat thuis niet veilig is, heeft extra bescherming nodig.",
        "points_to": "thuis",
    },
    {
        "key": "geld-of-beelden-gevraagd",
        "group": "gezegd",
        "text": "Zei dat iemand geld of meer naaktbeelden vraagt, en anders iets gaat delen",
        "why": "Dat is afpersing. Hoe sneller er hulp komt, hoe minder de dader kan doen.",
        "points_to": "afpersing",
    },
]

_DANGER = (
    "Is er nu gevaar voor iemand? Bel meteen 112. Blijf in de buurt als dat veilig is voor jou. "
    "Spreek de dader niet zelf aan."
)

# Sextortion or intimate images going round now: the same first steps in both
# countries; the police, the help for minors and the suicide line differ.
_EXTORTION_START = (
    "Wordt iemand nu afgeperst, of gaan naaktbeelden nu rond? Dan moet er vandaag iets gebeuren. "
    "Jij hoeft het niet op te lossen. Je helpt de persoon de goede stappen te zetten."
    "\nZeg: betaal niet en ga niet in op wat de afperser vraagt. Ook niet een klein beetje."
    "\nStop het contact met de afperser. Maar wis de chat niet en haal het account niet weg. "
    "Dat bewijs blijft op de eigen telefoon van de persoon."
    "\nVraag zelf nooit om de beelden. Bekijk ze niet, bewaar ze niet en stuur ze niet door. "
    "Ook niet om te helpen."
)
_EXTORTION_REMOVE = (
    "\nZijn de beelden gemaakt toen de persoon jonger was dan 18? Dan helpt Take It Down om ze van grote "
    "sites te weren. Was de persoon toen al 18 of ouder? Dan kan dat met StopNCII. De persoon doet dat zelf, "
    "op de eigen telefoon. De beelden gaan daarbij naar niemand toe."
)

GUIDANCE: list[dict[str, str]] = [
    # --- Nederland ---------------------------------------------------------------------
    {"key": "gevaar", "country": "NL", "audience": "all", "title": "Bel 112", "phone": "112", "text": _DANGER},
    {
        "key": "zelfbeschadiging",
        "country": "NL",
        "audience": "all",
        "title": "113 Zelfmoordpreventie",
        "phone": "113 of 0800-0113 (gratis)",
        "text": "Zegt of laat iemand merken dat hij zichzelf iets wil aandoen? Neem het serieus. Vraag het rustig "
        "en direct: 'Denk je erover om jezelf iets aan te doen?' Laat de persoon niet alleen. Bel of chat met 113, "
        "ook voor advies voor jezelf. Is het gevaar er nu? Bel 112.",
    },
    {
        "key": "thuis",
        "country": "NL",
        "audience": "all",
        "title": "Veilig Thuis",
        "phone": "0800-2000 (gratis)",
        "text": "Denk je dat het thuis niet veilig is? Bel Veilig Thuis voor advies. Dat mag ook als je twijfelt, "
        "en je hoeft geen namen te noemen.",
    },
    {
        "key": "thuis",
        "country": "NL",
        "audience": "school",
        "title": "Meldcode en Veilig Thuis",
        "phone": "0800-2000 (gratis)",
        "text": "Volg de stappen van de meldcode huiselijk geweld en kindermishandeling van je school. "
        "Overleg met de aandachtsfunctionaris. Vraag Veilig Thuis om advies, ook als je twijfelt.",
    },
    {
        "key": "thuis",
        "country": "NL",
        "audience": "sports_club",
        "title": "Meldcode en Veilig Thuis",
        "phone": "0800-2000 (gratis)",
        "text": "Volg de meldcode of het stappenplan van je club. Overleg met de vertrouwenscontactpersoon. "
        "Vraag Veilig Thuis om advies, ook als je twijfelt.",
    },
    {
        "key": "advieslijn",
        "country": "NL",
        "audience": "all",
        "title": "Advieslijn voor professionals van Slachtofferhulp Nederland",
        "phone": "0900-0101 (kies optie 3)",
        "text": "Twijfel je wat je moet doen? Bespreek de situatie met een deskundige. Je hoeft geen namen te noemen. "
        "Gaat het om naaktbeelden of afpersing van een jongere? Ook HelpWanted van Offlimits geeft advies.",
    },
    {
        "key": "collega",
        "country": "NL",
        "audience": "all",
        "title": "Een collega die je vertrouwt",
        "phone": "",
        "text": "Vertel wat je zag, niet wat je denkt dat er is gebeurd. Samen zie je vaak meer.",
    },
    {
        "key": "collega",
        "country": "NL",
        "audience": "sports_club",
        "title": "Een trainer of bestuurslid die je vertrouwt",
        "phone": "",
        "text": "Vertel wat je zag, niet wat je denkt dat er is gebeurd. Samen zie je vaak meer.",
    },
    {
        "key": "vertrouwenspersoon",
        "country": "NL",
        "audience": "all",
        "title": "De vertrouwenspersoon",
        "phone": "",
        "text": "De vertrouwenspersoon denkt met je mee en weet welke afspraken jullie hebben.",
    },
    {
        "key": "vertrouwenspersoon",
        "country": "NL",
        "audience": "school",
        "title": "De vertrouwenspersoon of intern begeleider",
        "phone": "",
        "text": "De vertrouwenspersoon of intern begeleider kent de afspraken van school en denkt met je mee.",
    },
    {
        "key": "vertrouwenspersoon",
        "country": "NL",
        "audience": "sports_club",
        "title": "De vertrouwenscontactpersoon (VCP)",
        "phone": "",
        "text": "De vertrouwenscontactpersoon van de club luistert, denkt mee en weet waar je hulp vindt.",
    },
    {
        "key": "afpersing",
        "country": "NL",
        "audience": "all",
        "title": "Afpersing of naaktbeelden die rondgaan",
        "phone": "0900-8844 (politie), of 112 bij gevaar nu",
        "text": _EXTORTION_START
        + "\nGa naar de politie en doe aangifte. Bel 0900-8844 voor een afspraak. Is er nu gevaar? Bel 112."
        "\nIs de persoon jonger dan 18? Vertel het de ouders of verzorgers, behalve als dat niet veilig is. "
        "HelpWanted van Offlimits (helpwanted.nl) geeft advies en helpt beelden offline te krijgen."
        + _EXTORTION_REMOVE
        + "\nVraag ook direct: 'Denk je erover om jezelf iets aan te doen?' Zegt de persoon ja, of twijfel je? "
        "Bel of chat met 113, of bel gratis 0800-0113.",
    },
    # --- België ------------------------------------------------------------------------
    {"key": "gevaar", "country": "BE", "audience": "all", "title": "Bel 112", "phone": "112", "text": _DANGER},
    {
        "key": "zelfbeschadiging",
        "country": "BE",
        "audience": "all",
        "title": "Zelfmoordlijn 1813",
        "phone": "1813 (gratis)",
        "text": "Zegt of laat iemand merken dat hij zichzelf iets wil aandoen? Neem het serieus. Vraag het rustig "
        "en direct: 'Denk je erover om jezelf iets aan te doen?' Laat de persoon niet alleen. Bel of chat met de "
        "Zelfmoordlijn 1813, ook voor advies voor jezelf. Is het gevaar er nu? Bel 112.",
    },
    {
        "key": "thuis",
        "country": "BE",
        "audience": "all",
        "title": "1712",
        "phone": "1712 (gratis)",
        "text": "Denk je dat het thuis niet veilig is? Bel 1712 voor advies bij geweld, misbruik of "
        "kindermishandeling. Dat mag ook als je twijfelt.",
    },
    {
        "key": "thuis",
        "country": "BE",
        "audience": "school",
        "title": "CLB en 1712",
        "phone": "1712 (gratis)",
        "text": "Overleg met het CLB van je school en volg de afspraken van je school. Bel 1712 voor advies, "
        "ook als je twijfelt.",
    },
    {
        "key": "advieslijn",
        "country": "BE",
        "audience": "all",
        "title": "1712, ook voor professionals",
        "phone": "1712 (gratis)",
        "text": "Twijfel je wat je moet doen? Bij 1712 kun je als professional je vragen stellen. "
        "Je hoeft geen namen te noemen. Gaat het om naaktbeelden of afpersing van een minderjarige? "
        "Bel dan Child Focus (116 000).",
    },
    {
        "key": "collega",
        "country": "BE",
        "audience": "all",
        "title": "Een collega die je vertrouwt",
        "phone": "",
        "text": "Vertel wat je zag, niet wat je denkt dat er is gebeurd. Samen zie je vaak meer.",
    },
    {
        "key": "collega",
        "country": "BE",
        "audience": "sports_club",
        "title": "Een trainer of bestuurslid die je vertrouwt",
        "phone": "",
        "text": "Vertel wat je zag, niet wat je denkt dat er is gebeurd. Samen zie je vaak meer.",
    },
    {
        "key": "vertrouwenspersoon",
        "country": "BE",
        "audience": "all",
        "title": "De vertrouwenspersoon",
        "phone": "",
        "text": "De vertrouwenspersoon denkt met je mee en weet welke afspraken jullie hebben.",
    },
    {
        "key": "vertrouwenspersoon",
        "country": "BE",
        "audience": "school",
        "title": "De vertrouwenspersoon of het CLB",
        "phone": "",
        "text": "De vertrouwenspersoon van school of het CLB denkt met je mee en kent de volgende stappen.",
    },
    {
        "key": "vertrouwenspersoon",
        "country": "BE",
        "audience": "sports_club",
        "title": "Het aanspreekpunt integriteit (API)",
        "phone": "",
        "text": "Het aanspreekpunt integriteit van de club luistert, denkt mee en weet waar je hulp vindt.",
    },
    {
        "key": "afpersing",
        "country": "BE",
        "audience": "all",
        "title": "Afpersing of naaktbeelden die rondgaan",
        "phone": "101 of 112 (politie), Child Focus 116 000",
        "text": _EXTORTION_START
        + "\nGa naar de politie van de eigen politiezone en dien een klacht in. Is het dringend? Bel 101 of 112."
        "\nIs de persoon jonger dan 18? Vertel het de ouders of verzorgers, behalve als dat niet veilig is. "
        "Bel Child Focus (116 000) voor advies en hulp om beelden offline te krijgen."
        + _EXTORTION_REMOVE
        + "\nVraag ook direct: 'Denk je erover om jezelf iets aan te doen?' Zegt de persoon ja, of twijfel je? "
        "Bel of chat met de Zelfmoordlijn 1813.",
    },
]

# Step 3 shows these blocks of the course's conversation lessons (module 3), found
# by slug in the loaded pages: one source, no copy. (module slug, lesson slug, block types)
CONVERSATION_SOURCE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("het-gesprek", "het-gesprek-beginnen", ("callout",)),
    ("het-gesprek", "vragen-die-je-stelt", ("questions_to_ask", "dialogue")),
)
