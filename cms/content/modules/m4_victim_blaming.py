"""Module 4: preventing victim blaming."""

from cms.content.helpers import ModuleSpec

MODULE: ModuleSpec = {
    "slug": "victim-blaming-voorkomen",
    "title": "Victim blaming voorkomen",
    "intro": "<p>Victim blaming betekent: het slachtoffer (een deel van) de schuld geven van wat er gebeurd is. "
    "Vaak gebeurt dat zonder dat je het merkt of bedoelt. In deze module leer je victim blaming herkennen en "
    "voorkomen, bij jezelf en in je groep.</p>",
    "learning_goals": [
        "Je kunt uitleggen wat victim blaming is en waarom het schade doet.",
        "Je herkent zinnen die het slachtoffer indirect de schuld geven.",
        "Je kunt zulke zinnen vervangen door zinnen die steunen.",
        "Je weet hoe je reageert als een groep het slachtoffer de schuld geeft.",
    ],
    "estimated_minutes": 20,
    "audience": "all",
    "pass_mark": 80,
    "certificate_validity_months": 24,
    "lessons": [
        {
            "slug": "wat-is-victim-blaming",
            "title": "Wat is victim blaming?",
            "summary": "Het slachtoffer de schuld geven: wat het is, wie het doet en wat het met het slachtoffer doet.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Bij victim blaming leggen mensen de schuld van een misdrijf bij het slachtoffer, "
                    "en niet bij de dader. De dader kan dat doen, maar ook omstanders, vrienden, ouders of "
                    "professionals.</p>"
                    "<p>Vaak is het niet expres. Een goedbedoelde opmerking als 'Had je maar niet …' kan toch heel "
                    "kwetsend zijn. Het slachtoffer hoort dan: het is je eigen fout.</p>",
                },
                {
                    "type": "text",
                    "value": "<h3>Waarom het online extra vaak gebeurt</h3>"
                    "<ul>"
                    "<li>Als beelden of berichten rondgaan, reageren soms heel veel onbekenden. Een deel van hen "
                    "geeft het slachtoffer de schuld. Dat kan op enorme schaal gebeuren.</li>"
                    "<li>Niet iedereen kent online delicten goed. Politie, hulpverleners en de omgeving zien het "
                    "dan niet als misdrijf. Het slachtoffer krijgt dan sneller te horen dat het zelf iets fout "
                    "deed.</li>"
                    "<li>Wat niet herkend wordt, wordt ook niet aangepakt. Het slachtoffer blijft dan zonder hulp."
                    "</li>"
                    "</ul>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "let_op",
                        "title": "De gevolgen",
                        "text": "<p>Victim blaming maakt de schade groter. Het slachtoffer gaat zich schamen of "
                        "schuldig voelen. Het zoekt minder snel hulp en stapt minder vaak naar de politie. En het vertrouwt "
                        "jou en je organisatie minder.</p>",
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": "Denk aan een verhaal dat je hoorde over iemand van wie online beelden werden "
                        "gedeeld. Wat was je eerste gedachte? Ging die over de dader of over het slachtoffer?",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een collega zegt over een leerling van wie een naaktfoto rondgaat: 'Ze had die foto ook nooit "
                        "moeten maken.' Wat doet de collega hier?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Een goede tip geven, zodat het de leerling niet nog eens overkomt.",
                                "correct": False,
                                "feedback": "Nee. Het klinkt als een tip, maar het legt de schuld bij de leerling. Een tip "
                                "geef je later, als steun en niet als verwijt.",
                            },
                            {
                                "key": "2",
                                "text": "Aan preventie doen: uitleggen hoe je je online beschermt. Dat hoort bij goede nazorg.",
                                "correct": False,
                                "feedback": "Nee. Dit is geen uitleg maar een verwijt achteraf. Dat heet victim blaming.",
                            },
                            {
                                "key": "0",
                                "text": "Victim blaming: de leerling de schuld geven van wat een ander deed.",
                                "correct": True,
                                "feedback": "Goed. De verantwoordelijkheid wordt dan bij het slachtoffer gelegd in "
                                "plaats van bij de dader.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Wie kunnen zich schuldig maken aan victim blaming? Kies alle goede antwoorden.",
                        "multiple": True,
                        "options": [
                            {
                                "text": "De dader",
                                "correct": True,
                                "feedback": "Goed. Daders praten hun gedrag vaak goed door het slachtoffer de schuld "
                                "te geven.",
                            },
                            {
                                "text": "Omstanders, zoals klasgenoten of teamgenoten",
                                "correct": True,
                                "feedback": "Goed. Ook de groep kan het slachtoffer de schuld geven.",
                            },
                            {
                                "text": "Professionals, zoals docenten, trainers of hulpverleners",
                                "correct": True,
                                "feedback": "Goed. Ook professionals doen het soms, vaak zonder het te merken.",
                            },
                            {
                                "text": "Alleen mensen die het slachtoffer niet kennen",
                                "correct": False,
                                "feedback": "Nee. Juist mensen dichtbij, zoals vrienden, ouders en begeleiders, doen "
                                "het ook.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "zinnen-die-pijn-doen",
            "title": "Zinnen die pijn doen",
            "summary": "Sommige zinnen klinken behulpzaam, maar geven het slachtoffer toch de schuld. Zo zeg je "
            "het beter.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Victim blaming zit vaak in kleine woorden. Let op zinnen met 'waarom', 'had je "
                    "maar' of 'je moet ook niet'. Ze gaan over wat het slachtoffer anders had kunnen doen. Maar het "
                    "slachtoffer deed niets fout. De dader wel.</p>",
                },
                {
                    "type": "dialogue",
                    "value": {
                        "situation": "Een leerling van 17 vertelt dat haar ex een naaktfoto van haar heeft "
                        "doorgestuurd naar vrienden.",
                        "do_say": [
                            {
                                "text": "Het is niet oké wat hij gedaan heeft. Het is niet jouw schuld.",
                                "why": "Je legt de verantwoordelijkheid bij de dader.",
                            },
                            {
                                "text": "Je vertrouwde hem. Hij heeft ervoor gekozen dat vertrouwen te misbruiken.",
                                "why": "Een foto delen binnen een relatie is geen fout. Het doorsturen wel.",
                            },
                            {
                                "text": "We gaan samen kijken hoe we de foto zo snel mogelijk offline krijgen.",
                                "why": "Je richt je op wat zij nu nodig heeft.",
                            },
                        ],
                        "dont_say": [
                            {
                                "text": "Waarom stuur je zo'n foto ook?",
                                "why": "Dit is de bekendste vorm van victim blaming. Het doorsturen was de fout, "
                                "niet het maken.",
                            },
                            {
                                "text": "Zo gaat dat nou eenmaal op internet, dat had je kunnen weten.",
                                "why": "Zo maak je het slachtoffer verantwoordelijk voor het misbruik.",
                            },
                            {
                                "text": "Laat dit een les voor je zijn.",
                                "why": "Het slachtoffer hoeft geen les te leren. De dader moet stoppen.",
                            },
                        ],
                    },
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Zeg dit liever anders",
                        "items": [
                            "Niet: 'Waarom heb je niet eerder iets gezegd?' Wel: 'Goed dat je het nu vertelt.'",
                            "Niet: 'Had je je account maar op privé gezet.' Wel: 'Zullen we straks samen naar je "
                            "instellingen kijken?'",
                            "Niet: 'Je moet ook niet met vreemden chatten.' Wel: 'Die persoon heeft jouw vertrouwen "
                            "misbruikt.'",
                            "Niet: 'Stel je niet aan.' Wel: 'Ik merk dat dit je erg raakt.'",
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Een tip is geen verwijt",
                        "text": "<p>Wil je het slachtoffer helpen om zich in de toekomst beter te beschermen, "
                        "bijvoorbeeld met privacy-instellingen? Doe dat later, als de eerste schrik voorbij is. En "
                        "zeg erbij dat het een tip is, geen verwijt.</p>",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Welke zinnen zijn victim blaming? Kies alle goede antwoorden.",
                        "multiple": True,
                        "options": [
                            {
                                "text": "'Waarom heb je die foto ook gestuurd?'",
                                "correct": True,
                                "feedback": "Goed gezien. Deze vraag legt de schuld bij het slachtoffer.",
                            },
                            {
                                "text": "'Had je je account maar op privé gezet.'",
                                "correct": True,
                                "feedback": "Goed gezien. Achteraf zeggen wat het slachtoffer anders had moeten doen, "
                                "is een verwijt.",
                            },
                            {
                                "text": "'Het is niet oké wat hij gedaan heeft.'",
                                "correct": False,
                                "feedback": "Deze zin legt de verantwoordelijkheid juist bij de dader. Hij steunt het "
                                "slachtoffer.",
                            },
                            {
                                "text": "'Daar vraag je toch om, met zulke foto's op je profiel.'",
                                "correct": True,
                                "feedback": "Goed gezien. Niemand vraagt erom om bedreigd of misbruikt te worden.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een collega zegt tegen een sporter: 'Laat dit een les voor je zijn.' Wat is "
                        "daar mis mee?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Niets. Het is een goede tip voor de toekomst.",
                                "correct": False,
                                "feedback": "Het is geen tip maar een verwijt. Een tip geef je later, en zonder te "
                                "suggereren dat het slachtoffer schuld heeft.",
                            },
                            {
                                "key": "0",
                                "text": "Het klinkt alsof het slachtoffer iets fout deed en daarvan moet leren.",
                                "correct": True,
                                "feedback": "Goed. De fout ligt bij de dader, niet bij de sporter.",
                            },
                            {
                                "key": "2",
                                "text": "Het is wat streng gezegd, maar de inhoud klopt: de sporter kan hier echt van leren.",
                                "correct": False,
                                "feedback": "Het gaat niet om de toon. De zin legt de verantwoordelijkheid bij het "
                                "slachtoffer, terwijl de dader iets fout deed.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "victim-blaming-in-de-groep",
            "title": "Victim blaming in de groep",
            "summary": "Geeft een klas, een team of een groep ouders het slachtoffer de schuld? Dan grijp je in.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Victim blaming komt niet alleen van volwassenen. Ook klasgenoten, teamgenoten of "
                    "ouders geven het slachtoffer soms de schuld. 'Ze vroeg erom.' 'Hij moet niet zo gevoelig "
                    "doen.' Als niemand iets zegt, raakt het slachtoffer nog meer buitengesloten.</p>",
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Zo reageer je in de groep",
                        "items": [
                            "Zeg duidelijk dat het slachtoffer geen schuld heeft en dat de dader verantwoordelijk is.",
                            "Noem geen namen en vertel geen details over het slachtoffer.",
                            "Leg uit dat wie beelden doorstuurt, meedoet aan het misbruik. Dat kan strafbaar zijn.",
                            "Vraag de groep om gedeelde beelden te verwijderen en niet verder te sturen.",
                            "Zeg bij wie leerlingen of leden terechtkunnen als ze zich zorgen maken.",
                            "Bespreek vooraf met het slachtoffer wat je wel en niet in de groep zegt.",
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "wet",
                        "title": "Doorsturen is ook strafbaar",
                        "text": "<p>Intieme beelden van iemand verspreiden zonder toestemming is een misdrijf. Dat "
                        "geldt niet alleen voor wie ze als eerste deelde. Ook wie ze daarna doorstuurt, kan straf "
                        "krijgen. Was de persoon op de beelden jonger dan 18 toen ze gemaakt werden? Dan kan ook het "
                        "bewaren ervan "
                        "strafbaar zijn.</p>",
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": "Wat zou jij zeggen als je in de teamapp leest: 'Eigen schuld, had ze die foto "
                        "maar niet moeten sturen'?",
                    },
                },
                {
                    "type": "scenario",
                    "value": {
                        "title": "De kleedkamer",
                        "intro": "Je bent coach van een jongensteam onder 17. Er gaat een naaktfoto van Jesse rond. "
                        "In de kleedkamer hoor je gelach.",
                        "steps": [
                            {
                                "key": "start",
                                "situation": "Een speler roept: 'Eigen schuld, wie stuurt er nou zo'n foto!' Anderen "
                                "knikken. Jesse is er niet bij. Wat doe je?",
                                "choices": [
                                    {
                                        "text": "Je zegt rustig maar duidelijk: 'Stop. Jesse heeft niets fout gedaan. "
                                        "Wie die foto doorstuurt, doet wel iets fout. Dat kan zelfs strafbaar zijn.'",
                                        "outcome": "good",
                                        "consequence": "Het wordt stil. De spelers horen dat jij de grens trekt bij de "
                                        "verspreiders, niet bij Jesse.",
                                        "next_step": "foto",
                                    },
                                    {
                                        "text": "Je zegt: 'Jongens, Jesse was ook wel dom, maar laat hem nu met rust.'",
                                        "outcome": "partly",
                                        "consequence": "Je wilt het pesten stoppen, maar je noemt Jesse dom. Daarmee "
                                        "geef je hem toch een deel van de schuld.",
                                        "next_step": "foto",
                                    },
                                    {
                                        "text": "Je zegt niets. Dit is niet iets voor de kleedkamer.",
                                        "outcome": "bad",
                                        "sets": "gezwegen",
                                        "consequence": "Door te zwijgen lijkt het alsof je het ermee eens bent. De "
                                        "spelers denken dat het oké is om zo over Jesse te praten.",
                                        "next_step": "foto",
                                    },
                                ],
                            },
                            {
                                "key": "foto",
                                "situation": "Twee spelers hebben de foto nog op hun telefoon. Wat vraag je?",
                                "choices": [
                                    {
                                        "text": "Je vraagt ze de foto te verwijderen en niet door te sturen. Je legt "
                                        "uit waarom. Zelf kijk je niet naar de foto.",
                                        "outcome": "good",
                                        "consequence": "Ze verwijderen de foto. Door uitleg te geven snappen ze dat het "
                                        "geen grap is. Jij noteert wie de foto had en van wie, voor de politie.",
                                        "next_step": "jesse",
                                    },
                                    {
                                        "text": "Je houdt hun telefoons vast tot de training voorbij is.",
                                        "outcome": "partly",
                                        "consequence": "Je wilt verdere verspreiding stoppen, maar zo los je het niet "
                                        "op. Vraag ze de foto te verwijderen en overleg met wie bij de club over integriteit "
                                        "gaat.",
                                        "next_step": "jesse",
                                    },
                                    {
                                        "text": "Je vraagt ze de foto naar jou te sturen, zodat jij bewijs hebt.",
                                        "outcome": "bad",
                                        "sets": "foto_bij_jou",
                                        "consequence": "Nu staat een naaktbeeld van een minderjarige op jouw telefoon. "
                                        "Dat bewaren is strafbaar, en je hebt de foto zelf verder verspreid.",
                                        "next_step": "jesse",
                                    },
                                ],
                            },
                            {
                                "key": "jesse",
                                "notes": [
                                    {
                                        "flag": "foto_bij_jou",
                                        "text": "De foto staat nog op jouw telefoon. Stuur hem nergens heen. Meld "
                                        "vandaag nog bij de politie wat er gebeurd is en volg hun advies.",
                                    },
                                    {
                                        "flag": "gezwegen",
                                        "text": "Jesse heeft gehoord dat jij niets zei in de kleedkamer. Hij twijfelt "
                                        "of hij je kan vertrouwen.",
                                    },
                                ],
                                "situation": "De volgende dag spreek je Jesse. Wat zeg je?",
                                "choices": [
                                    {
                                        "text": "'Ik heb gehoord wat er gebeurd is. Het is niet jouw schuld. Hoe gaat "
                                        "het met je, en wat heb je nodig?'",
                                        "outcome": "good",
                                        "consequence": "Jesse voelt zich gesteund. Je zegt eerlijk dat zijn ouders en de "
                                        "politie het moeten weten, en hoe jullie dat samen doen. Jullie kijken ook hoe de "
                                        "foto offline kan.",
                                        "next_step": "einde_steun",
                                    },
                                    {
                                        "text": "'Zullen we het maar laten rusten? Dan waait het vanzelf over.'",
                                        "outcome": "bad",
                                        "consequence": "Jesse voelt zich alleen gelaten. De foto gaat misschien nog "
                                        "rond, terwijl je die offline kunt laten halen.",
                                        "next_step": "einde_alleen",
                                    },
                                    {
                                        "text": "'Ik zou voortaan wat beter opletten met wat je stuurt.'",
                                        "outcome": "bad",
                                        "consequence": "Dit is victim blaming. Jesse hoort dat het zijn eigen schuld "
                                        "is, en zal niet snel meer hulp vragen.",
                                        "next_step": "einde_schuld",
                                    },
                                ],
                            },
                        ],
                        "endings": [
                            {
                                "key": "einde_steun",
                                "verdict": "good",
                                "title": "Jesse voelt zich gesteund",
                                "explanation": "De schuld ligt bij wie de foto verspreidt, niet bij Jesse. Je steunt "
                                "hem en jullie werken samen aan het offline halen. Zijn ouders en de politie horen het "
                                "ook.",
                            },
                            {
                                "key": "einde_alleen",
                                "verdict": "bad",
                                "title": "Jesse blijft alleen achter",
                                "explanation": "Je bedoelt het goed, maar laten rusten helpt niet. De foto kan offline, "
                                "en Jesse heeft steun nodig.",
                            },
                            {
                                "key": "einde_schuld",
                                "verdict": "bad",
                                "title": "Jesse hoort dat het zijn schuld is",
                                "explanation": "Een goedbedoelde tip op dit moment is victim blaming. Jesse zal niet "
                                "snel meer om hulp vragen.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een ouder zegt bij de club: 'Dat meisje moet ook niet zulke foto's op Instagram "
                        "zetten.' Wat is een goede reactie?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "0",
                                "text": "'Niet zij, maar wie haar foto's misbruikt, doet fout.'",
                                "correct": True,
                                "feedback": "Goed. Je legt de verantwoordelijkheid bij de dader, zonder de ouder aan "
                                "te vallen.",
                            },
                            {
                                "key": "1",
                                "text": "'U heeft gelijk, maar dat zeggen we niet hardop.'",
                                "correct": False,
                                "feedback": "Zo ga je mee in het verwijt. Het slachtoffer heeft geen schuld.",
                            },
                            {
                                "key": "2",
                                "text": "'Daar heeft u een punt, ze is zelf ook niet voorzichtig.'",
                                "correct": False,
                                "feedback": "Dit is victim blaming. Foto's delen op je eigen profiel geeft niemand het "
                                "recht om je te bedreigen of te misbruiken.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een leerling heeft een naaktfoto van een klasgenoot doorgestuurd, 'omdat "
                        "iedereen dat deed'. Wat klopt?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Alleen wie de foto als eerste deelde, is strafbaar.",
                                "correct": False,
                                "feedback": "Nee. Ook doorsturen is verspreiden zonder toestemming.",
                            },
                            {
                                "key": "2",
                                "text": "Doorsturen is niet erg als de foto toch al rondging.",
                                "correct": False,
                                "feedback": "Nee. Elke keer dat de foto wordt doorgestuurd, wordt de schade voor het "
                                "slachtoffer groter.",
                            },
                            {
                                "key": "0",
                                "text": "Ook wie doorstuurt, kan strafbaar zijn.",
                                "correct": True,
                                "feedback": "Goed. Niet alleen wie de foto als eerste deelde, ook wie hem verder "
                                "stuurt kan straf krijgen.",
                            },
                        ],
                    },
                },
            ],
        },
    ],
}
