"""Module 5: the aftercare step plan: evidence, blocking, reporting, protection,
mediation, the criminal process, follow-up and referral."""

from cms.content.helpers import ModuleSpec, callout, check, country, option, text

MODULE: ModuleSpec = {
    "slug": "stappenplan-nazorg",
    "title": "Stappenplan nazorg",
    "intro": "<p>Wat doe je als je weet dat iemand online bedreigd wordt? Deze module geeft je een stappenplan. "
    "Van bewijs bewaren en blokkeren tot de politie, bescherming, bemiddeling en nazorg op de lange termijn. Je "
    "leert ook naar wie je kunt doorverwijzen.</p>",
    "learning_goals": [
        "Je kunt uitleggen hoe je bewijs van online bedreiging goed bewaart.",
        "Je kent de manieren om de politie in te schakelen, in Nederland en in België.",
        "Je weet welke rechten een slachtoffer heeft, zoals bescherming en juridische hulp.",
        "Je weet wanneer bemiddeling kan helpen en wie daarbij helpt.",
        "Je weet hoe je nazorg biedt en naar wie je doorverwijst.",
    ],
    "estimated_minutes": 35,
    "audience": "all",
    "pass_mark": 75,
    "certificate_validity_months": 24,
    "lessons": [
        {
            "slug": "bewijs-bewaren",
            "title": "Bewijs bewaren",
            "summary": "Zonder bewijs kan de politie weinig. Zo bewaar je het goed, voordat iets verdwijnt.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Bewijs is heel belangrijk. Het helpt de politie om te bepalen of iets strafbaar "
                    "is. Het helpt om de dader te vinden. En het is nodig om de dader voor de rechter te kunnen "
                    "brengen (vervolgen). Ook platforms vragen vaak om bewijs als je iets meldt.</p>"
                    "<p>Berichten, posts en profielen kunnen snel verdwijnen. De dader kan ze weghalen, of het "
                    "platform haalt ze weg na een melding. Bewaar daarom eerst het bewijs. Pas daarna blokkeer en "
                    "meld je.</p>",
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Dit bewaar je",
                        "items": [
                            "Screenshots van de berichten en posts. Zorg dat je het platform ziet, en de datum en "
                            "het tijdstip. Geen screenshots van naaktbeelden van iemand die jonger was dan 18 toen ze "
                            "gemaakt werden: noteer daarvan alleen de link.",
                            "De link (URL) van het bericht, de post of de video.",
                            "De link naar het profiel van de dader, en de gebruikersnaam. Een dader kan zijn naam "
                            "veranderen, maak dus ook een screenshot van het profiel.",
                            "Het telefoonnummer of e-mailadres van de afzender, als je dat ziet.",
                            "Bij sommige platforms ID-nummers. Bij Discord zijn dat de nummers van de gebruiker, het "
                            "kanaal en de berichten.",
                            "De namen van mensen die het ook gezien hebben.",
                            "Een kort logboek: wat gebeurde er wanneer, en op welk platform?",
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Waar bewaar je het?",
                        "text": "<p>Bewaar het bewijs op een veilige plek, niet alleen op de telefoon van het "
                        "slachtoffer. Bijvoorbeeld in een aparte map op een computer van het slachtoffer of de ouders. "
                        "Zet de datum erbij. Het slachtoffer bepaalt mee wie erbij mag. Bewaar nooit naaktbeelden "
                        "van een minderjarige, ook niet als bewijs.</p>",
                    },
                },
                country(
                    "NL",
                    text(
                        '<p>Op <a href="https://www.internetsporen.nl/">internetsporen.nl</a> vind je meer tips om '
                        "berichten te bewaren.</p>"
                    ),
                ),
                {
                    "type": "callout",
                    "value": {
                        "kind": "let_op",
                        "title": "Naaktbeelden van minderjarigen: niet kopiëren",
                        "text": "<p>Was de persoon op de naaktbeelden jonger dan 18 toen ze gemaakt werden? Dat geldt ook "
                        "als die persoon nu volwassen is. Maak er dan zelf geen kopie of "
                        "screenshot van, en stuur ze nooit door. Ook niet als bewijs. Dat kan strafbaar zijn. "
                        "Noteer wel waar de beelden staan (de link) en wie ze deelde. De politie legt het bewijs zelf "
                        "vast.</p>",
                    },
                },
                country(
                    "NL", text("<p>Vraag de politie (0900-8844) of HelpWanted (Offlimits) hoe je verder moet.</p>")
                ),
                country("BE", text("<p>Vraag de lokale politiezone of Child Focus (116 000) hoe je verder moet.</p>")),
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een sporter laat je dreigberichten zien en wil ze bewaren. Wat moet er op haar screenshot "
                        "staan? Kies alle goede "
                        "antwoorden.",
                        "multiple": True,
                        "options": [
                            {
                                "text": "Het platform waar het bericht staat.",
                                "correct": True,
                                "feedback": "Goed. Dan is duidelijk waar het gebeurde.",
                            },
                            {
                                "text": "De datum en het tijdstip.",
                                "correct": True,
                                "feedback": "Goed. Zo weet de politie wanneer het gebeurde.",
                            },
                            {
                                "text": "De naam of het profiel van de afzender.",
                                "correct": True,
                                "feedback": "Goed. Dat helpt om de dader te vinden.",
                            },
                            {
                                "text": "Alleen de tekst van het bericht. De rest knip je weg.",
                                "correct": False,
                                "feedback": "Juist de rest maakt het bewijs sterk. Knip het platform, de datum en de "
                                "afzender er niet af.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een leerling wil de dader meteen blokkeren en de berichten melden. Wat raad je hem aan?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Eerst blokkeren, dan bewijs bewaren.",
                                "correct": False,
                                "feedback": "Na het blokkeren kun je soms niet meer bij de berichten of het profiel. "
                                "Bewaar dus eerst het bewijs.",
                            },
                            {
                                "key": "0",
                                "text": "Eerst bewijs bewaren, dan blokkeren en melden.",
                                "correct": True,
                                "feedback": "Goed. Zo raak je het bewijs niet kwijt.",
                            },
                            {
                                "key": "2",
                                "text": "Eerst melden bij het platform, dan bewijs bewaren.",
                                "correct": False,
                                "feedback": "Na een melding haalt het platform het bericht misschien weg. Dan is je "
                                "bewijs weg.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "blokkeren-en-melden",
            "title": "Blokkeren en melden bij het platform",
            "summary": "Help het slachtoffer om de dader te blokkeren, de privacy beter in te stellen en het "
            "bericht bij het platform te melden.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Is het bewijs veilig bewaard? Dan kan het slachtoffer de dader blokkeren. Zo "
                    "komen er geen nieuwe berichten meer van dat account binnen. Help daarbij als het nodig is. "
                    "Niet iedereen weet waar die knop zit.</p>"
                    "<h3>Privacy-instellingen</h3>"
                    "<p>Kijk samen naar de privacy-instellingen. Wie mag berichten sturen? Wie ziet de foto's en "
                    "de vriendenlijst? Wie mag het slachtoffer aan groepen toevoegen? Zo maak je het onbekenden "
                    "moeilijker om later contact te zoeken.</p>"
                    "<h3>Melden bij het platform</h3>"
                    "<p>Raad het slachtoffer ook aan om het bericht, de post of het account te melden bij het "
                    "platform of de website waar het gebeurde. Platforms kunnen berichten weghalen en accounts "
                    "blokkeren. In de module over intieme beelden vind je een handleiding per platform.</p>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "let_op",
                        "title": "Blokkeren lost niet alles op",
                        "text": "<p>Blokkeren stopt de berichten van één account. Maar een dader kan een nieuw "
                        "account maken. En wat al gedeeld is, blijft staan. Blokkeren is dus een eerste stap, geen "
                        "oplossing. Bespreek ook de andere stappen.</p>",
                    },
                },
                {
                    "type": "takedown_guide",
                    "value": {
                        "guide_slug": "instagram",
                        "note": "Voorbeeld: zo meld je een account of een bericht op Instagram.",
                    },
                },
                {
                    "type": "takedown_guide",
                    "value": {
                        "guide_slug": "whatsapp",
                        "note": "Zo blokkeer en meld je een contact of een groep in WhatsApp.",
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": "Weet jij hoe je iemand blokkeert in de apps die jouw leerlingen of leden het "
                        "meest gebruiken? Zoek het eens op in je eigen telefoon, zonder echt iemand te blokkeren.",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een sporter heeft de dader geblokkeerd. Is het probleem nu opgelost?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Ja. Na het blokkeren kan de dader haar op geen enkele manier meer bereiken, dus het is klaar.",
                                "correct": False,
                                "feedback": "Niet helemaal. Via een ander account kan de dader het opnieuw proberen.",
                            },
                            {
                                "key": "0",
                                "text": "Nee. De dader kan een nieuw account maken, en wat gedeeld is, staat er nog.",
                                "correct": True,
                                "feedback": "Goed. Blokkeren is een eerste stap. Bespreek ook melden, de politie en "
                                "steun.",
                            },
                            {
                                "key": "2",
                                "text": "Ja, en het bewijs is dan ook niet meer nodig.",
                                "correct": False,
                                "feedback": "Bewijs blijft nodig, bijvoorbeeld voor de politie of een melding bij "
                                "het platform.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "aangifte-melding-of-anoniem",
            "title": "Naar de politie: de keuzes",
            "summary": "Welke manieren zijn er om de politie in te schakelen? Dat verschilt per land. Het slachtoffer "
            "kiest zelf.",
            "body": [
                text(
                    "<p>Soms is het duidelijk dat naar de politie gaan de beste stap is. Maar vaak twijfelt het "
                    "slachtoffer. Heeft het wel zin? Is dit wel strafbaar? Zet de keuzes dan samen op een rij. Het "
                    "slachtoffer beslist zelf, behalve als er gevaar is.</p>"
                    "<p>Naast de politie kan het slachtoffer altijd melden bij de website of app waar het "
                    "gebeurde.</p>"
                ),
                country(
                    "NL",
                    text(
                        "<h3>Aangifte doen</h3>"
                        "<p>Met een aangifte vraagt het slachtoffer de politie om een strafbaar feit te onderzoeken. "
                        "Het bewijs dat jullie bewaard hebben, kan het slachtoffer aan de politie geven. Een aangifte "
                        "is de basis voor een strafzaak tegen de dader. Een afspraak maak je via 0900-8844.</p>"
                        "<h3>Een melding bij de politie</h3>"
                        "<p>Bij een melding start de politie geen onderzoek naar de verdachte. De melding wordt wel "
                        "vastgelegd. Gebeurt er later weer iets? Dan weet de politie dat er al eerder iets gemeld "
                        "is. Soms start de politie toch zelf een onderzoek.</p>"
                        "<h3>Anoniem melden</h3>"
                        "<p>Wil iemand niet met naam bekend zijn? Dan kan hij anoniem melden bij Meld Misdaad Anoniem "
                        "(0800-7000). Let op: dat is geen aangifte en ook geen melding bij de politie. Wel kan de "
                        "politie de informatie gebruiken om een onderzoek te starten.</p>"
                    ),
                    callout(
                        "tip",
                        "Hulp bij de keuze",
                        "<p>Slachtofferhulp Nederland heeft een online hulpmiddel om samen over aangifte en de andere "
                        "mogelijkheden te praten: 'In gesprek gaan over aangifte'. Gebruik het als het slachtoffer "
                        "twijfelt.</p>",
                    ),
                    {
                        "type": "knowledge_check",
                        "value": {
                            "question": "Een moeder wil de bedreiging van haar zoon alleen melden bij de politie, zonder aangifte. "
                            "Wat gebeurt er dan?",
                            "multiple": False,
                            "options": [
                                {
                                    "key": "1",
                                    "text": "De politie start altijd een onderzoek.",
                                    "correct": False,
                                    "feedback": "Nee. Daarvoor is meestal een aangifte nodig. Een melding wordt vooral "
                                    "vastgelegd.",
                                },
                                {
                                    "key": "2",
                                    "text": "De politie stuurt de dader een brief dat er over hem gemeld is, zodat hij ermee stopt.",
                                    "correct": False,
                                    "feedback": "Nee. Er volgt geen onderzoek naar de verdachte, dus ook geen brief.",
                                },
                                {
                                    "key": "0",
                                    "text": "Er komt geen onderzoek, maar de politie legt de melding vast.",
                                    "correct": True,
                                    "feedback": "Goed. De melding wordt vastgelegd. In sommige gevallen start de politie "
                                    "toch zelf een onderzoek.",
                                },
                            ],
                        },
                    },
                    {
                        "type": "knowledge_check",
                        "value": {
                            "question": "Een leerling wil iets melden, maar niemand mag weten dat het van hem komt. Wat "
                            "vertel je hem?",
                            "multiple": False,
                            "options": [
                                {
                                    "key": "1",
                                    "text": "Anoniem melden is hetzelfde als aangifte doen.",
                                    "correct": False,
                                    "feedback": "Nee. Een anonieme melding is geen aangifte en ook geen melding bij de "
                                    "politie.",
                                },
                                {
                                    "key": "0",
                                    "text": "Hij kan anoniem melden bij Meld Misdaad Anoniem. Dat is geen aangifte.",
                                    "correct": True,
                                    "feedback": "Goed. Zo kan hij informatie doorgeven zonder dat zijn naam bekend wordt.",
                                },
                                {
                                    "key": "2",
                                    "text": "Zonder zijn naam kan hij niets doen. De politie neemt alleen meldingen op van wie zich bekendmaakt.",
                                    "correct": False,
                                    "feedback": "Dat klopt niet. Bij Meld Misdaad Anoniem kan hij melden zonder zijn naam.",
                                },
                            ],
                        },
                    },
                ),
                country(
                    "BE",
                    text(
                        "<h3>Klacht indienen</h3>"
                        "<p>In België dient het slachtoffer klacht in bij de politie. Dat kan in elk commissariaat "
                        "van de politiezone. Je kunt de politiezone ook eerst bellen voor een afspraak. Het nummer "
                        "vind je op police.be. Vertel dan kort waar het over gaat. Zo kom je terecht bij iemand die misschien al "
                        "ervaring heeft met zulke zaken.</p>"
                        "<p>De politie stuurt de klacht naar het parket. Daar beslist de procureur des Konings wat er "
                        "verder gebeurt. Met een verklaring van benadeelde persoon blijft het slachtoffer op de "
                        "hoogte van de zaak.</p>"
                        "<h3>Hulp bij de keuze</h3>"
                        "<p>Twijfelt het slachtoffer? Het CAW (slachtofferhulp) legt gratis uit wat een klacht "
                        "betekent en kan meegaan. Bij de politie is er ook slachtofferbejegening: een medewerker "
                        "die het slachtoffer opvangt en informeert.</p>"
                    ),
                    check(
                        "Een sporter van je Belgische club wil dat de politie de bedreigingen onderzoekt. Ze weet niet "
                        "hoe dat gaat. Wat vertel je haar?",
                        option(
                            "n1",
                            "Dat ze eerst een advocaat moet nemen, want zonder advocaat neemt de politie niets op.",
                            "Nee. Een advocaat mag, maar is niet nodig. Ze kan zelf klacht indienen bij de politie.",
                        ),
                        option(
                            "n2",
                            "Dat ze klacht kan indienen bij de politiezone, eventueel op afspraak.",
                            "Goed. Een afspraak helpt om bij iemand met ervaring terecht te komen.",
                            correct=True,
                        ),
                        option(
                            "n3",
                            "Dat ze het alleen bij de app hoeft te melden. De app geeft het door aan de politie.",
                            "Nee. Een melding bij de app is goed, maar de app stapt niet voor haar naar de politie.",
                        ),
                    ),
                    check(
                        "Een leerling heeft klacht ingediend. Hij wil weten hoe zijn zaak verder loopt. Wat raad je "
                        "aan?",
                        option(
                            "n1",
                            "Een verklaring van benadeelde persoon afleggen, zodat hij op de hoogte blijft.",
                            "Goed. Dan krijgt hij bericht over belangrijke stappen in de zaak. Het CAW helpt daarbij.",
                            correct=True,
                        ),
                        option(
                            "n2",
                            "Elke week de dader zelf vragen wat de politie al gedaan heeft.",
                            "Nee. Zoek geen contact met de dader. Informatie krijgt hij via het parket.",
                        ),
                        option(
                            "n3",
                            "Niets doen: de politie belt uit zichzelf als er iets verandert, dat is altijd zo.",
                            "Dat gebeurt niet vanzelf. Met een verklaring van benadeelde persoon blijft hij op de "
                            "hoogte.",
                        ),
                    ),
                ),
                callout(
                    "let_op",
                    "Hate crime? Zeg het erbij",
                    "<p>Denkt het slachtoffer dat het om een hate crime gaat? Vertel dat dan bij de politie. Een hate "
                    "crime kan zwaarder bestraft worden.</p>",
                ),
            ],
        },
        {
            "slug": "bescherming-bemiddeling-strafproces",
            "title": "Bescherming, bemiddeling en het strafproces",
            "summary": "Een slachtoffer heeft rechten, zoals recht op bescherming en op hulp. Soms kan bemiddeling "
            "helpen.",
            "body": [
                {
                    "type": "text",
                    "value": "<h3>Recht op bescherming</h3>"
                    "<p>Is het slachtoffer bang voor de verdachte? Of bang om opnieuw slachtoffer te worden? Dan "
                    "heeft het recht op bescherming. Dat geldt in elke fase van het strafproces, ook al tijdens het "
                    "eerste gesprek met de politie. De politie of de aanklager kan maatregelen nemen om het "
                    "slachtoffer te beschermen. Vertel het slachtoffer dat dit kan.</p>"
                    "<h3>Rechten in het strafproces</h3>"
                    "<p>Een slachtoffer heeft onder meer recht op:</p>"
                    "<ul>"
                    "<li>bescherming tegen de verdachte;</li>"
                    "<li>juridische hulp;</li>"
                    "<li>informatie over hoe de zaak loopt;</li>"
                    "<li>gehoord worden;</li>"
                    "<li>het vragen van een schadevergoeding.</li>"
                    "</ul>"
                    "<p>Het openbaar ministerie beslist of de dader vervolgd wordt. Dat beslist het slachtoffer "
                    "dus niet zelf.</p>",
                },
                country(
                    "NL",
                    text(
                        "<p>In Nederland kan de politie of de officier van justitie het slachtoffer beschermen, "
                        "bijvoorbeeld met een contactverbod. Slachtofferhulp Nederland geeft gratis juridische hulp en "
                        "legt op de website uit hoe het strafproces gaat.</p>"
                    ),
                ),
                country(
                    "BE",
                    text(
                        "<p>In België kan de procureur des Konings of de onderzoeksrechter voorwaarden opleggen aan "
                        "de verdachte, zoals een contactverbod. Het slachtofferonthaal van het justitiehuis en het "
                        "CAW leggen uit hoe het strafproces gaat.</p>"
                    ),
                ),
                {
                    "type": "callout",
                    "value": {
                        "kind": "let_op",
                        "title": "De verdachte kan horen wie het slachtoffer is",
                        "text": "<p>Komt er een onderzoek? Dan hoort de verdachte dat. Vaak hoort die dan ook wie "
                        "het slachtoffer is. Ook als de verdachte het slachtoffer eerst niet kende, bijvoorbeeld "
                        "iemand die beelden alleen doorstuurde. Bespreek dit vooraf met het slachtoffer.</p>",
                    },
                },
                {
                    "type": "text",
                    "value": "<h3>Bemiddeling</h3>"
                    "<p>Soms helpt een gesprek tussen slachtoffer en dader om verder te kunnen. Bijvoorbeeld als "
                    "twee leerlingen of teamgenoten elkaar weer zien. Zo'n gesprek laat je leiden door een getrainde "
                    "bemiddelaar.</p>"
                    "<p>Bemiddeling is altijd vrijwillig. Het slachtoffer moet het zelf willen en zich veilig voelen. "
                    "Bemiddel nooit bij stalking, huiselijk geweld, sextortion of als het slachtoffer bang is voor "
                    "de dader. Breng slachtoffer en dader dan ook niet zelf bij elkaar.</p>",
                },
                country(
                    "NL",
                    text(
                        "<p>In Nederland kan Perspectief Herstelbemiddeling bemiddelen tussen slachtoffer en dader.</p>"
                    ),
                ),
                country(
                    "BE",
                    text(
                        "<p>In Vlaanderen kan Moderator bemiddelen tussen slachtoffer en dader (herstelbemiddeling).</p>"
                    ),
                ),
                {
                    "type": "reflection",
                    "value": {
                        "prompt": "Stel dat het slachtoffer en de dader in hetzelfde team spelen. Wat is er nodig om "
                        "een gesprek tussen hen veilig te laten verlopen?",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een vrijwilliger is bang voor de man die haar bedreigt. Ze is nog niet bij de politie "
                        "geweest. Vanaf wanneer heeft ze recht op bescherming?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "0",
                                "text": "In elke fase, ook al bij het eerste gesprek met de politie.",
                                "correct": True,
                                "feedback": "Goed. De politie of de aanklager kan dan maatregelen nemen.",
                            },
                            {
                                "key": "1",
                                "text": "Pas als de rechter de dader veroordeeld heeft en er een straf is opgelegd.",
                                "correct": False,
                                "feedback": "Nee. Bescherming kan al vanaf het begin, ook bij het eerste gesprek met de politie.",
                            },
                            {
                                "key": "2",
                                "text": "Alleen als het slachtoffer minderjarig is.",
                                "correct": False,
                                "feedback": "Nee. Elk slachtoffer heeft recht op bescherming, ongeacht de leeftijd.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een speler bedreigde een teamgenoot online na een ruzie. Ze zien elkaar elke week. Wanneer "
                        "kan een gesprek met een bemiddelaar helpen?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Altijd, ook bij stalking: als ze het uitpraten, snapt de dader wat hij heeft aangericht.",
                                "correct": False,
                                "feedback": "Nee. Bij stalking bemiddel je nooit. Bemiddeling is altijd vrijwillig: het "
                                "slachtoffer moet het zelf willen en zich veilig voelen.",
                            },
                            {
                                "key": "2",
                                "text": "Alleen als de politie een zaak is begonnen.",
                                "correct": False,
                                "feedback": "Bemiddeling kan ook los van een strafzaak. Jij of een collega kan het "
                                "gesprek laten leiden door een getrainde bemiddelaar.",
                            },
                            {
                                "key": "0",
                                "text": "Als ze elkaar weer tegenkomen, het slachtoffer het wil en zich veilig voelt.",
                                "correct": True,
                                "feedback": "Goed. Dan kan een gesprek helpen bij het herstel.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "nazorg-en-doorverwijzen",
            "title": "Nazorg en doorverwijzen",
            "summary": "Online bedreiging kan lang doorwerken. Blijf in contact, en verwijs door als dat nodig is.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Online bedreiging kan lang impact hebben. Het slachtoffer voelt zich misschien "
                    "nergens meer veilig. Of het maakt zich zorgen dat er iets gebeurt met zichzelf of met mensen "
                    "om zich heen. Ook als de berichten gestopt zijn, kan die angst blijven.</p>"
                    "<h3>Zo blijf je betrokken</h3>"
                    "<ul>"
                    "<li>Vraag regelmatig hoe het gaat. Ook na weken of maanden.</li>"
                    "<li>Blijf geduldig. Herstel gaat niet in een rechte lijn.</li>"
                    "<li>Praat over de gevolgen. Wat merkt het slachtoffer er nog van?</li>"
                    "<li>Blijft het slachtoffer worstelen? Zeg dan duidelijk dat het belangrijk is om hulp te "
                    "zoeken.</li>"
                    "</ul>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Samen iets goeds doen",
                        "text": "<p>Sommige slachtoffers willen voorkomen dat anderen hetzelfde overkomt. Praat samen "
                        "over online veiligheid. Misschien is dat het begin van meer aandacht voor online "
                        "veiligheid op je school, bij je club of in je gemeente. Het slachtoffer beslist zelf of "
                        "het daaraan wil meedoen.</p>",
                    },
                },
                country(
                    "NL",
                    {
                        "type": "checklist",
                        "value": {
                            "title": "Hier kun je naar doorverwijzen in Nederland",
                            "items": [
                                "Slachtofferhulp Nederland: gratis praktische, juridische en emotionele hulp.",
                                "Advieslijn voor professionals van Slachtofferhulp Nederland: 0900-0101, optie 3. Voor "
                                "overleg over een situatie.",
                                "Politie: voor aangifte of een melding, 0900-8844. Bij acuut gevaar bel je 112.",
                                "Meld Misdaad Anoniem: als iemand anoniem informatie wil doorgeven.",
                                "Offlimits (HelpWanted): hulp bij online seksueel misbruik en bij het offline halen "
                                "van beelden.",
                                "Fraudehelpdesk: bij online oplichting.",
                                "Centraal Meldpunt Identiteitsfraude: als iemand de gegevens van het slachtoffer "
                                "misbruikt.",
                                "Perspectief Herstelbemiddeling: voor bemiddeling tussen slachtoffer en dader.",
                                "113 Zelfmoordpreventie: 113 of 0800-0113, bij gedachten aan zelfdoding.",
                                "Veilig Thuis: 0800-2000, bij zorgen over geweld of onveiligheid thuis.",
                                "De Kindertelefoon (0800-0432): voor kinderen en jongeren zelf, anoniem.",
                                "Discriminatie.nl: bij haat en discriminatie.",
                                "Centrum Seksueel Geweld (CSG, 0800-0188): na aanranding of verkrachting, ook als er "
                                "beelden van gemaakt zijn.",
                            ],
                        },
                    },
                    {
                        "type": "knowledge_check",
                        "value": {
                            "question": "Een leerling blijft na een online bedreiging bang en wil met iemand praten. Welke organisatie "
                            "biedt in Nederland gratis praktische, juridische "
                            "en emotionele hulp?",
                            "multiple": False,
                            "options": [
                                {
                                    "key": "1",
                                    "text": "De Fraudehelpdesk, want die helpt alle slachtoffers van online criminaliteit",
                                    "correct": False,
                                    "feedback": "De Fraudehelpdesk helpt bij fraude en oplichting. Voor brede steun "
                                    "verwijs je naar Slachtofferhulp Nederland.",
                                },
                                {
                                    "key": "0",
                                    "text": "Slachtofferhulp Nederland",
                                    "correct": True,
                                    "feedback": "Goed. Slachtofferhulp Nederland helpt slachtoffers gratis, ook bij online "
                                    "delicten.",
                                },
                                {
                                    "key": "2",
                                    "text": "Meld Misdaad Anoniem",
                                    "correct": False,
                                    "feedback": "Daar geef je anoniem informatie over een misdrijf door. Het biedt geen "
                                    "hulp aan slachtoffers.",
                                },
                            ],
                        },
                    },
                ),
                country(
                    "BE",
                    {
                        "type": "checklist",
                        "value": {
                            "title": "Hier kun je naar doorverwijzen in België",
                            "items": [
                                "CAW (slachtofferhulp): gratis steun, informatie en begeleiding.",
                                "Politie: klacht indienen bij de lokale politiezone. Bij dringende nood bel je 101 of 112.",
                                "Child Focus (116 000): bij beelden van minderjarigen en bij sextortion.",
                                "IGVM: bij intieme beelden van volwassenen.",
                                "Unia: bij haat en discriminatie.",
                                "Moderator: voor herstelbemiddeling tussen slachtoffer en dader.",
                                "Zelfmoordlijn 1813: bij gedachten aan zelfdoding.",
                                "1712: bij geweld, misbruik of kindermishandeling, ook voor professionals.",
                                "Awel (102): voor kinderen en jongeren zelf, anoniem.",
                                "Zorgcentrum na Seksueel Geweld (ZSG): na aanranding of verkrachting, dag en nacht "
                                "open.",
                            ],
                        },
                    },
                    check(
                        "Een Belgische vrijwilliger werd online bedreigd. Ze slaapt slecht en wil met iemand praten "
                        "over wat er gebeurde. Waar verwijs je haar naar?",
                        option(
                            "n1",
                            "Naar Unia, omdat elke online bedreiging daar thuishoort.",
                            "Unia is er bij discriminatie en haat. Voor steun na een misdrijf is het CAW er.",
                        ),
                        option(
                            "n2",
                            "Naar het CAW, voor gratis steun en uitleg over haar rechten als slachtoffer.",
                            "Goed. Het CAW biedt gratis slachtofferhulp.",
                            correct=True,
                        ),
                        option(
                            "n3",
                            "Naar Child Focus, omdat die alle slachtoffers van online criminaliteit helpt.",
                            "Child Focus helpt bij kinderen en jongeren. Zij is volwassen: het CAW past beter.",
                        ),
                    ),
                ),
                {
                    "type": "scenario",
                    "value": {
                        "title": "Drie weken later",
                        "intro": "Je bent jeugdcoördinator bij een hockeyclub. Lotte (17) werd via Instagram bedreigd "
                        "door een oud-teamgenoot. Ze is naar de politie gestapt. Het lijkt rustig, maar ze komt steeds "
                        "minder naar de training.",
                        "steps": [
                            {
                                "key": "start",
                                "situation": "Je ziet Lotte bij het hek staan. Wat doe je?",
                                "choices": [
                                    {
                                        "text": "Je vraagt hoe het nu met haar gaat, en of ze nog last heeft van wat "
                                        "er gebeurd is.",
                                        "outcome": "good",
                                        "consequence": "Lotte is blij dat iemand ernaar vraagt. Ze vertelt dat het nog "
                                        "lang niet voorbij is.",
                                        "next_step": "zorgen",
                                    },
                                    {
                                        "text": "Je vraagt waarom ze zo vaak de training mist.",
                                        "outcome": "partly",
                                        "consequence": "Je toont interesse, maar de vraag klinkt als een verwijt. Lotte "
                                        "vertelt pas na een tijdje wat er speelt.",
                                        "next_step": "zorgen",
                                    },
                                    {
                                        "text": "Je zegt: 'Fijn dat het allemaal achter de rug is!'",
                                        "outcome": "bad",
                                        "consequence": "Lotte glimlacht beleefd en loopt door. Ze denkt dat niemand "
                                        "snapt dat het voor haar nog niet voorbij is.",
                                        "next_step": "einde_gemist",
                                    },
                                ],
                            },
                            {
                                "key": "zorgen",
                                "situation": "Lotte vertelt dat de dader nu bij een andere club speelt. Zaterdag "
                                "speelt ze tegen die club. Ze is bang. Wat doe je?",
                                "choices": [
                                    {
                                        "text": "Je vertelt dat ze recht heeft op bescherming, en dat de politie of de "
                                        "aanklager maatregelen kan nemen. Je bespreekt met haar en de club wat er "
                                        "zaterdag nodig is.",
                                        "outcome": "good",
                                        "consequence": "Lotte voelt zich serieus genomen. Samen maken jullie een plan "
                                        "voor zaterdag.",
                                        "next_step": "hulp",
                                    },
                                    {
                                        "text": "Je stelt voor dat zij en de dader het na de wedstrijd even uitpraten.",
                                        "outcome": "bad",
                                        "consequence": "Je brengt haar in contact met wie haar bedreigde, terwijl ze "
                                        "bang is. Na de wedstrijd stuurt hij haar weer berichten.",
                                        "next_step": "hulp",
                                        "sets": "contact_dader",
                                    },
                                    {
                                        "text": "Je zegt dat ze zich niet zo druk moet maken. Er staan genoeg mensen "
                                        "langs het veld.",
                                        "outcome": "bad",
                                        "consequence": "Zo neem je haar angst niet serieus. Ze heeft recht op "
                                        "bescherming, en dat mag je haar vertellen.",
                                        "next_step": "hulp",
                                    },
                                ],
                            },
                            {
                                "key": "hulp",
                                "situation": "Lotte slaapt slecht en kan zich op school niet goed concentreren. Wat "
                                "doe je?",
                                "notes": [
                                    {
                                        "flag": "contact_dader",
                                        "text": "Sinds het gesprek met de dader krijgt Lotte weer berichten. Bemiddel "
                                        "nooit als het slachtoffer bang is. Bewaar de nieuwe berichten en laat haar de "
                                        "politie inlichten.",
                                    }
                                ],
                                "choices": [
                                    {
                                        "text": "Je zegt dat het belangrijk is om hulp te zoeken en wijst op "
                                        "slachtofferhulp. Je spreekt af dat je over twee weken weer vraagt hoe het "
                                        "gaat.",
                                        "outcome": "good",
                                        "consequence": "Goed. Je verwijst door en blijft zelf ook betrokken.",
                                        "next_step": "einde_betrokken",
                                    },
                                    {
                                        "text": "Je stelt een nieuw gesprek met de dader voor, nu met jou erbij.",
                                        "outcome": "bad",
                                        "consequence": "Lotte is bang voor hem. Een gesprek met de dader is nu geen "
                                        "hulp maar een nieuw risico.",
                                        "next_step": "einde_gemist",
                                        "hide_if": "contact_dader",
                                    },
                                    {
                                        "text": "Je geeft haar het nummer van slachtofferhulp en laat het verder aan "
                                        "haar over.",
                                        "outcome": "partly",
                                        "consequence": "Doorverwijzen is goed, maar blijf ook zelf in contact. Vraag "
                                        "later hoe het gaat.",
                                        "next_step": "einde_half",
                                    },
                                    {
                                        "text": "Je zegt dat het met de tijd vanzelf overgaat.",
                                        "outcome": "bad",
                                        "consequence": "Online bedreiging kan lang doorwerken. Zonder hulp kan het "
                                        "erger worden.",
                                        "next_step": "einde_gemist",
                                    },
                                ],
                            },
                        ],
                        "endings": [
                            {
                                "key": "einde_betrokken",
                                "verdict": "good",
                                "title": "Lotte krijgt hulp en jij blijft betrokken",
                                "explanation": "Je vroeg hoe het ging, nam haar angst serieus en wees op haar recht op "
                                "bescherming. Je verwees door en blijft zelf in contact.",
                            },
                            {
                                "key": "einde_half",
                                "verdict": "partly",
                                "title": "Doorverwezen, maar alleen",
                                "explanation": "Lotte heeft een nummer, maar niemand vraagt meer hoe het gaat. Nazorg "
                                "betekent ook: zelf in contact blijven.",
                            },
                            {
                                "key": "einde_gemist",
                                "verdict": "bad",
                                "title": "Lotte haakt af",
                                "explanation": "Lotte voelde zich niet gezien of niet veilig. Online bedreiging kan "
                                "lang doorwerken. Blijf vragen, neem angst serieus en bemiddel nooit met een dader "
                                "voor wie het slachtoffer bang is.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    # Pinned: the first edition had a check before this one here (now in the NL block).
                    "key": "knowledge_check/1",
                    "value": {
                        "question": "Een leerling werd maanden geleden online bedreigd. Wat hoort nu bij goede nazorg? Kies alle "
                        "goede antwoorden.",
                        "multiple": True,
                        "options": [
                            {
                                "text": "Na een paar weken opnieuw vragen hoe het gaat.",
                                "correct": True,
                                "feedback": "Goed. De impact kan lang duren. Zo laat je zien dat je het niet vergeten "
                                "bent.",
                            },
                            {
                                "text": "Geduldig blijven, ook als het herstel lang duurt.",
                                "correct": True,
                                "feedback": "Goed. Herstel gaat niet in een rechte lijn.",
                            },
                            {
                                "text": "Het onderwerp niet meer noemen, om oude wonden niet open te halen.",
                                "correct": False,
                                "feedback": "Zwijgen voelt voor het slachtoffer vaak als vergeten worden. Vraag "
                                "gewoon hoe het gaat.",
                            },
                            {
                                "text": "Aanraden om hulp te zoeken als iemand blijft worstelen met de gevolgen.",
                                "correct": True,
                                "feedback": "Goed. Dan is het belangrijk om hulp te zoeken, bijvoorbeeld bij "
                                "slachtofferhulp.",
                            },
                        ],
                    },
                },
            ],
        },
    ],
}
