"""Module 1: recognising online threats and when they are punishable."""

from cms.content.helpers import ModuleSpec, callout, check, country, option, text

MODULE: ModuleSpec = {
    "slug": "online-bedreiging-herkennen",
    "title": "Online bedreiging herkennen",
    "intro": "<p>In deze module leer je welke vormen van online bedreiging er zijn. Je leert ook wanneer een "
    "bedreiging strafbaar is. Zo zie je sneller wat er aan de hand is als een leerling, sporter of inwoner "
    "bij je komt. Tot slot kijk je naar online criminaliteit in bredere zin, zoals oplichting.</p>",
    "learning_goals": [
        "Je kunt uitleggen waarom online bedreiging ook buiten het internet veel impact heeft.",
        "Je herkent cyberpesten, stalking, haatzaaien, seksuele exposing, sextortion en doxing.",
        "Je weet dat ook grooming, identiteitsfraude en online oplichting vormen van online criminaliteit zijn.",
        "Je vertelt een slachtoffer van online oplichting eerlijk wat het kan verwachten en waar het terechtkan.",
        "Je weet wanneer een bedreiging strafbaar is, ook als die gericht is op iemand die het slachtoffer "
        "dierbaar is.",
    ],
    "estimated_minutes": 35,
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
                        "<p>Bij oplichting en identiteitsfraude zijn er aparte meldpunten. In de les 'Online "
                        "criminaliteit breder' lees je welke.</p>",
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
                                "key": "1",
                                "text": "Doxing",
                                "correct": False,
                                "feedback": "Nee. Bij doxing zet iemand persoonlijke gegevens online, zoals een adres.",
                            },
                            {
                                "key": "0",
                                "text": "Sextortion",
                                "correct": True,
                                "feedback": "Goed. De dader chanteert de leerling met een naaktbeeld. Dat is "
                                "sextortion.",
                            },
                            {
                                "key": "2",
                                "text": "Cyberpesten",
                                "correct": False,
                                "feedback": "Niet helemaal. Het kan als pesten voelen, maar dreigen met een "
                                "naaktbeeld om geld te krijgen is sextortion.",
                            },
                            {
                                "key": "3",
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
                                "key": "1",
                                "text": "Seksuele exposing",
                                "correct": False,
                                "feedback": "Nee. Bij seksuele exposing worden naaktbeelden verspreid zonder "
                                "toestemming.",
                            },
                            {
                                "key": "2",
                                "text": "Identiteitsfraude",
                                "correct": False,
                                "feedback": "Nee. Bij identiteitsfraude misbruikt iemand de gegevens van een ander, "
                                "bijvoorbeeld om zich als die persoon voor te doen.",
                            },
                            {
                                "key": "0",
                                "text": "Doxing",
                                "correct": True,
                                "feedback": "Juist. Iemand maakt persoonlijke gegevens openbaar, zodat het "
                                "slachtoffer zich bedreigd voelt.",
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
                country(
                    "NL",
                    callout(
                        "wet",
                        "Doxing is strafbaar in Nederland",
                        "<p>Sinds 1 januari 2024 is doxing een apart misdrijf (artikel 285d Wetboek van Strafrecht). "
                        "Het gaat om iemands persoonsgegevens verspreiden of gebruiken. Het doel is die persoon bang te "
                        "maken, veel overlast te bezorgen of te hinderen in het werk. Denk aan een adres, een telefoonnummer "
                        "of de school van iemand.</p>"
                        "<p>Het slachtoffer kan hiervan aangifte doen bij de politie (0900-8844). Is er nu gevaar? "
                        "Bel 112.</p>",
                    ),
                ),
                country(
                    "BE",
                    callout(
                        "wet",
                        "Doxing in België",
                        "<p>Doxing heeft in België geen eigen artikel in de wet. Toch kan het strafbaar zijn. "
                        "Bijvoorbeeld als belaging (stalking) of als bedreiging. Ook het misbruik van iemands "
                        "persoonsgegevens kan verboden zijn.</p>"
                        "<p>Het slachtoffer kan klacht indienen bij de lokale politiezone. Is er nu gevaar? Bel 101 of "
                        "112.</p>",
                    ),
                ),
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Twijfel je of iets strafbaar is?",
                        "text": "<p>Dat hoef je niet zelf te beoordelen. Het bewijs helpt de politie om te bepalen "
                        "of een bedreiging strafbaar is. Bewaar dus altijd het bewijs van berichten. Bij twijfel "
                        "vraag je advies aan de politie of aan een advieslijn.</p>",
                    },
                },
                country(
                    "NL",
                    text(
                        "<p>Advies vraag je bij de politie (0900-8844) of bij de Advieslijn voor professionals van "
                        "Slachtofferhulp Nederland (0900-0101, optie 3).</p>"
                    ),
                ),
                country(
                    "BE",
                    text(
                        "<p>Advies vraag je bij de lokale politiezone of bij het CAW. Bij geweld of misbruik kun je ook "
                        "1712 bellen, ook als professional.</p>"
                    ),
                ),
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
                                "key": "1",
                                "text": "Online bedreiging is pas strafbaar als de politie weet wie de dader is.",
                                "correct": False,
                                "feedback": "Nee. Ook als niemand weet wie de dader is, kan het strafbaar zijn. "
                                "Bewijs helpt de politie juist om de dader te vinden.",
                            },
                            {
                                "key": "0",
                                "text": "Een bedreiging kan strafbaar zijn, ook als die online gebeurt.",
                                "correct": True,
                                "feedback": "Juist. Voor de wet maakt het niet uit of een bedreiging online of "
                                "offline gebeurt.",
                            },
                            {
                                "key": "2",
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
                                        "consequence": "Noor wist de chat. Je wilde haar helpen, maar nu is het bewijs "
                                        "op haar telefoon weg. Bij de anderen in de groep staan de berichten er nog.",
                                        "next_step": "vorm",
                                        "sets": "bewijs_weg",
                                    },
                                    {
                                        "text": "Je zegt: 'Ach, meiden onder elkaar. Dat waait wel over.'",
                                        "outcome": "bad",
                                        "consequence": "Noor stopt met praten en fietst bang naar huis. Een dreiging "
                                        "van iemand die weet waar je woont, neem je altijd serieus.",
                                        "next_step": "einde_alleen",
                                    },
                                ],
                            },
                            {
                                "key": "vorm",
                                "situation": "Jullie praten over de berichten. Wat is hier aan de hand?",
                                "notes": [
                                    {
                                        "flag": "bewijs_weg",
                                        "text": "Noor heeft de chat gewist. Jullie kunnen alleen nog afgaan op wat "
                                        "zij zich herinnert.",
                                    }
                                ],
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
                                "situation": "Noor is bang om naar huis te fietsen. De dader noemt vanavond. Wat doe "
                                "je nu?",
                                "notes": [
                                    {
                                        "flag": "bewijs_weg",
                                        "text": "De berichten staan niet meer op Noors telefoon. Zeg dat aan de "
                                        "politie. Die kan het bewijs misschien nog bij anderen of bij de app vinden.",
                                    }
                                ],
                                "choices": [
                                    {
                                        "text": "Je laat Noor niet alleen gaan. Je belt haar ouders om haar op te "
                                        "halen. Samen bellen jullie de politie. Bij direct gevaar bel je 112.",
                                        "outcome": "good",
                                        "consequence": "Veiligheid gaat voor. Noor is minderjarig, dus haar ouders "
                                        "moeten het weten. De politie kan inschatten wat er nodig is.",
                                        "next_step": "einde_veilig",
                                    },
                                    {
                                        "text": "Jullie maken eerst samen screenshots van de dreigberichten, met de "
                                        "datum en het nummer erop. Daarna bel je haar ouders.",
                                        "outcome": "partly",
                                        "consequence": "Bewijs van dreigberichten bewaren is goed. Maar de dreiging "
                                        "gaat over vanavond. Zorg eerst dat Noor veilig is en bel de politie.",
                                        "next_step": "einde_later",
                                        "hide_if": "bewijs_weg",
                                    },
                                    {
                                        "text": "Je zegt dat ze morgen even langs moet gaan bij de persoon "
                                        "die bij de club over veiligheid en integriteit gaat.",
                                        "outcome": "partly",
                                        "consequence": "Iemand bij de club die over veiligheid gaat, kan helpen. Maar "
                                        "Noor is nu bang. Bij een dreiging voor vanavond wacht je niet tot morgen.",
                                        "next_step": "einde_later",
                                    },
                                    {
                                        "text": "Je zegt dat ze de app van haar telefoon moet halen.",
                                        "outcome": "bad",
                                        "consequence": "Dan ziet Noor de dreiging niet meer, maar die is er nog wel. "
                                        "En er gebeurt niets tegen de dader.",
                                        "next_step": "einde_alleen",
                                    },
                                ],
                            },
                        ],
                        "endings": [
                            {
                                "key": "einde_veilig",
                                "verdict": "good",
                                "title": "Noor is veilig thuis",
                                "explanation": "Je nam de dreiging serieus, zette veiligheid voorop en schakelde de "
                                "ouders en de politie in. Zo hoort het bij een dreiging met geweld tegen een kind.",
                            },
                            {
                                "key": "einde_later",
                                "verdict": "partly",
                                "title": "Goed bedoeld, maar te laat",
                                "explanation": "Je hielp Noor, maar de dreiging ging over vanavond. Bij een concrete "
                                "dreiging zorg je eerst dat het kind veilig is. Je belt de ouders en de politie, en bij "
                                "direct gevaar 112.",
                            },
                            {
                                "key": "einde_alleen",
                                "verdict": "bad",
                                "title": "Noor staat er alleen voor",
                                "explanation": "De dreiging bleef liggen. Noor voelt zich niet gehoord en vertelt "
                                "het de volgende keer misschien niemand meer. Een doodsbedreiging neem je altijd "
                                "serieus.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een leerling vertelt huilend dat haar ex haar naaktfoto in de groepsapp van "
                        "de klas heeft gezet. Welke vorm van online bedreiging is dit?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "0",
                                "text": "Seksuele exposing: een naaktbeeld verspreiden zonder toestemming",
                                "correct": True,
                                "feedback": "Goed. Haar ex verspreidt een naaktbeeld zonder toestemming. Dat is "
                                "exposing.",
                            },
                            {
                                "key": "1",
                                "text": "Sextortion, omdat het om een naaktfoto gaat",
                                "correct": False,
                                "feedback": "Bij sextortion dreigt iemand met beelden om iets te krijgen. Hier zijn de "
                                "beelden al verspreid. Dat is exposing.",
                            },
                            {
                                "key": "2",
                                "text": "Sexting, want zij stuurde de foto eerst zelf",
                                "correct": False,
                                "feedback": "Nee. Sexting is zelf een beeld sturen aan iemand die je vertrouwt. Dat is "
                                "geen fout. De ex verspreidt het zonder toestemming: dat is exposing.",
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
        {
            "slug": "online-criminaliteit-breder",
            "title": "Online criminaliteit breder",
            "summary": "Oplichting, phishing, geldezels en gijzelsoftware: wat is het, wat kun je verwachten van de "
            "politie, en hoe voorkom je dat het opnieuw gebeurt?",
            "body": [
                text(
                    "<p>Online criminaliteit is meer dan bedreiging. Veel mensen worden online opgelicht of "
                    "bestolen. Ook leerlingen, sporters en hun ouders. Slachtoffers hebben vaak schade, maar ook "
                    "stress, schaamte en angst. Die gevolgen lijken erg op die van criminaliteit op straat.</p>"
                    "<h3>Vormen die je vaak tegenkomt</h3>"
                    "<ul>"
                    "<li><b>WhatsApp-fraude</b>: iemand doet zich voor als een kind of vriend met een nieuw nummer. "
                    "Er is snel geld nodig voor een rekening.</li>"
                    "<li><b>Phishing</b>: een nepbericht van een bank, pakketdienst of webwinkel. De link leidt naar "
                    "een valse site die inloggegevens of geld steelt.</li>"
                    "<li><b>Geldezels</b>: jongeren krijgen geld als ze hun bankpas of rekening even uitlenen. "
                    "Criminelen sluizen daar gestolen geld door. De jongere doet dan mee aan witwassen.</li>"
                    "<li><b>Voorschotfraude</b>: je moet eerst betalen voor een lening, een prijs of een erfenis. "
                    "Daarna hoor je niets meer.</li>"
                    "<li><b>Ransomware</b> (gijzelsoftware): criminelen blokkeren de bestanden van een computer of "
                    "een hele organisatie. Ze vragen geld om ze weer vrij te geven.</li>"
                    "<li><b>Helpdeskfraude</b>: iemand belt namens Microsoft of de bank. Er zou een virus zijn. "
                    "De beller neemt de computer over en haalt geld van de rekening.</li>"
                    "</ul>"
                ),
                callout(
                    "let_op",
                    "Wat kun je verwachten?",
                    "<p>Wees eerlijk tegen het slachtoffer. Veel online zaken worden nooit opgelost. De dader is "
                    "vaak onbekend of zit in het buitenland. In een onderzoek onder slachtoffers zagen maar twee "
                    "van de negentien hun dader veroordeeld worden.</p>"
                    "<p>Toch heeft naar de politie gaan zin. Het slachtoffer wordt erkend. De politie ziet welke "
                    "daders veel slachtoffers maken. En de bank of verzekeraar vraagt soms om bewijs dat je naar de "
                    "politie ging.</p>",
                ),
                country(
                    "NL",
                    text(
                        "<h3>Waar kun je terecht in Nederland?</h3>"
                        "<ul>"
                        "<li>De bank: meteen bellen als er geld is overgemaakt of als de bankpas is uitgeleend. Soms "
                        "kan de bank een betaling nog tegenhouden.</li>"
                        "<li>De politie: aangifte doen. Voor sommige vormen van oplichting kan dat online, op "
                        "politie.nl. Bel 0900-8844 voor vragen.</li>"
                        "<li>De Fraudehelpdesk: advies bij oplichting en fraude, en een plek om te melden.</li>"
                        "<li>Het Centraal Meldpunt Identiteitsfraude: als iemand de gegevens van het slachtoffer "
                        "misbruikt.</li>"
                        "<li>Slachtofferhulp Nederland: gratis hulp, ook bij het melden en bij het vragen van "
                        "schadevergoeding.</li>"
                        "</ul>"
                        "<h3>Schadevergoeding</h3>"
                        "<p>Komt er een strafzaak? Dan kan het slachtoffer zich voegen in die zaak en daar om "
                        "schadevergoeding vragen. Soms zijn er zo veel slachtoffers dat niet iedereen in het "
                        "onderzoek komt. Dan kan het slachtoffer ook via een civiele zaak of via de bank proberen "
                        "het geld terug te krijgen. Slachtofferhulp Nederland helpt daarbij.</p>"
                    ),
                ),
                country(
                    "BE",
                    text(
                        "<h3>Waar kun je terecht in België?</h3>"
                        "<ul>"
                        "<li>De bank: meteen bellen als er geld is overgemaakt. Is een bankkaart misbruikt of "
                        "uitgeleend? Laat hem blokkeren via Card Stop (078 170 170).</li>"
                        "<li>De politie: klacht indienen bij de lokale politiezone. Bij dringende nood bel je 101 of "
                        "112.</li>"
                        "<li>Safeonweb: verdachte berichten stuur je door naar verdacht@safeonweb.be.</li>"
                        "<li>Het Meldpunt van de FOD Economie: hier meld je oplichting en fraude.</li>"
                        "<li>Het CAW (slachtofferhulp): gratis steun en uitleg over je rechten.</li>"
                        "</ul>"
                        "<h3>Schadevergoeding</h3>"
                        "<p>Het slachtoffer kan zich burgerlijke partij stellen. Dan vraagt het in de strafzaak om "
                        "schadevergoeding. Met een verklaring van benadeelde persoon blijft het op de hoogte van de "
                        "zaak. Het CAW en het slachtofferonthaal bij het parket leggen uit hoe dat gaat.</p>"
                    ),
                ),
                text(
                    "<h3>Voorkomen dat het opnieuw gebeurt</h3>"
                    "<p>Wie één keer slachtoffer was, loopt meer kans dat het nog eens gebeurt. Toch doet maar de helft "
                    "van de slachtoffers daarna iets om het te voorkomen. Help daarom met een paar stappen:</p>"
                    "<ul>"
                    "<li>Verander wachtwoorden en zet inloggen in twee stappen aan.</li>"
                    "<li>Waarschuw familie en vrienden als een account is overgenomen.</li>"
                    "<li>Spreek een vaste controlevraag af in het gezin, voor appjes over geld.</li>"
                    "<li>Let op 'herstelfraude': iemand belt en belooft het geld terug te halen, als je eerst "
                    "betaalt. Dat is opnieuw oplichting.</li>"
                    "</ul>"
                ),
                check(
                    "De moeder van een leerling krijgt een appje: 'Hoi mam, dit is mijn nieuwe nummer. Kun je vandaag "
                    "nog € 950 voor me overmaken?' Ze vraagt jou wat ze moet doen. Wat raad je aan?",
                    option(
                        "n1",
                        "Eerst een klein bedrag overmaken, om te kijken of het echt haar kind is.",
                        "Nee. Elk bedrag kan weg zijn. Oplichters gebruiken een kleine betaling vaak als opstap "
                        "naar een groter bedrag.",
                    ),
                    option(
                        "n2",
                        "Het nieuwe nummer opslaan en in de chat vragen of het echt haar kind is.",
                        "Nee. In die chat antwoordt de oplichter zelf. Controleer het via een andere weg.",
                    ),
                    option(
                        "n3",
                        "Niets overmaken, en haar kind bellen op het oude nummer of iets vragen wat alleen haar kind weet.",
                        "Goed. Bel via een nummer dat je al kende, of stel een vraag die alleen het kind weet. Meld "
                        "het daarna bij de politie.",
                        correct=True,
                    ),
                ),
                check(
                    "Een speler van 16 vertelt trots dat hij € 100 krijgt als hij een weekend zijn bankpas uitleent. "
                    "'Ik stuur alleen geld door, ik doe niks fout.' Wat klopt?",
                    option(
                        "n1",
                        "Hij kan meedoen aan witwassen, met een strafblad en schulden. Laat de pas blokkeren.",
                        "Goed. Wie zijn rekening uitleent, wordt een geldezel. Dat is strafbaar, ook voor jongeren. "
                        "Bespreek het met hem en zijn ouders, en laat de pas blokkeren.",
                        correct=True,
                    ),
                    option(
                        "n2",
                        "Het is alleen strafbaar als hij precies weet van welk misdrijf het geld komt.",
                        "Nee. Ook wie had kunnen vermoeden dat het geld niet zuiver is, kan strafbaar zijn. Geld "
                        "voor een uitgeleende bankpas is een duidelijk signaal.",
                    ),
                    option(
                        "n3",
                        "Zolang hij zijn pincode niet doorgeeft en de pas terugkrijgt, is er niets aan de hand.",
                        "Nee. Ook zonder pincode kunnen criminelen geld via zijn rekening sluizen. Hij blijft "
                        "verantwoordelijk voor zijn rekening.",
                    ),
                ),
                check(
                    "Een vrijwilliger van je club is opgelicht door iemand in het buitenland. Ze vraagt: 'Heeft het "
                    "nog zin om naar de politie te gaan?' Wat zeg je?",
                    option(
                        "n1",
                        "Ja, want de politie haalt het geld bij zulke zaken bijna altijd terug.",
                        "Dat is te mooi voorgesteld. Veel zaken worden niet opgelost. Geef eerlijke verwachtingen.",
                    ),
                    option(
                        "n2",
                        "Ja. De kans op straf is klein, maar het telt en helpt haar bij de bank.",
                        "Goed. Je bent eerlijk over de kansen. Naar de politie gaan geeft erkenning, helpt de politie "
                        "daders te zien en kan nodig zijn voor de bank of verzekeraar.",
                        correct=True,
                    ),
                    option(
                        "n3",
                        "Nee. Bij een dader in het buitenland kan de politie toch niets doen, dus het kost alleen tijd.",
                        "Nee. Ook dan heeft het zin. De politie werkt samen met andere landen en ziet zo welke daders "
                        "veel slachtoffers maken.",
                    ),
                ),
                check(
                    "Een collega is opgelicht met een nepbericht van de bank. Wat helpt om te voorkomen dat het "
                    "haar opnieuw overkomt? Kies alle goede antwoorden.",
                    option(
                        "n1", "Wachtwoorden veranderen en inloggen in twee stappen aanzetten.", "Goed.", correct=True
                    ),
                    option(
                        "n2",
                        "Ingaan op een bedrijf dat belt en belooft het geld terug te halen tegen betaling vooraf.",
                        "Nee. Dat is herstelfraude: opnieuw oplichting.",
                    ),
                    option(
                        "n3",
                        "Familie en vrienden waarschuwen als er misbruik is gemaakt van haar account.",
                        "Goed. Zo trappen zij niet in berichten die uit haar naam komen.",
                        correct=True,
                    ),
                    multiple=True,
                ),
            ],
        },
    ],
}
