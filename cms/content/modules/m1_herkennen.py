"""Module 1: recognising online threats and when they are punishable."""

MODULE = {
    "slug": "online-bedreiging-herkennen",
    "title": "Online bedreiging herkennen",
    "intro": "<p>In deze module leer je welke vormen van online bedreiging er zijn. Je leert ook wanneer een "
    "bedreiging strafbaar is. Zo zie je sneller wat er aan de hand is als een leerling, sporter of inwoner "
    "bij je komt.</p>",
    "learning_goals": [
        "Je kunt uitleggen waarom online bedreiging ook buiten het internet veel impact heeft.",
        "Je herkent cyberpesten, stalking, haatzaaien, seksuele exposing, sextortion en doxing.",
        "Je weet dat ook grooming, identiteitsfraude en online oplichting vormen van online criminaliteit zijn.",
        "Je weet wanneer een bedreiging strafbaar is, ook als die gericht is op iemand die het slachtoffer "
        "dierbaar is.",
    ],
    "estimated_minutes": 25,
    "audience": "all",
    "pass_mark": 75,
    "certificate_validity_months": 24,
    "lessons": [
        {
            "slug": "wat-is-online-bedreiging",
            "title": "Wat is online bedreiging?",
            "summary": "Online bedreiging komt vaak voor, vooral bij jongeren. De gevolgen merk je ook buiten het "
            "internet.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Steeds meer bedreiging gebeurt via internet. Denk aan berichten in een app, "
                    "reacties op sociale media of een nepprofiel. Vooral jongeren maken dit mee. Maar het kan "
                    "iedereen overkomen: een leerling, een sporter, een vrijwilliger of een inwoner van je "
                    "gemeente.</p>"
                    "<p>Online is niet minder erg dan offline. Wie online bedreigd wordt, kan daar veel angst en "
                    "stress van krijgen. Dat gevoel gaat mee naar school, naar de club en naar huis.</p>"
                    "<h3>Waarom het online soms nog harder aankomt</h3>"
                    "<ul>"
                    "<li>Een bericht of foto kan heel snel bij heel veel mensen komen.</li>"
                    "<li>Niemand weet zeker waar nog kopieën staan. Daardoor voelt het soms alsof het nooit "
                    "voorbij is.</li>"
                    "<li>Soms weet het slachtoffer niet wie de dader is.</li>"
                    "<li>Onbekenden op internet bemoeien zich ermee en geven het slachtoffer soms de schuld.</li>"
                    "</ul>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Jij kunt het verschil maken",
                        "text": "<p>Je hoeft geen expert te zijn. Als je de vormen van online bedreiging kent, "
                        "herken je ze sneller. En dan kun je ook sneller helpen.</p>",
                    },
                },
                {
                    "type": "text",
                    "value": "<h3>Wat willen slachtoffers?</h3>"
                    "<p>Onderzoek onder slachtoffers van online criminaliteit laat zien wat zij belangrijk vinden:"
                    "</p>"
                    "<ul>"
                    "<li>dat het stopt;</li>"
                    "<li>dat de dader straf krijgt;</li>"
                    "<li>dat anderen niet hetzelfde overkomt;</li>"
                    "<li>dat intieme beelden zo snel mogelijk van internet verdwijnen;</li>"
                    "<li>dat ze serieus genomen worden en erkenning krijgen;</li>"
                    "<li>dat ze horen hoe het verder gaat met hun zaak;</li>"
                    "<li>dat hun schade vergoed wordt.</li>"
                    "</ul>"
                    "<p>Houd deze wensen in je achterhoofd als je iemand helpt.</p>",
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": "Denk aan de jongeren of leden met wie je werkt. Welke apps en sites gebruiken zij "
                        "het meest? Waar zou online bedreiging bij hen kunnen gebeuren?",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Waarom kan online bedreiging soms meer impact hebben dan bedreiging op straat? "
                        "Kies alle goede antwoorden.",
                        "multiple": True,
                        "options": [
                            {
                                "text": "Een bericht of beeld kan heel snel bij veel mensen komen.",
                                "correct": True,
                                "feedback": "Klopt. Door de grote schaal kan de schade snel groeien.",
                            },
                            {
                                "text": "Je weet nooit zeker of alle kopieën weg zijn.",
                                "correct": True,
                                "feedback": "Klopt. Daardoor voelt het voor het slachtoffer soms alsof het nooit "
                                "ophoudt.",
                            },
                            {
                                "text": "Online bedreiging is nooit strafbaar, dus het slachtoffer staat er alleen "
                                "voor.",
                                "correct": False,
                                "feedback": "Dat klopt niet. Online bedreiging kan net zo goed strafbaar zijn als "
                                "bedreiging op straat.",
                            },
                            {
                                "text": "Het slachtoffer kan de telefoon toch gewoon wegleggen.",
                                "correct": False,
                                "feedback": "Dat is te makkelijk gedacht. De angst en stress gaan mee naar school, "
                                "de club en thuis. En de berichten blijven bestaan.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "vormen-van-online-bedreiging",
            "title": "Vormen van online bedreiging",
            "summary": "Cyberpesten, stalking, haatzaaien, seksuele exposing, sextortion en doxing: wat is het en "
            "hoe herken je het?",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Online bedreiging heeft veel vormen. Hieronder lees je de vormen die je het vaakst "
                    "tegenkomt. Vaak lopen ze door elkaar. Iemand die gestalkt wordt, kan bijvoorbeeld ook "
                    "gedoxt worden.</p>"
                    "<h3>Cyberpesten</h3>"
                    "<p>Pesten via internet of de telefoon. Bijvoorbeeld gemene berichten in een groepsapp, iemand "
                    "expres buitensluiten uit een chat, of lelijke reacties onder foto's. Het stopt niet als de "
                    "schooldag of de training voorbij is.</p>"
                    "<h3>Online stalking</h3>"
                    "<p>Iemand blijft een ander steeds lastigvallen, bijvoorbeeld met berichten, oproepen of steeds "
                    "nieuwe accounts. Het slachtoffer voelt zich daardoor niet meer veilig.</p>"
                    "<h3>Online haatzaaien</h3>"
                    "<p>Iemand of een groep wordt bedreigd om wie ze zijn. Bijvoorbeeld om hun afkomst, geloof, "
                    "genderidentiteit of seksuele oriëntatie. Dit heet ook wel hate crime.</p>"
                    "<h3>Seksuele exposing</h3>"
                    "<p>Iemand verspreidt naaktbeelden of seksuele beelden van een ander, zonder toestemming. "
                    "Andere woorden hiervoor zijn shaming of shame sexting.</p>"
                    "<h3>Sextortion</h3>"
                    "<p>Iemand chanteert een ander met naaktbeelden. De dader dreigt de beelden te delen, tenzij "
                    "het slachtoffer betaalt of nog meer beelden stuurt.</p>"
                    "<h3>Doxing</h3>"
                    "<p>Iemand zet persoonlijke gegevens van een ander online, zoals een adres, telefoonnummer of "
                    "school. Het slachtoffer kan zich daardoor bedreigd voelen: anderen weten nu waar het te "
                    "vinden is.</p>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "let_op",
                        "title": "Nog meer vormen van online criminaliteit",
                        "text": "<p>Je kunt ook deze vormen tegenkomen:</p>"
                        "<ul>"
                        "<li><b>Grooming</b>: een volwassene zoekt online contact met een kind om het seksueel te "
                        "misbruiken. Vaak wint de dader eerst het vertrouwen van het kind.</li>"
                        "<li><b>Identiteitsfraude</b>: iemand misbruikt de gegevens van een ander, bijvoorbeeld om "
                        "een nepprofiel te maken of om iets te kopen.</li>"
                        "<li><b>Online oplichting</b>: bijvoorbeeld nepberichten om inloggegevens te stelen "
                        "(phishing), fraude bij online kopen of verkopen, of oplichting via een datingsite.</li>"
                        "</ul>"
                        "<p>Bij oplichting en identiteitsfraude kun je terecht bij aparte meldpunten, zoals de "
                        "Fraudehelpdesk en het Centraal Meldpunt Identiteitsfraude.</p>",
                    },
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Vragen die helpen om de vorm te herkennen",
                        "items": [
                            "Gaat het om berichten die kwetsen of buitensluiten? Denk aan cyberpesten.",
                            "Blijft iemand contact zoeken terwijl het slachtoffer dat niet wil? Denk aan stalking.",
                            "Gaat het om wie het slachtoffer is, zoals geloof of afkomst? Denk aan haatzaaien.",
                            "Worden er naaktbeelden gedeeld? Denk aan seksuele exposing.",
                            "Wordt er gedreigd met naaktbeelden om iets te krijgen? Denk aan sextortion.",
                            "Staan er persoonlijke gegevens online, zoals een adres? Denk aan doxing.",
                            "Zoekt een volwassene steeds contact met een kind? Denk aan grooming.",
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een leerling vertelt: 'Iemand zegt dat hij mijn naaktfoto naar mijn hele klas "
                        "stuurt als ik hem geen 50 euro geef.' Welke vorm is dit?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Sextortion",
                                "correct": True,
                                "feedback": "Goed. De dader chanteert de leerling met een naaktbeeld. Dat is "
                                "sextortion.",
                            },
                            {
                                "text": "Doxing",
                                "correct": False,
                                "feedback": "Nee. Bij doxing zet iemand persoonlijke gegevens online, zoals een adres.",
                            },
                            {
                                "text": "Cyberpesten",
                                "correct": False,
                                "feedback": "Niet helemaal. Het kan als pesten voelen, maar dreigen met een "
                                "naaktbeeld om geld te krijgen is sextortion.",
                            },
                            {
                                "text": "Grooming",
                                "correct": False,
                                "feedback": "Nee. Bij grooming probeert een volwassene het vertrouwen van een kind "
                                "te winnen om het te misbruiken. Hier gaat het om chantage.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Op een forum staan het huisadres en de school van een sporter van je club, met "
                        "de tekst 'ga hem maar eens opzoeken'. Hoe heet dit?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Doxing",
                                "correct": True,
                                "feedback": "Juist. Iemand maakt persoonlijke gegevens openbaar, zodat het "
                                "slachtoffer zich bedreigd voelt.",
                            },
                            {
                                "text": "Seksuele exposing",
                                "correct": False,
                                "feedback": "Nee. Bij seksuele exposing worden naaktbeelden verspreid zonder "
                                "toestemming.",
                            },
                            {
                                "text": "Identiteitsfraude",
                                "correct": False,
                                "feedback": "Nee. Bij identiteitsfraude misbruikt iemand de gegevens van een ander, "
                                "bijvoorbeeld om zich als die persoon voor te doen.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "wanneer-is-bedreiging-strafbaar",
            "title": "Wanneer is bedreiging strafbaar?",
            "summary": "Niet elke nare opmerking is strafbaar. Maar sommige bedreigingen zijn dat wel, ook als ze "
            "online gebeuren.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Iemand kan zich bedreigd <i>voelen</i>, of echt bedreigd <i>worden</i>. Dat is "
                    "niet hetzelfde. Niet elke vorm van online bedreiging is strafbaar. Toch neem je elke melding "
                    "serieus. Ook als iets niet strafbaar is, kan het veel angst geven.</p>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "wet",
                        "title": "Wanneer is bedreiging strafbaar?",
                        "text": "<p>Bedreiging is strafbaar als iemand dreigt met:</p>"
                        "<ul>"
                        "<li>de dood (een doodsbedreiging);</li>"
                        "<li>zwaar lichamelijk letsel;</li>"
                        "<li>verkrachting of aanranding;</li>"
                        "<li>gijzeling;</li>"
                        "<li>brandstichting.</li>"
                        "</ul>"
                        "<p>Dat geldt ook als de dreiging gaat over iemand anders dan het slachtoffer zelf. "
                        "Bijvoorbeeld over een kind, een zus of een partner. Ook dreigen om spullen kapot te maken "
                        "kan strafbaar zijn.</p>",
                    },
                },
                {
                    "type": "text",
                    "value": "<h3>Online telt net zo goed</h3>"
                    "<p>Voor de wet maakt het niet uit of iemand een dreigement op straat roept of in een app "
                    "typt. Een doodsbedreiging in een reactie op Instagram kan dus net zo strafbaar zijn als een "
                    "doodsbedreiging op het schoolplein.</p>"
                    "<p>Ook andere vormen kunnen strafbaar zijn. Zo is het een misdrijf om intieme beelden van "
                    "iemand zonder toestemming te verspreiden. Dat geldt voor wie ze als eerste deelt, maar ook "
                    "voor wie ze daarna doorstuurt.</p>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Twijfel je of iets strafbaar is?",
                        "text": "<p>Dat hoef je niet zelf te beoordelen. Het bewijs helpt de politie om te bepalen "
                        "of een bedreiging strafbaar is. Bewaar dus altijd het bewijs. Bij twijfel vraag je advies, "
                        "bijvoorbeeld aan de politie of aan de Advieslijn voor professionals van Slachtofferhulp "
                        "Nederland.</p>",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Welke van deze berichten zijn strafbare bedreigingen? Kies alle goede antwoorden.",
                        "multiple": True,
                        "options": [
                            {
                                "text": "'Ik steek je huis in de fik.'",
                                "correct": True,
                                "feedback": "Goed. Dreigen met brandstichting is strafbaar.",
                            },
                            {
                                "text": "'Ik weet op welke school je zusje zit. Ze komt niet levend thuis.'",
                                "correct": True,
                                "feedback": "Goed. Dit is een doodsbedreiging tegen iemand uit de naaste omgeving "
                                "van het slachtoffer. Ook dat is strafbaar.",
                            },
                            {
                                "text": "'Jij bent echt de slechtste keeper ooit.'",
                                "correct": False,
                                "feedback": "Dit is kwetsend, maar geen strafbare bedreiging. Neem het wel serieus: "
                                "het kan deel zijn van pesten.",
                            },
                            {
                                "text": "'Als ik je zie, ga ik je verkrachten.'",
                                "correct": True,
                                "feedback": "Goed. Dreigen met verkrachting is strafbaar.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een vader zegt: 'Het was maar online, dus de politie doet er toch niets mee.' "
                        "Wat klopt?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Een bedreiging kan strafbaar zijn, ook als die online gebeurt.",
                                "correct": True,
                                "feedback": "Juist. Voor de wet maakt het niet uit of een bedreiging online of "
                                "offline gebeurt.",
                            },
                            {
                                "text": "Online bedreiging is alleen strafbaar als de dader bekend is.",
                                "correct": False,
                                "feedback": "Nee. Ook als niemand weet wie de dader is, kan het strafbaar zijn. "
                                "Bewijs helpt de politie juist om de dader te vinden.",
                            },
                            {
                                "text": "Alleen een doodsbedreiging op straat is strafbaar.",
                                "correct": False,
                                "feedback": "Nee. Er zijn meer strafbare bedreigingen, zoals dreigen met "
                                "verkrachting of brandstichting. En online telt net zo goed.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "herkennen-oefenen",
            "title": "Oefenen: wat is hier aan de hand?",
            "summary": "Oefen met een situatie uit de praktijk en test je kennis.",
            "body": [
                {
                    "type": "scenario",
                    "value": {
                        "title": "De teamapp van de meiden onder 15",
                        "intro": "Je bent trainer van een meidenteam onder 15. Na de training blijft Noor (14) "
                        "achter. Ze laat je haar telefoon zien.",
                        "steps": [
                            {
                                "key": "start",
                                "situation": "In de teamapp staan berichten over Noor. Een onbekend nummer schrijft: "
                                "'Ik weet waar je woont. Als je vanavond naar huis fietst, steek ik je neer.' Iemand "
                                "anders heeft een foto van haar huis gestuurd. Noor zegt: 'Het is vast een grapje.'",
                                "choices": [
                                    {
                                        "text": "Je zegt: 'Fijn dat je het laat zien. Ik vind dit geen grapje. Laten "
                                        "we rustig kijken wat er staat.'",
                                        "outcome": "good",
                                        "consequence": "Noor merkt dat je haar serieus neemt. Ze durft meer te "
                                        "vertellen.",
                                        "next_step": "vorm",
                                    },
                                    {
                                        "text": "Je zegt dat ze de berichten meteen moet verwijderen. Dan is het weg.",
                                        "outcome": "partly",
                                        "consequence": "Je wilt Noor helpen, maar zo verdwijnt het bewijs. En bij de "
                                        "anderen in de groep staan de berichten er nog. Bewaar eerst alles.",
                                        "next_step": "vorm",
                                    },
                                    {
                                        "text": "Je zegt: 'Ach, meiden onder elkaar. Dat waait wel over.'",
                                        "outcome": "bad",
                                        "consequence": "Noor stopt met praten en fietst bang naar huis. Een dreiging "
                                        "van iemand die weet waar je woont, neem je altijd serieus.",
                                        "next_step": "",
                                    },
                                ],
                            },
                            {
                                "key": "vorm",
                                "situation": "Jullie kijken samen naar de berichten. Wat is hier aan de hand?",
                                "choices": [
                                    {
                                        "text": "Dit kan strafbare bedreiging zijn. Er wordt gedreigd met geweld en "
                                        "haar adres wordt gedeeld.",
                                        "outcome": "good",
                                        "consequence": "Goed gezien. Dreigen met zwaar letsel kan strafbaar zijn. Het "
                                        "delen van haar adres en een foto van haar huis lijkt op doxing.",
                                        "next_step": "actie",
                                    },
                                    {
                                        "text": "Het is cyberpesten, maar niet ernstig, want het gebeurt in een app.",
                                        "outcome": "bad",
                                        "consequence": "Online is niet minder ernstig. Dit is een dreiging met geweld, "
                                        "en die kan strafbaar zijn.",
                                        "next_step": "actie",
                                    },
                                    {
                                        "text": "Het is pas strafbaar als Noor echt iets overkomt.",
                                        "outcome": "bad",
                                        "consequence": "Nee. De dreiging zelf kan al strafbaar zijn. Je hoeft niet te "
                                        "wachten tot er iets gebeurt.",
                                        "next_step": "actie",
                                    },
                                ],
                            },
                            {
                                "key": "actie",
                                "situation": "Noor is bang om naar huis te fietsen. Wat doe je nu?",
                                "choices": [
                                    {
                                        "text": "Je zorgt dat Noor veilig thuiskomt. Je helpt screenshots maken en je "
                                        "belt haar ouders en de politie.",
                                        "outcome": "good",
                                        "consequence": "Goed. Veiligheid gaat voor. Het bewijs is bewaard en de politie "
                                        "kan inschatten wat er nodig is. Noor is minderjarig, dus haar ouders moeten "
                                        "het weten.",
                                        "next_step": "",
                                    },
                                    {
                                        "text": "Je zegt dat ze morgen even langs moet gaan bij de vertrouwenspersoon "
                                        "van de club.",
                                        "outcome": "partly",
                                        "consequence": "Een vertrouwenspersoon is een goede stap, maar Noor is nu bang. "
                                        "Bij een concrete dreiging met geweld wacht je niet tot morgen. Bij acuut "
                                        "gevaar bel je 112.",
                                        "next_step": "",
                                    },
                                    {
                                        "text": "Je zegt dat ze de app van haar telefoon moet halen.",
                                        "outcome": "bad",
                                        "consequence": "Dan ziet Noor de dreiging niet meer, maar die is er nog wel. "
                                        "Het bewijs raakt misschien kwijt en er gebeurt niets tegen de dader.",
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
                        "question": "Wat is seksuele exposing?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Naaktbeelden van iemand verspreiden zonder toestemming.",
                                "correct": True,
                                "feedback": "Goed. Het verspreiden zonder toestemming maakt het exposing.",
                            },
                            {
                                "text": "Iemand chanteren met naaktbeelden.",
                                "correct": False,
                                "feedback": "Dat is sextortion. Bij exposing worden de beelden echt verspreid.",
                            },
                            {
                                "text": "Zelf een naaktfoto naar je partner sturen.",
                                "correct": False,
                                "feedback": "Nee. Dat heet sexting. Exposing is als iemand anders zo'n beeld zonder "
                                "toestemming verder verspreidt.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Welke vormen van online criminaliteit kun je naast bedreiging ook tegenkomen? "
                        "Kies alle goede antwoorden.",
                        "multiple": True,
                        "options": [
                            {
                                "text": "Grooming",
                                "correct": True,
                                "feedback": "Goed. Een volwassene zoekt online contact met een kind om het te "
                                "misbruiken.",
                            },
                            {
                                "text": "Identiteitsfraude",
                                "correct": True,
                                "feedback": "Goed. Iemand misbruikt de gegevens van een ander, bijvoorbeeld voor een "
                                "nepprofiel.",
                            },
                            {
                                "text": "Phishing",
                                "correct": True,
                                "feedback": "Goed. Met nepberichten probeert iemand inloggegevens of geld te stelen.",
                            },
                            {
                                "text": "Geen: online criminaliteit gaat alleen over hacken.",
                                "correct": False,
                                "feedback": "Nee. Hacken is maar één vorm. Ook oplichting, zedendelicten en "
                                "geweldsdelicten gebeuren online.",
                            },
                        ],
                    },
                },
            ],
        },
    ],
}
