"""Module 5: the aftercare step plan: evidence, blocking, reporting, protection,
mediation, the criminal process, follow-up and referral."""

MODULE = {
    "slug": "stappenplan-nazorg",
    "title": "Stappenplan nazorg",
    "intro": "<p>Wat doe je als je weet dat iemand online bedreigd wordt? Deze module geeft je een stappenplan. "
    "Van bewijs bewaren en blokkeren tot aangifte, bescherming, bemiddeling en nazorg op de lange termijn. Je "
    "leert ook naar wie je kunt doorverwijzen.</p>",
    "learning_goals": [
        "Je kunt uitleggen hoe je bewijs van online bedreiging goed bewaart.",
        "Je kent het verschil tussen aangifte, een melding bij de politie en een anonieme melding.",
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
                            "Screenshots van de berichten, posts of beelden. Zorg dat je het platform ziet, en de "
                            "datum en het tijdstip.",
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
                        "slachtoffer. Bijvoorbeeld in een aparte map op een computer, of in een e-mail aan jezelf. "
                        "Zet de datum erbij. Het slachtoffer bepaalt mee wie erbij mag. Op "
                        '<a href="https://www.internetsporen.nl/">internetsporen.nl</a> vind je meer tips om '
                        "berichten te bewaren.</p>",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "let_op",
                        "title": "Naaktbeelden van minderjarigen: niet kopiëren",
                        "text": "<p>Gaat het om naaktbeelden van iemand onder de 18? Maak er dan zelf geen kopie of "
                        "screenshot van, en stuur ze nooit door. Ook niet als bewijs. Dat kan strafbaar zijn. "
                        "Noteer wel waar de beelden staan (de link) en wie ze deelde. Vraag de politie, HelpWanted "
                        "(Nederland) of Child Focus (België) hoe je verder moet.</p>",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Wat moet er op een screenshot staan dat je als bewijs bewaart? Kies alle goede "
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
                        "question": "In welke volgorde doe je het?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Eerst bewijs bewaren, dan blokkeren en melden.",
                                "correct": True,
                                "feedback": "Goed. Zo raak je het bewijs niet kwijt.",
                            },
                            {
                                "text": "Eerst blokkeren, dan bewijs bewaren.",
                                "correct": False,
                                "feedback": "Na het blokkeren kun je soms niet meer bij de berichten of het profiel. "
                                "Bewaar dus eerst het bewijs.",
                            },
                            {
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
                                "text": "Nee. De dader kan een nieuw account maken, en wat gedeeld is, staat er nog.",
                                "correct": True,
                                "feedback": "Goed. Blokkeren is een eerste stap. Bespreek ook melden, aangifte en "
                                "steun.",
                            },
                            {
                                "text": "Ja, de dader kan geen contact meer opnemen.",
                                "correct": False,
                                "feedback": "Niet helemaal. Via een ander account kan de dader het opnieuw proberen.",
                            },
                            {
                                "text": "Ja, en het bewijs is dan ook niet meer nodig.",
                                "correct": False,
                                "feedback": "Bewijs blijft nodig, bijvoorbeeld voor een aangifte of een melding bij "
                                "het platform.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "aangifte-melding-of-anoniem",
            "title": "Aangifte, melding of anoniem melden",
            "summary": "Wat is het verschil tussen aangifte doen, een melding maken bij de politie en anoniem melden?",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Soms is het duidelijk dat aangifte de beste stap is. Maar vaak twijfelt het "
                    "slachtoffer. Heeft het wel zin? Is dit wel strafbaar? Zet de keuzes dan samen op een rij. Het "
                    "slachtoffer beslist zelf.</p>"
                    "<h3>Aangifte doen</h3>"
                    "<p>Met een aangifte vraagt het slachtoffer de politie om een strafbaar feit te onderzoeken. "
                    "Het bewijs dat jullie bewaard hebben, kan het slachtoffer aan de politie geven. Een aangifte "
                    "is de basis voor een strafzaak tegen de dader.</p>"
                    "<h3>Een melding bij de politie</h3>"
                    "<p>Bij een melding start de politie geen onderzoek naar de verdachte. Maar de melding wordt "
                    "wel vastgelegd. Gebeurt er later weer iets? Dan weet de politie dat er al eerder iets gemeld "
                    "is. Soms start de politie toch zelf een onderzoek.</p>"
                    "<h3>Anoniem melden</h3>"
                    "<p>Wil iemand niet met naam bekend zijn? Dan kan anoniem melden bij Meld Misdaad Anoniem (in "
                    "Nederland). Let op: dat is geen aangifte en ook geen melding bij de politie. Wel kan de "
                    "politie de informatie gebruiken om een onderzoek te starten.</p>"
                    "<h3>Melden bij het platform</h3>"
                    "<p>Naast deze stappen kan het slachtoffer altijd ook melden bij de website of app waar het "
                    "gebeurde.</p>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Hulp bij de keuze",
                        "text": "<p>Slachtofferhulp Nederland heeft een online hulpmiddel om samen over aangifte en "
                        "de andere mogelijkheden te praten: 'In gesprek gaan over aangifte'. Gebruik het als het "
                        "slachtoffer twijfelt.</p>",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "let_op",
                        "title": "Hate crime? Zeg het erbij",
                        "text": "<p>Denkt het slachtoffer dat het om een hate crime gaat? Dan is het goed om dat bij "
                        "de aangifte te vertellen. Een hate crime kan zwaarder bestraft worden.</p>",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "wet",
                        "title": "In België: een klacht neerleggen",
                        "text": "<p>In België heet aangifte doen 'een klacht neerleggen'. Dat kan bij het lokale "
                        "politiekantoor. Je kunt ook eerst bellen voor een afspraak. Vertel dan kort waar het over "
                        "gaat. Zo kom je terecht bij iemand die misschien al ervaring heeft met zulke zaken.</p>",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Wat gebeurt er na een melding bij de politie (dus geen aangifte)?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "De politie start geen onderzoek naar de verdachte, maar weet ervan als er "
                                "opnieuw iets gebeurt.",
                                "correct": True,
                                "feedback": "Goed. De melding wordt vastgelegd. In sommige gevallen start de politie "
                                "toch zelf een onderzoek.",
                            },
                            {
                                "text": "De politie start altijd een onderzoek.",
                                "correct": False,
                                "feedback": "Nee. Daarvoor is meestal een aangifte nodig. Een melding wordt vooral "
                                "vastgelegd.",
                            },
                            {
                                "text": "De dader krijgt een brief van de politie.",
                                "correct": False,
                                "feedback": "Nee. Er volgt geen onderzoek naar de verdachte, dus ook geen brief.",
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
                                "text": "Hij kan anoniem melden bij Meld Misdaad Anoniem. Dat is geen aangifte, maar "
                                "het kan wel tot een onderzoek leiden.",
                                "correct": True,
                                "feedback": "Goed. Zo kan hij informatie doorgeven zonder dat zijn naam bekend wordt.",
                            },
                            {
                                "text": "Anoniem melden is hetzelfde als aangifte doen.",
                                "correct": False,
                                "feedback": "Nee. Een anonieme melding is geen aangifte en ook geen melding bij de "
                                "politie.",
                            },
                            {
                                "text": "Zonder zijn naam te noemen kan hij niets doen.",
                                "correct": False,
                                "feedback": "Dat klopt niet. Bij Meld Misdaad Anoniem kan hij melden zonder zijn naam.",
                            },
                        ],
                    },
                },
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
                    "heeft het recht op bescherming. Dat geldt in elke fase van het strafproces, ook al tijdens de "
                    "aangifte. De politie of de officier van justitie (de aanklager) kan maatregelen nemen om het "
                    "slachtoffer te beschermen. Vertel het slachtoffer dat dit kan.</p>"
                    "<h3>Rechten in het strafproces</h3>"
                    "<p>Een slachtoffer heeft onder meer recht op:</p>"
                    "<ul>"
                    "<li>bescherming tegen de verdachte;</li>"
                    "<li>juridische hulp (Slachtofferhulp Nederland biedt die gratis);</li>"
                    "<li>informatie over hoe de zaak loopt;</li>"
                    "<li>gehoord worden;</li>"
                    "<li>het vragen van een schadevergoeding.</li>"
                    "</ul>"
                    "<p>Het Openbaar Ministerie (OM) beslist of de dader vervolgd wordt. Dat beslist het "
                    "slachtoffer dus niet zelf. Wil het slachtoffer weten wat er na de aangifte gebeurt? Lees dan "
                    "samen de uitleg over het strafproces op de website van Slachtofferhulp Nederland.</p>",
                },
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
                    "<p>Soms helpt een gesprek tussen slachtoffer en dader om verder te kunnen. Vooral als ze "
                    "elkaar kennen en elkaar weer zien, bijvoorbeeld op school, op het werk of bij de club. Dat "
                    "gesprek kun je zelf voeren, of een collega doet het. Ook Perspectief Herstelbemiddeling kan "
                    "bemiddelen tussen slachtoffer en dader.</p>"
                    "<p>Bemiddeling is altijd vrijwillig. Het slachtoffer moet het zelf willen en zich veilig "
                    "voelen.</p>",
                },
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
                        "question": "Wanneer heeft een slachtoffer recht op bescherming tegen de verdachte?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "In elke fase van het strafproces, ook tijdens de aangifte.",
                                "correct": True,
                                "feedback": "Goed. De politie of de officier van justitie kan dan maatregelen nemen.",
                            },
                            {
                                "text": "Pas als de dader veroordeeld is.",
                                "correct": False,
                                "feedback": "Nee. Bescherming kan al vanaf het begin, ook tijdens de aangifte.",
                            },
                            {
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
                        "question": "Wanneer kan bemiddeling tussen slachtoffer en dader een goede stap zijn?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Als ze elkaar kennen en elkaar weer tegenkomen, en het slachtoffer het zelf "
                                "wil.",
                                "correct": True,
                                "feedback": "Goed. Dan kan een gesprek helpen bij het herstel.",
                            },
                            {
                                "text": "Altijd, want het is goed als ze het uitpraten.",
                                "correct": False,
                                "feedback": "Bemiddeling is vrijwillig. Het slachtoffer moet het zelf willen en zich "
                                "veilig voelen.",
                            },
                            {
                                "text": "Alleen als de politie een zaak is begonnen.",
                                "correct": False,
                                "feedback": "Bemiddeling kan ook los van een strafzaak. Jij of een collega kan het "
                                "gesprek voeren, of Perspectief Herstelbemiddeling.",
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
                {
                    "type": "checklist",
                    "value": {
                        "title": "Hier kun je naar doorverwijzen",
                        "items": [
                            "Slachtofferhulp Nederland: gratis praktische, juridische en emotionele hulp.",
                            "Advieslijn voor professionals van Slachtofferhulp Nederland: 0900-0101, optie 3. Voor "
                            "overleg over een situatie.",
                            "Politie: voor aangifte of een melding. Bij acuut gevaar bel je 112.",
                            "Meld Misdaad Anoniem: als iemand anoniem informatie wil doorgeven.",
                            "HelpWanted: hulp bij online seksueel misbruik en bij het offline halen van beelden.",
                            "Fraudehelpdesk: bij online oplichting.",
                            "Centraal Meldpunt Identiteitsfraude: als iemand de gegevens van het slachtoffer "
                            "misbruikt.",
                            "Perspectief Herstelbemiddeling: voor bemiddeling tussen slachtoffer en dader.",
                            "In België: Child Focus en het IGVM, als er intieme beelden verspreid worden.",
                        ],
                    },
                },
                {
                    "type": "scenario",
                    "value": {
                        "title": "Drie weken later",
                        "intro": "Je bent jeugdcoördinator bij een hockeyclub. Lotte (17) werd via Instagram bedreigd "
                        "door een oud-teamgenoot. Ze heeft aangifte gedaan. Het lijkt rustig, maar ze komt steeds "
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
                                        "consequence": "Je toont interesse, maar de vraag klinkt als een verwijt. Begin "
                                        "bij hoe het met haar gaat.",
                                        "next_step": "zorgen",
                                    },
                                    {
                                        "text": "Je zegt: 'Fijn dat het allemaal achter de rug is!'",
                                        "outcome": "bad",
                                        "consequence": "Lotte glimlacht beleefd. Ze denkt dat niemand snapt dat het "
                                        "voor haar nog niet voorbij is.",
                                        "next_step": "zorgen",
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
                                        "officier van justitie maatregelen kan nemen. Je bespreekt met haar en de club "
                                        "wat er zaterdag nodig is.",
                                        "outcome": "good",
                                        "consequence": "Lotte voelt zich serieus genomen. Samen maken jullie een plan "
                                        "voor zaterdag.",
                                        "next_step": "hulp",
                                    },
                                    {
                                        "text": "Je stelt voor dat zij en de dader het na de wedstrijd even uitpraten.",
                                        "outcome": "bad",
                                        "consequence": "Bemiddeling kan helpen, maar alleen als Lotte het zelf wil en "
                                        "het veilig is. Nu is ze bang. Een gesprek langs het veld is geen goed idee.",
                                        "next_step": "hulp",
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
                                "raad je aan?",
                                "choices": [
                                    {
                                        "text": "Je zegt dat het belangrijk is om hulp te zoeken en wijst op "
                                        "Slachtofferhulp Nederland. Je spreekt af dat je over twee weken weer vraagt "
                                        "hoe het gaat.",
                                        "outcome": "good",
                                        "consequence": "Goed. Je verwijst door en blijft zelf ook betrokken.",
                                        "next_step": "",
                                    },
                                    {
                                        "text": "Je geeft haar het nummer van Slachtofferhulp en laat het verder aan "
                                        "haar over.",
                                        "outcome": "partly",
                                        "consequence": "Doorverwijzen is goed, maar blijf ook zelf in contact. Vraag "
                                        "later hoe het gaat.",
                                        "next_step": "",
                                    },
                                    {
                                        "text": "Je zegt dat het met de tijd vanzelf overgaat.",
                                        "outcome": "bad",
                                        "consequence": "Online bedreiging kan lang doorwerken. Zonder hulp kan het "
                                        "erger worden.",
                                        "next_step": "",
                                    },
                                ],
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Welke organisatie biedt slachtoffers in Nederland gratis praktische, juridische "
                        "en emotionele hulp?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Slachtofferhulp Nederland",
                                "correct": True,
                                "feedback": "Goed. Slachtofferhulp Nederland helpt slachtoffers gratis, ook bij online "
                                "delicten.",
                            },
                            {
                                "text": "De Fraudehelpdesk",
                                "correct": False,
                                "feedback": "De Fraudehelpdesk helpt bij fraude en oplichting. Voor brede steun "
                                "verwijs je naar Slachtofferhulp Nederland.",
                            },
                            {
                                "text": "Meld Misdaad Anoniem",
                                "correct": False,
                                "feedback": "Daar geef je anoniem informatie over een misdrijf door. Het biedt geen "
                                "hulp aan slachtoffers.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Wat hoort bij goede nazorg? Kies alle goede antwoorden.",
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
                                "Slachtofferhulp Nederland.",
                            },
                        ],
                    },
                },
            ],
        },
    ],
}
