"""Module 3: the conversation with the victim."""

from cms.content.helpers import ModuleSpec

MODULE: ModuleSpec = {
    "slug": "het-gesprek",
    "title": "Het gesprek",
    "intro": "<p>Het eerste gesprek met een slachtoffer is heel belangrijk. Hoe jij reageert, kan veel uitmaken "
    "voor het herstel. In deze module leer je hoe je zo'n gesprek voert: zonder oordeel, met de juiste vragen, "
    "en ook als het slachtoffer zegt dat het wel meevalt.</p>",
    "learning_goals": [
        "Je weet wat het doel is van het eerste gesprek.",
        "Je kunt vragen stellen die helpen om de situatie en de ernst in te schatten.",
        "Je praat zonder oordeel, zodat het slachtoffer zich erkend voelt.",
        "Je neemt de bedreiging serieus, ook als het slachtoffer er luchtig over doet.",
    ],
    "estimated_minutes": 30,
    "audience": "all",
    "pass_mark": 75,
    "certificate_validity_months": 24,
    "lessons": [
        {
            "slug": "het-gesprek-beginnen",
            "title": "Het gesprek beginnen",
            "summary": "Waarom het eerste gesprek zo belangrijk is, en hoe je het goed begint.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Vertelt iemand je dat hij of zij online bedreigd wordt? Ga dan zo snel mogelijk "
                    "in gesprek. In dat gesprek wil je drie dingen weten:</p>"
                    "<ul>"
                    "<li><b>Wat is er gebeurd?</b> Wat is er gezegd of gedeeld, en waar?</li>"
                    "<li><b>In welke situatie?</b> Wie is de dader, en speelt dit al langer?</li>"
                    "<li><b>Hoe ernstig is het?</b> Is er direct gevaar? Hoe bang is het slachtoffer?</li>"
                    "</ul>"
                    "<p>Met die informatie bepaal je samen wat de volgende stappen zijn.</p>",
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Zo zorg je voor een goed begin",
                        "items": [
                            "Zoek een rustige plek waar niemand meeluistert.",
                            "Neem de tijd. Heb je nu maar even? Zeg dat eerlijk en spreek snel een ander moment af.",
                            "Leg je eigen telefoon weg en kijk de ander aan.",
                            "Zeg dat het goed is dat de ander naar je toe komt.",
                            "Laat de ander vertellen in een eigen tempo.",
                            "Beloof niet dat je alles geheimhoudt. Zeg wel wat je met het verhaal doet.",
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "let_op",
                        "title": "Beloof geen geheim",
                        "text": "<p>Een leerling of sporter vraagt soms: 'Je vertelt het toch aan niemand?' Beloof "
                        "dat niet. Soms moet je iemand inschakelen, bijvoorbeeld bij gevaar of bij een "
                        "minderjarige. Zeg eerlijk: 'Dat kan ik niet beloven. Ik vertel het alleen aan wie moet helpen. "
                        "En ik zeg je wat ik doe en waarom.'</p>",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een leerling komt na de les naar je toe. Hij wordt online bedreigd. Wat wil je in dit eerste "
                        "gesprek vooral bereiken?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Uitzoeken wie er schuld heeft, zodat je weet wie je moet aanspreken.",
                                "correct": False,
                                "feedback": "Nee. Je bent geen rechter. Het gaat om wat het slachtoffer nodig heeft.",
                            },
                            {
                                "key": "0",
                                "text": "Snel inschatten wat er speelt, in welke situatie, en hoe ernstig het is.",
                                "correct": True,
                                "feedback": "Goed. Met dat beeld kies je samen de volgende stappen.",
                            },
                            {
                                "key": "2",
                                "text": "Hem zo snel mogelijk overtuigen om naar de politie te gaan, want dat is altijd de beste stap.",
                                "correct": False,
                                "feedback": "Naar de politie gaan kan een goede stap zijn, maar het slachtoffer beslist mee. "
                                "Eerst wil je weten wat er speelt.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een leerling vraagt: 'Beloof je dat je het aan niemand vertelt?' Wat zeg je?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "0",
                                "text": "'Dat kan ik niet beloven. Ik zeg je wel wat ik doe en waarom.'",
                                "correct": True,
                                "feedback": "Goed. Je belooft geen geheim dat je misschien niet kunt houden. En de "
                                "leerling weet wat er gebeurt en waarom.",
                            },
                            {
                                "key": "1",
                                "text": "'Ik beloof het. Wat je me vertelt, blijft tussen ons, wat er ook gebeurt.'",
                                "correct": False,
                                "feedback": "Die belofte kun je misschien niet houden, bijvoorbeeld bij gevaar. Dan "
                                "raakt de leerling later het vertrouwen kwijt.",
                            },
                            {
                                "key": "2",
                                "text": "'Dan kan ik je niet helpen.'",
                                "correct": False,
                                "feedback": "Zo sluit je de deur. Leg liever uit wat je wel en niet voor jezelf kunt "
                                "houden.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "vragen-die-je-stelt",
            "title": "Vragen die je stelt",
            "summary": "Met open en rustige vragen krijg je een goed beeld van wat er gebeurd is.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Goede vragen helpen het slachtoffer om te vertellen. Ze helpen jou om de ernst in "
                    "te schatten. Stel open vragen, één tegelijk. Geef de ander tijd om na te denken.</p>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Begin bij het gevoel",
                        "text": "<p>Vraag eerst hoe het gaat, en pas daarna naar de feiten. Wie zich gehoord voelt, "
                        "vertelt makkelijker wat er gebeurd is.</p>",
                    },
                },
                {
                    "type": "questions_to_ask",
                    "value": {
                        "intro": "Deze vragen helpen je op weg. Je hoeft ze niet allemaal en niet in deze volgorde "
                        "te stellen.",
                        "questions": [
                            "Hoe gaat het nu met je?",
                            "Kun je vertellen wat er gebeurd is?",
                            "Weet je wie dit doet? Ken je die persoon?",
                            "Is dit al eerder gebeurd?",
                            "Wat doet het met je?",
                            "Ben je bang voor die persoon?",
                            "Staan de berichten nog op je telefoon?",
                            "Wat zou je nu het liefst willen dat er gebeurt?",
                        ],
                    },
                },
                {
                    "type": "dialogue",
                    "value": {
                        "situation": "Een sporter van 16 vertelt dat haar ex-vriend dreigt om een naaktfoto van "
                        "haar online te zetten.",
                        "do_say": [
                            {
                                "text": "Wat goed dat je dit aan mij vertelt.",
                                "why": "Je laat zien dat praten moed kost.",
                            },
                            {
                                "text": "Hoe gaat het nu met je?",
                                "why": "Je begint bij haar gevoel, niet bij de feiten.",
                            },
                            {
                                "text": "Heeft hij dit al vaker gedaan of gezegd?",
                                "why": "Zo schat je in of het al langer speelt.",
                            },
                            {
                                "text": "Ben je bang voor wat hij gaat doen?",
                                "why": "Angst zegt veel over de ernst en over de hulp die nodig is.",
                            },
                        ],
                        "dont_say": [
                            {
                                "text": "Waarom heb je hem die foto gestuurd?",
                                "why": "Deze vraag legt de schuld bij haar. Het probleem is dat hij dreigt.",
                            },
                            {
                                "text": "Stuur die foto maar naar mij, dan kijk ik ernaar.",
                                "why": "Naaktbeelden van een minderjarige vraag je nooit op en stuur je nooit door.",
                            },
                            {
                                "text": "Hij zal het heus niet doen.",
                                "why": "Dat weet je niet. En zo neem je haar angst niet serieus.",
                            },
                        ],
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": "Welke vraag vind jij zelf moeilijk om te stellen? Hoe zou je die in je eigen "
                        "woorden zeggen?",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een sporter van 16 vertelt dat haar ex haar bedreigt. Welke vraag helpt je het best om de "
                        "ernst in te schatten?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Waarom had je je account niet op privé staan?",
                                "correct": False,
                                "feedback": "Dit is een verwijt. Zo geef je het slachtoffer de schuld, en je leert er "
                                "niets over de ernst.",
                            },
                            {
                                "key": "2",
                                "text": "Weet je zeker dat het geen grapje was?",
                                "correct": False,
                                "feedback": "Met deze vraag twijfel je aan het slachtoffer. Zo voelt die zich niet "
                                "serieus genomen.",
                            },
                            {
                                "key": "0",
                                "text": "Ben je bang voor wat hij nog gaat doen?",
                                "correct": True,
                                "feedback": "Goed. Of het slachtoffer bang is, zegt veel over de impact en over de "
                                "hulp die nodig is.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een vrijwilliger vertelt over dreigberichten. Je vraagt of ze de berichten nog heeft. Waarom "
                        "doe je dat?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Omdat je eerst zelf moet nagaan of het verhaal klopt, voordat je iemand anders inschakelt.",
                                "correct": False,
                                "feedback": "Je bent geen rechercheur. Je gelooft het slachtoffer. Het bewijs is voor "
                                "de politie en het platform.",
                            },
                            {
                                "key": "0",
                                "text": "Omdat de politie bewijs nodig heeft om de dader te vinden en te vervolgen.",
                                "correct": True,
                                "feedback": "Goed. Bewijs helpt de politie ook om te bepalen of iets strafbaar is.",
                            },
                            {
                                "key": "2",
                                "text": "Omdat het slachtoffer anders geen hulp mag krijgen.",
                                "correct": False,
                                "feedback": "Ook zonder bewijs heeft iemand recht op steun. Bewijs helpt wel bij de "
                                "politie en bij een melding bij het platform.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "zonder-oordeel-communiceren",
            "title": "Zonder oordeel communiceren",
            "summary": "Een slachtoffer moet zich erkend voelen, niet veroordeeld. Zo doe je dat.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Wie slachtoffer is geworden, wil vooral gehoord en geloofd worden. Een oordeel kan "
                    "het herstel moeilijker maken, ook als het klein is of niet zo bedoeld. Het slachtoffer gaat "
                    "zich dan schamen of schuldig voelen. Soms vertelt het daarna niets meer.</p>",
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Tips om zonder oordeel te praten",
                        "items": [
                            "Luister vooral. Stiltes zijn niet erg.",
                            "Geloof wat de ander vertelt.",
                            "Zeg dat het niet de schuld van het slachtoffer is.",
                            "Vraag naar gevoelens en wensen, niet naar wat het slachtoffer anders had moeten doen.",
                            "Vat samen wat je hoort. Zo merkt de ander dat je het begrijpt.",
                            "Bespreek samen de volgende stappen. Beslis niet over het hoofd van de ander heen.",
                        ],
                    },
                },
                {
                    "type": "dialogue",
                    "value": {
                        "situation": "Een vrijwilliger van je club vertelt dat er een nepprofiel met haar naam en "
                        "foto's rondgaat.",
                        "do_say": [
                            {
                                "text": "Wat vervelend dat dit je overkomt. Het is niet jouw schuld.",
                                "why": "Je erkent wat er gebeurt en legt de schuld waar die hoort.",
                            },
                            {
                                "text": "Als ik het goed begrijp, ben je vooral bang dat mensen denken dat jij het "
                                "bent. Klopt dat?",
                                "why": "Door samen te vatten laat je zien dat je luistert.",
                            },
                            {
                                "text": "Wat zou jij willen dat er nu gebeurt?",
                                "why": "Het slachtoffer houdt zelf de regie.",
                            },
                        ],
                        "dont_say": [
                            {
                                "text": "Tja, je zet ook veel foto's online.",
                                "why": "Dit is een verwijt. De fout ligt bij wie het nepprofiel maakt.",
                            },
                            {
                                "text": "Ik zou er maar niet te veel aandacht aan geven.",
                                "why": "Je maakt het kleiner dan het voor haar is.",
                            },
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Erkenning is wat slachtoffers nodig hebben",
                        "text": "<p>Slachtoffers van online criminaliteit vinden erkenning heel belangrijk. Iemand "
                        "die zegt: dit is echt gebeurd, dit is niet oké, en het is niet jouw schuld. Jij kunt die "
                        "erkenning als eerste geven.</p>",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Welke reacties passen bij praten zonder oordeel? Kies alle goede antwoorden.",
                        "multiple": True,
                        "options": [
                            {
                                "text": "'Het is niet jouw schuld.'",
                                "correct": True,
                                "feedback": "Goed. Zo leg je de verantwoordelijkheid bij de dader.",
                            },
                            {
                                "text": "'Als ik het goed begrijp, ben je vooral bang dat je ouders het zien.'",
                                "correct": True,
                                "feedback": "Goed. Samenvatten laat zien dat je luistert en het begrijpt.",
                            },
                            {
                                "text": "'Had je dat verzoek maar niet geaccepteerd.'",
                                "correct": False,
                                "feedback": "Dit is een verwijt achteraf. Het slachtoffer hoort: het is je eigen fout.",
                            },
                            {
                                "text": "'Wat wil jij dat er nu gebeurt?'",
                                "correct": True,
                                "feedback": "Goed. Het slachtoffer houdt zo zelf de regie.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "als-het-slachtoffer-het-wegwuift",
            "title": "Als het slachtoffer het wegwuift",
            "summary": "Soms doet een slachtoffer luchtig over wat er gebeurd is. Neem het toch serieus.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Niet iedereen laat zien hoe bang of boos hij is. Sommige slachtoffers lachen het "
                    "weg of zeggen: 'Ach, het stelt niks voor.' Dat kan verschillende redenen hebben:</p>"
                    "<ul>"
                    "<li>schaamte;</li>"
                    "<li>niet zwak willen lijken;</li>"
                    "<li>bang zijn dat het erger wordt als volwassenen zich ermee bemoeien;</li>"
                    "<li>gewend zijn geraakt aan nare berichten;</li>"
                    "<li>niet weten dat iets strafbaar kan zijn.</li>"
                    "</ul>"
                    "<p>Neem de bedreiging daarom altijd serieus, ook als het slachtoffer dat zelf niet lijkt te "
                    "doen.</p>",
                },
                {
                    "type": "dialogue",
                    "value": {
                        "situation": "Een leerling laat je lachend een bericht zien: 'Morgen ben je dood.' Hij zegt: "
                        "'Haha, gewoon een grapje van iemand uit de andere klas.'",
                        "do_say": [
                            {
                                "text": "Misschien is het een grap. Maar ik vind dit een serieus bericht.",
                                "why": "Je laat zijn gevoel staan en geeft toch duidelijk je grens aan.",
                            },
                            {
                                "text": "Hoe voelde het toen je dit las?",
                                "why": "Zo krijgt hij ruimte om toch te vertellen wat het met hem doet.",
                            },
                            {
                                "text": "Zullen we er samen een screenshot van maken, voor de zekerheid?",
                                "why": "Het bewijs blijft bewaard, zonder dat het zwaar voelt.",
                            },
                        ],
                        "dont_say": [
                            {
                                "text": "Oké, als jij het niet erg vindt, laten we het zo.",
                                "why": "Een doodsbedreiging kan strafbaar zijn. Die laat je niet liggen omdat het "
                                "slachtoffer het wegwuift.",
                            },
                            {
                                "text": "Hoe kun je daar nou om lachen?",
                                "why": "Zo veroordeel je de manier waarop hij met de situatie omgaat.",
                            },
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "let_op",
                        "title": "Blijf in de buurt",
                        "text": "<p>Wil het slachtoffer nu niets doen? Respecteer dat waar het kan, maar houd "
                        "contact. Vraag over een paar dagen hoe het gaat. Bij gevaar of een strafbare bedreiging "
                        "overleg je altijd, ook als het slachtoffer liever niets wil.</p>",
                    },
                },
                {
                    "type": "scenario",
                    "value": {
                        "title": "'Het stelt niks voor'",
                        "intro": "Je bent docent. Sem (16) laat je in de gang een bericht zien van een onbekend "
                        "account: 'Ik weet waar jij traint. Zaterdag maak ik je af.' Hij grijnst erbij.",
                        "steps": [
                            {
                                "key": "start",
                                "situation": "Sem zegt: 'Lachen toch? Iemand wil stoer doen.' Wat zeg je?",
                                "choices": [
                                    {
                                        "text": "'Misschien is het een grap, maar dit is een doodsbedreiging. Dat neem "
                                        "ik serieus. Heb je even tijd?'",
                                        "outcome": "good",
                                        "consequence": "Sem haalt zijn schouders op, maar loopt mee. Hij merkt dat hij "
                                        "niet overdrijft als hij toch bang is.",
                                        "next_step": "doorvragen",
                                    },
                                    {
                                        "text": "'Daar moet je nu meteen mee naar de politie!'",
                                        "outcome": "partly",
                                        "consequence": "Je neemt het serieus, en dat is goed. Maar Sem voelt zich "
                                        "overvallen. Begin met luisteren. De stap naar de politie bespreek je daarna samen.",
                                        "next_step": "doorvragen",
                                    },
                                    {
                                        "text": "'Haha, die gasten van tegenwoordig. Nou, succes zaterdag!'",
                                        "outcome": "bad",
                                        "consequence": "Sem hoort dat jij het ook niet serieus neemt. Als hij wel bang "
                                        "is, komt hij niet meer bij jou. De dreiging blijft onder de radar.",
                                        "next_step": "einde_onder_radar",
                                    },
                                ],
                            },
                            {
                                "key": "doorvragen",
                                "situation": "In een rustig lokaal vertel je wat je ziet. Sem zegt zacht dat hij al "
                                "weken rare berichten krijgt. Hij durft niet meer alleen naar de training. Wat zeg "
                                "je nu?",
                                "choices": [
                                    {
                                        "text": "'Goed dat je het vertelt. Heb je de berichten bewaard? Dan kijken we "
                                        "samen wat we kunnen doen.'",
                                        "outcome": "good",
                                        "consequence": "Sem voelt zich gesteund en laat de berichten zien. Het bewijs "
                                        "is er nog.",
                                        "next_step": "vervolg",
                                    },
                                    {
                                        "text": "'Weet je wie het is?'",
                                        "outcome": "partly",
                                        "consequence": "Een nuttige vraag, maar niet als eerste. Vraag ook hoe het met "
                                        "hem gaat en of de berichten bewaard zijn.",
                                        "next_step": "vervolg",
                                    },
                                    {
                                        "text": "'Waarom heb je dit niet eerder verteld?'",
                                        "outcome": "bad",
                                        "consequence": "Sem hoort een verwijt en klapt dicht. Hij laat de berichten "
                                        "niet meer zien. Beter is: 'Goed dat je het nu vertelt.'",
                                        "next_step": "vervolg",
                                        "sets": "dichtgeklapt",
                                    },
                                ],
                            },
                            {
                                "key": "vervolg",
                                "notes": [
                                    {
                                        "flag": "dichtgeklapt",
                                        "text": "Sem zegt weinig meer sinds jouw vraag waarom hij het niet eerder "
                                        "vertelde. Begin opnieuw met: 'Goed dat je het nu vertelt.'",
                                    }
                                ],
                                "situation": "Sem heeft screenshots. Het account is onbekend. Wat spreek je af?",
                                "choices": [
                                    {
                                        "text": "Je legt uit dat dit strafbaar kan zijn. Je zegt dat zijn ouders en de politie "
                                        "het moeten weten, en je bespreekt hoe jullie dat samen doen. Je vraagt over een "
                                        "paar dagen opnieuw hoe het gaat.",
                                        "outcome": "good",
                                        "consequence": "Goed. Sem weet wat er gaat gebeuren en staat er niet alleen "
                                        "voor. Jij blijft betrokken.",
                                        "next_step": "einde_betrokken",
                                    },
                                    {
                                        "text": "Je zegt dat hij het account moet blokkeren. Dan is het klaar.",
                                        "outcome": "partly",
                                        "consequence": "Blokkeren is een goede stap, maar dit is een doodsbedreiging. "
                                        "Bespreek ook de stap naar de politie, en houd contact.",
                                        "next_step": "einde_half",
                                    },
                                    {
                                        "text": "Je belooft dat je het voor je houdt, zoals Sem vraagt.",
                                        "outcome": "bad",
                                        "consequence": "Sem is minderjarig en wordt met de dood bedreigd. Dat kun je "
                                        "niet geheimhouden. Leg uit wie je inschakelt en waarom.",
                                        "next_step": "einde_geheim",
                                    },
                                ],
                            },
                        ],
                        "endings": [
                            {
                                "key": "einde_betrokken",
                                "verdict": "good",
                                "title": "Sem staat er niet alleen voor",
                                "explanation": "Je nam de doodsbedreiging serieus, ook al deed Sem luchtig. Je legde "
                                "uit wat kan, betrok zijn ouders en de politie, en blijft zelf in contact.",
                            },
                            {
                                "key": "einde_half",
                                "verdict": "partly",
                                "title": "Geblokkeerd, maar niet opgelost",
                                "explanation": "Blokkeren helpt even, maar een doodsbedreiging vraagt meer. Bespreek de "
                                "politie en houd contact.",
                            },
                            {
                                "key": "einde_geheim",
                                "verdict": "bad",
                                "title": "Een geheim dat je niet kunt houden",
                                "explanation": "Een minderjarige die met de dood bedreigd wordt, laat je niet alleen met "
                                "een geheim. Leg uit wie je inschakelt en waarom.",
                            },
                            {
                                "key": "einde_onder_radar",
                                "verdict": "bad",
                                "title": "De dreiging blijft onder de radar",
                                "explanation": "Door mee te lachen, hoorde Sem dat jij het ook niet serieus neemt. Neem "
                                "een dreiging altijd serieus, ook als het slachtoffer erom lacht.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een slachtoffer zegt: 'Ach, het stelt niks voor.' Wat doe je?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Je laat het rusten. Het slachtoffer weet zelf het best hoe erg het is.",
                                "correct": False,
                                "feedback": "Slachtoffers doen soms luchtig uit schaamte of angst. Neem het serieus "
                                "en vraag door.",
                            },
                            {
                                "key": "0",
                                "text": "Je neemt de bedreiging toch serieus en vraagt rustig door naar wat er gebeurd is.",
                                "correct": True,
                                "feedback": "Goed. Luchtig doen kan schaamte of angst verbergen.",
                            },
                            {
                                "key": "2",
                                "text": "Je zegt dat het slachtoffer zich niet zo groot moet houden.",
                                "correct": False,
                                "feedback": "Zo veroordeel je de manier waarop iemand met de situatie omgaat. Geef "
                                "ruimte en vraag door.",
                            },
                        ],
                    },
                },
            ],
        },
    ],
}
