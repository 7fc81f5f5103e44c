"""Module 2: acting on a suspicion, vulnerable victims, hate crime, asking for advice, an unsafe home."""

from cms.content.helpers import ModuleSpec, callout, check, country, option, text

MODULE: ModuleSpec = {
    "slug": "signalen-herkennen",
    "title": "Signalen herkennen",
    "intro": "<p>Niet elk slachtoffer vertelt uit zichzelf wat er speelt. In deze module leer je wat je doet met "
    "een vermoeden. Je leert welke slachtoffers extra kwetsbaar zijn, hoe je een hate crime herkent en bij wie "
    "je advies kunt vragen. En wat je doet als het thuis niet veilig is.</p>",
    "learning_goals": [
        "Je weet wat je kunt doen als je iets vermoedt, maar het niet zeker weet.",
        "Je kunt uitleggen waardoor een slachtoffer extra kwetsbaar kan zijn.",
        "Je herkent een hate crime en weet waarom het slachtoffer dat bij de politie noemt.",
        "Je weet wanneer je overlegt, advies vraagt of meldt, ook als het thuis niet veilig is.",
    ],
    "estimated_minutes": 35,
    "audience": "all",
    "pass_mark": 75,
    "certificate_validity_months": 24,
    "lessons": [
        {
            "slug": "een-vermoeden-wat-doe-je",
            "title": "Een vermoeden: wat doe je?",
            "summary": "Je hebt het gevoel dat er iets mis is, maar je weet het niet zeker. Zo ga je daarmee om.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Soms zie je dat er iets niet klopt, maar weet je niet wat. Een leerling is stil. "
                    "Een sporter komt niet meer naar de training. Iemand schrikt elke keer als de telefoon trilt. "
                    "Dat kan met online bedreiging te maken hebben, maar ook met iets anders.</p>"
                    "<p>Een onderbuikgevoel is geen bewijs. Maar het is wel een goede reden om beter op te letten "
                    "en het gesprek aan te gaan.</p>",
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Signalen die je kunnen opvallen",
                        "items": [
                            "Iemand trekt zich terug of zegt veel minder dan eerst.",
                            "Iemand kijkt gespannen naar de telefoon, of wil de telefoon juist niet meer gebruiken.",
                            "Iemand is vaker afwezig, of stopt opeens met sporten of vrijwilligerswerk.",
                            "Er wordt gefluisterd of gelachen als iemand binnenkomt.",
                            "Iemand ontloopt bepaalde personen, plekken of chatgroepen.",
                            "Iemand slaapt slecht, is moe of kan zich slecht concentreren.",
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "let_op",
                        "title": "Signalen bewijzen niets",
                        "text": "<p>Deze signalen kunnen ook een andere oorzaak hebben. Ze zeggen alleen: let op, "
                        "en vraag hoe het gaat. Trek geen conclusies voordat je met de persoon zelf hebt "
                        "gepraat.</p>",
                    },
                },
                {
                    "type": "text",
                    "value": "<h3>Zo pak je het aan</h3>"
                    "<ol>"
                    "<li><b>Kijk en noteer.</b> Schrijf kort op wat je ziet en wanneer. Zonder oordeel.</li>"
                    "<li><b>Ga het gesprek aan.</b> Vertel wat je opvalt en vraag hoe het gaat. Dring niet aan.</li>"
                    "<li><b>Bied steun aan.</b> Laat weten dat de ander altijd bij je terechtkan.</li>"
                    "<li><b>Overleg.</b> Je hoeft het niet alleen te doen. Bespreek je zorgen met een collega of "
                    "vraag advies.</li>"
                    "</ol>"
                    "<p>In dit portaal helpt de Signalenwijzer je om je onderbuikgevoel te onderzoeken, het gesprek "
                    "te beginnen en de juiste steun te bieden.</p>",
                },
                {
                    "type": "dialogue",
                    "value": {
                        "situation": "Een leerling is de laatste weken stil en zit in de pauze alleen. Je wilt het "
                        "gesprek beginnen.",
                        "do_say": [
                            {
                                "text": "Ik zie dat je de laatste tijd stiller bent. Hoe gaat het met je?",
                                "why": "Je vertelt wat je ziet, zonder oordeel.",
                            },
                            {
                                "text": "Je hoeft niets te vertellen. Maar als je wilt praten, ben ik er.",
                                "why": "De ander bepaalt zelf wat hij vertelt.",
                            },
                        ],
                        "dont_say": [
                            {
                                "text": "Word je soms gepest op je telefoon? Zeg het nou maar.",
                                "why": "Dit voelt als een verhoor en zet de ander onder druk.",
                            },
                            {
                                "text": "Er is vast niks aan de hand, toch?",
                                "why": "Zo maak je het moeilijk om toch iets te vertellen.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Je hebt het gevoel dat een sporter online wordt lastiggevallen, maar je weet "
                        "het niet zeker. Wat is een goede eerste stap?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Wachten tot de sporter zelf komt, want je weet het niet zeker.",
                                "correct": False,
                                "feedback": "Slachtoffers vertellen het vaak niet uit zichzelf. Een vermoeden is "
                                "een reden om zelf het gesprek te beginnen.",
                            },
                            {
                                "key": "2",
                                "text": "De telefoon van de sporter bekijken om bewijs te zoeken.",
                                "correct": False,
                                "feedback": "Dat schaadt het vertrouwen en de privacy. Vraag of de sporter zelf iets "
                                "wil laten zien.",
                            },
                            {
                                "key": "0",
                                "text": "Rustig een gesprek beginnen en vertellen wat je opvalt.",
                                "correct": True,
                                "feedback": "Goed. Zo geef je de sporter de kans om te vertellen, zonder druk.",
                            },
                            {
                                "key": "3",
                                "text": "Het hele team vragen of iemand iets weet.",
                                "correct": False,
                                "feedback": "Zo deel je een vermoeden met een hele groep. Dat kan de sporter "
                                "schaden. Begin bij de sporter zelf en overleg eventueel met een collega.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "extra-kwetsbare-slachtoffers",
            "title": "Extra kwetsbare slachtoffers",
            "summary": "Wie iemand is en in welke situatie iemand zit, bepaalt mee hoe zwaar een bedreiging aankomt.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Dezelfde bedreiging raakt niet iedereen even hard. Kijk daarom niet alleen naar "
                    "wat er gebeurd is. Kijk ook naar wie het slachtoffer is en in welke situatie het zit. Zo "
                    "schat je beter in hoe groot de impact is en hoe snel je moet handelen.</p>",
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Een slachtoffer kan extra kwetsbaar zijn als het:",
                        "items": [
                            "minderjarig is;",
                            "een licht verstandelijke beperking heeft;",
                            "psychische problemen heeft;",
                            "afhankelijk is van de dader, bijvoorbeeld van een ouder, partner, trainer of begeleider;",
                            "een relatie met de dader heeft die het eigenlijk niet wil;",
                            "weinig steun heeft in de eigen omgeving, bijvoorbeeld geen familie of vrienden om op "
                            "terug te vallen.",
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "let_op",
                        "title": "Afhankelijkheid maakt praten moeilijk",
                        "text": "<p>Is het slachtoffer afhankelijk van de dader? Dan durft het vaak niet te "
                        "vertellen wat er gebeurt. Het is bang voor de gevolgen. Bijvoorbeeld dat het een plek in "
                        "het team, een woonplek of een relatie kwijtraakt. Neem hier de tijd voor. Zoek samen met "
                        "collega's naar een veilige aanpak.</p>",
                    },
                },
                {
                    "type": "text",
                    "value": "<h3>Wat betekent dit voor jou?</h3>"
                    "<ul>"
                    "<li>Leg in eenvoudige woorden uit wat er kan gebeuren en welke keuzes er zijn.</li>"
                    "<li>Check of de ander het begrijpt. Vraag bijvoorbeeld om het in eigen woorden te zeggen.</li>"
                    "<li>Betrek bij een minderjarige de ouders of verzorgers, tenzij dat niet veilig is. Overleg "
                    "in dat geval eerst.</li>"
                    "<li>Handel sneller en vraag eerder advies.</li>"
                    "</ul>",
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": "Denk aan iemand in jouw groep die extra kwetsbaar zou kunnen zijn. Wat zou jij "
                        "anders doen als die persoon online bedreigd wordt?",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Welke omstandigheden kunnen een slachtoffer extra kwetsbaar maken? Kies alle "
                        "goede antwoorden.",
                        "multiple": True,
                        "options": [
                            {
                                "text": "Het slachtoffer is minderjarig.",
                                "correct": True,
                                "feedback": "Goed. Kinderen en jongeren hebben extra bescherming en steun nodig.",
                            },
                            {
                                "text": "Het slachtoffer is afhankelijk van de dader.",
                                "correct": True,
                                "feedback": "Goed. Wie afhankelijk is, durft vaak niet te praten of in te grijpen.",
                            },
                            {
                                "text": "Het slachtoffer heeft een licht verstandelijke beperking.",
                                "correct": True,
                                "feedback": "Goed. Het slachtoffer overziet de situatie en de gevolgen dan soms "
                                "minder goed.",
                            },
                            {
                                "text": "Het slachtoffer heeft veel volgers op sociale media.",
                                "correct": False,
                                "feedback": "Veel volgers maakt iemand niet kwetsbaarder. Het kan wel zorgen dat "
                                "iets sneller rondgaat. Let vooral op leeftijd, beperkingen, psychische problemen en "
                                "afhankelijkheid.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "hate-crime-herkennen",
            "title": "Hate crime herkennen",
            "summary": "Wordt iemand bedreigd om wie die is? Dan kan het om hate crime of discriminatie gaan.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Soms wordt iemand bedreigd om een persoonskenmerk. Bijvoorbeeld omdat iemand homo "
                    "is, een bepaald geloof heeft of als vluchteling naar Nederland of België kwam. Dan kan het gaan "
                    "om hate crime of discriminatie.</p>"
                    "<p>Een hate crime komt vaak extra hard aan. Het gaat niet om iets wat het slachtoffer gedaan "
                    "heeft, maar om wie het is. Dat kan het slachtoffer niet veranderen. Het voelt daardoor ook als "
                    "een aanval op een hele groep.</p>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "wet",
                        "title": "Een hate crime kan zwaarder bestraft worden",
                        "text": "<p>Raad het slachtoffer daarom aan om bij de politie te zeggen dat het misschien "
                        "om een hate crime gaat. Neem bij een hate crime altijd contact op met de politie. De "
                        "politie vertelt je welke stappen er mogelijk zijn.</p>",
                    },
                },
                {
                    "type": "questions_to_ask",
                    "value": {
                        "intro": "Om te ontdekken of het om een hate crime gaat, kun je vragen:",
                        "questions": [
                            "Wat werd er precies gezegd of geschreven?",
                            "Gaat het over wie je bent, bijvoorbeeld je geloof, je afkomst of op wie je valt?",
                            "Krijgen meer mensen dit soort berichten?",
                            "Gebeurt dit vaker?",
                        ],
                    },
                },
                country(
                    "NL",
                    text(
                        "<p>In Nederland doet het slachtoffer aangifte bij de politie (0900-8844). Discriminatie "
                        "melden kan ook bij discriminatie.nl, het meldpunt van de antidiscriminatievoorzieningen.</p>"
                    ),
                ),
                country(
                    "BE",
                    text(
                        "<p>In België dient het slachtoffer klacht in bij de lokale politiezone. Haat en "
                        "discriminatie melden kan ook bij Unia. Unia helpt het slachtoffer gratis.</p>"
                    ),
                ),
                {
                    "type": "text",
                    "value": "<h3>Let ook op de groep</h3>"
                    "<p>Bij online haatzaaien worden vaak meer mensen geraakt. Ook als de berichten over één "
                    "persoon gaan, kunnen anderen met hetzelfde kenmerk zich onveilig voelen. Let daarom ook op "
                    "hen.</p>",
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een meisje uit je klas krijgt berichten als 'ga terug naar je eigen land, "
                        "anders maken we je af'. Wat doe je?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Je bespreekt het alleen in de klas, want onder leerlingen is dit vooral pesten.",
                                "correct": False,
                                "feedback": "Een gesprek met de klas kan helpen, maar dit is een doodsbedreiging "
                                "vanwege afkomst. Dat is ernstig en hoort bij de politie.",
                            },
                            {
                                "key": "0",
                                "text": "Je schakelt de politie in en zegt erbij dat het om haat kan gaan, omdat het over haar afkomst gaat.",
                                "correct": True,
                                "feedback": "Goed. Bij een hate crime schakel je altijd de politie in. Een hate "
                                "crime kan zwaarder bestraft worden, dus de politie moet het weten.",
                            },
                            {
                                "key": "2",
                                "text": "Je zegt dat ze beter even niet over haar afkomst kan praten.",
                                "correct": False,
                                "feedback": "Zo leg je de oplossing bij het slachtoffer, alsof zij iets fout doet. "
                                "Het probleem ligt bij de dader.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "overleggen-en-advies-vragen",
            "title": "Overleggen en advies vragen",
            "summary": "Je hoeft het niet alleen te doen. Overleg met collega's of bel een advieslijn voor "
            "professionals.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Soms voel je dat er meer aan de hand is, maar krijg je niet precies helder wat er "
                    "gebeurd is. Dan weet je ook niet goed wat de beste stap is. Dat is normaal. Je hoeft dit niet "
                    "alleen op te lossen.</p>"
                    "<h3>Overleg met collega's</h3>"
                    "<p>Bespreek de situatie met een collega, de zorgcoördinator van je school, het clubbestuur of het "
                    "bestuur. Samen zie je meer. Deel alleen wat nodig is. En vertel het slachtoffer met wie je "
                    "overlegt.</p>",
                },
                country(
                    "NL",
                    callout(
                        "tip",
                        "Advieslijn voor professionals",
                        "<p>Wil je met een deskundige overleggen over een situatie? Bel de Advieslijn voor "
                        "professionals van Slachtofferhulp Nederland: <b>0900-0101</b>. Kies <b>optie 3</b> in het "
                        "keuzemenu.</p><p>Ook de politie (0900-8844) kan je vertellen welke stappen mogelijk zijn. "
                        "Op school overleg je met de zorgcoördinator of de vertrouwenspersoon.</p>",
                    ),
                ),
                country(
                    "BE",
                    callout(
                        "tip",
                        "Advies voor professionals",
                        "<p>Wil je met een deskundige overleggen? Het CAW helpt bij vragen over slachtoffers. Bij "
                        "geweld, misbruik of kindermishandeling kun je ook als professional <b>1712</b> bellen.</p>"
                        "<p>Op school overleg je met het CLB. In een sportclub kun je terecht bij de API, het "
                        "aanspreekpunt integriteit. Ook de lokale politiezone kan je vertellen welke stappen mogelijk "
                        "zijn.</p>",
                    ),
                ),
                {
                    "type": "checklist",
                    "value": {
                        "title": "Zet dit klaar voordat je belt of overlegt",
                        "items": [
                            "Wat is er gebeurd, en sinds wanneer?",
                            "Welke vorm van online bedreiging is het, denk je?",
                            "Wat weet je over de dader?",
                            "Is het slachtoffer extra kwetsbaar?",
                            "Welk bewijs is er bewaard?",
                            "Wat heb je al gedaan, en wat wil het slachtoffer zelf?",
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "let_op",
                        "title": "Word je zelf bedreigd?",
                        "text": "<p>Ook als professional of vrijwilliger kun je zelf slachtoffer worden van online "
                        "bedreiging. Zoek dan ook steun voor jezelf, bij je organisatie en bij slachtofferhulp.</p>",
                    },
                },
                {
                    "type": "scenario",
                    "value": {
                        "title": "Een gevoel dat niet weggaat",
                        "intro": "Je bent mentor van Daan (15). Hij heeft een licht verstandelijke beperking. De "
                        "laatste weken komt hij vaak te laat en hij kijkt je niet meer aan.",
                        "steps": [
                            {
                                "key": "start",
                                "situation": "In de pauze zie je Daan schrikken als zijn telefoon trilt. Hij stopt "
                                "hem snel weg. Wat doe je?",
                                "choices": [
                                    {
                                        "text": "Je vraagt of hij na de les even tijd heeft. Je zegt dat je ziet dat "
                                        "hij schrikt van zijn telefoon, en vraagt hoe het gaat.",
                                        "outcome": "good",
                                        "consequence": "Daan voelt zich gezien. Omdat jij begint, hoeft hij het "
                                        "onderwerp niet zelf aan te snijden.",
                                        "next_step": "gesprek",
                                    },
                                    {
                                        "text": "Je wacht af. Als er echt iets is, komt hij wel naar je toe.",
                                        "outcome": "bad",
                                        "consequence": "Jongeren met een beperking vertellen vaak niet uit zichzelf "
                                        "wat er speelt. Twee weken later komt Daan alsnog, maar het is erger "
                                        "geworden.",
                                        "next_step": "gesprek",
                                        "sets": "gewacht",
                                    },
                                    {
                                        "text": "Je pakt zijn telefoon af en kijkt wat erop staat.",
                                        "outcome": "bad",
                                        "consequence": "Daan voelt zich betrapt en vernederd. Hij zal je niet snel "
                                        "meer iets vertellen. En je schendt zijn privacy.",
                                        "next_step": "einde_dicht",
                                    },
                                ],
                            },
                            {
                                "key": "gesprek",
                                "notes": [
                                    {
                                        "flag": "gewacht",
                                        "text": "Omdat je twee weken wachtte, heeft Daan intussen al één foto "
                                        "gestuurd. De dreigingen zijn heftiger geworden.",
                                    }
                                ],
                                "situation": "Daan vertelt dat iemand die hij via een game kent, hem steeds "
                                "berichten stuurt. Die persoon wil foto's van hem en schrijft: 'Anders vertel ik "
                                "alles aan je moeder.' Daan snapt niet goed wat er gebeurt. Wat doe je?",
                                "choices": [
                                    {
                                        "text": "Je zegt dat hij het goed deed om het te vertellen. Hij wist de chat "
                                        "niet: die blijft op zijn eigen telefoon. Jij kijkt niet naar foto's. Je bespreekt "
                                        "het met de collega die de zorg coördineert.",
                                        "outcome": "good",
                                        "consequence": "Daan voelt zich gesteund. Het bewijs blijft op zijn telefoon, en "
                                        "jij hebt geen beelden gezien of bewaard. Je staat er niet alleen voor.",
                                        "next_step": "advies",
                                    },
                                    {
                                        "text": "Je zegt dat hij die persoon blokkeert en de chat wist. Dan is het klaar.",
                                        "outcome": "partly",
                                        "sets": "chat_weg",
                                        "consequence": "Daan wist de chat. Blokkeren kan helpen, maar dit lijkt op "
                                        "grooming of sextortion. Nu is het bewijs weg.",
                                        "next_step": "advies",
                                    },
                                    {
                                        "text": "Je vraagt: 'Waarom ben je daar ook op ingegaan?'",
                                        "outcome": "bad",
                                        "consequence": "Daan schaamt zich nog meer. Met zo'n vraag leg je de schuld "
                                        "bij hem, terwijl hij het slachtoffer is.",
                                        "next_step": "advies",
                                    },
                                ],
                            },
                            {
                                "key": "advies",
                                "notes": [
                                    {
                                        "flag": "chat_weg",
                                        "text": "Daan heeft de chat gewist. Vertel dat aan de politie. Die kan soms nog "
                                        "gegevens opvragen bij de game.",
                                    }
                                ],
                                "situation": "Jij en je collega van de leerlingenzorg weten niet zeker hoe ernstig dit is en wat "
                                "de beste stap is. Wat doen jullie?",
                                "choices": [
                                    {
                                        "text": "Jullie vragen advies bij een advieslijn voor professionals en nemen contact op "
                                        "met de politie en met Daans ouders.",
                                        "outcome": "good",
                                        "consequence": "Goed. Daan is minderjarig en extra kwetsbaar, en iemand vraagt "
                                        "hem om beelden onder dreiging. Een deskundige en de politie helpen je de "
                                        "juiste stappen te zetten.",
                                        "next_step": "einde_samen",
                                    },
                                    {
                                        "text": "Jullie sturen een mail met Daans naam naar alle docenten, zodat "
                                        "iedereen kan meedenken.",
                                        "outcome": "partly",
                                        "consequence": "Overleggen is goed, maar deel alleen wat nodig is, met wie het "
                                        "moet weten. Een groepsmail met zijn naam kan Daan schaden.",
                                        "next_step": "einde_half",
                                    },
                                    {
                                        "text": "Jullie houden het stil, zodat Daan zich niet hoeft te schamen bij zijn "
                                        "ouders.",
                                        "outcome": "bad",
                                        "consequence": "Zo staat Daan alleen tegenover de dader. Bij een minderjarige "
                                        "en een mogelijk strafbaar feit is stilhouden geen optie.",
                                        "next_step": "einde_alleen",
                                    },
                                ],
                            },
                        ],
                        "endings": [
                            {
                                "key": "einde_samen",
                                "verdict": "good",
                                "title": "Daan krijgt hulp",
                                "explanation": "Je begon zelf het gesprek, bleef rustig en schakelde deskundigen, de "
                                "politie en zijn ouders in. Voor een kwetsbare jongere is dat precies nodig.",
                            },
                            {
                                "key": "einde_half",
                                "verdict": "partly",
                                "title": "Hulp, maar te veel mensen weten het",
                                "explanation": "Overleg is goed, maar Daans naam ging naar alle docenten. Deel alleen "
                                "wat nodig is, met wie moet helpen.",
                            },
                            {
                                "key": "einde_alleen",
                                "verdict": "bad",
                                "title": "Daan staat er alleen voor",
                                "explanation": "Bij een minderjarige die onder druk om beelden wordt gevraagd, is "
                                "stilhouden geen optie. Zijn ouders en de politie moeten het weten.",
                            },
                            {
                                "key": "einde_dicht",
                                "verdict": "bad",
                                "title": "Daan klapt dicht",
                                "explanation": "Een telefoon afpakken schaadt het vertrouwen. Begin met een rustig "
                                "gesprek over wat je ziet.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een sporter vertelt over nare berichten. Je weet niet of het ernstig is en welke stap past. "
                        "Er is geen direct gevaar. Wanneer bel je een advieslijn voor professionals?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Pas als het slachtoffer al bij de politie is geweest, eerder heeft het geen zin.",
                                "correct": False,
                                "feedback": "Nee. Je kunt ook bellen als nog niet duidelijk is wat er gebeurd is of "
                                "wat de juiste stap is.",
                            },
                            {
                                "key": "0",
                                "text": "Nu al: je twijfelt over de juiste stap, en daar is zo'n lijn juist voor.",
                                "correct": True,
                                "feedback": "Goed. Daar is een advieslijn voor. Je hoeft niet te wachten tot alles duidelijk is.",
                            },
                            {
                                "key": "2",
                                "text": "Alleen als het gevaar acuut is, want advies is voor noodsituaties.",
                                "correct": False,
                                "feedback": "Nee. Bij acuut gevaar bel je 112. Een advieslijn is voor overleg en advies.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Je overlegt met een collega over een leerling die online bedreigd wordt. Wat is "
                        "verstandig? Kies alle goede antwoorden.",
                        "multiple": True,
                        "options": [
                            {
                                "text": "Alleen delen wat nodig is om goed te kunnen helpen.",
                                "correct": True,
                                "feedback": "Goed. Zo bescherm je de privacy van de leerling.",
                            },
                            {
                                "text": "De leerling vertellen met wie je overlegt.",
                                "correct": True,
                                "feedback": "Goed. Zo blijft het vertrouwen heel en weet de leerling waar hij aan "
                                "toe is.",
                            },
                            {
                                "text": "Het verhaal in de personeelskamer vertellen, zodat iedereen kan opletten.",
                                "correct": False,
                                "feedback": "Nee. Dan weten te veel mensen ervan. Bespreek het alleen met wie echt "
                                "moet helpen.",
                            },
                            {
                                "text": "Pas overleggen als je alles precies weet.",
                                "correct": False,
                                "feedback": "Juist als je nog niet alles weet, helpt overleg om de volgende stap te "
                                "kiezen.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een jongen in je team krijgt haatberichten omdat hij homo is. Een collega zegt: 'Pesten is pesten.' "
                        "Waarom komt dit vaak harder aan?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Omdat de dader bij haatberichten bijna altijd iemand uit de eigen klas of groep is.",
                                "correct": False,
                                "feedback": "Nee. De dader kan ook een onbekende zijn. Het gaat erom dat iemand wordt "
                                "aangevallen om wie die is.",
                            },
                            {
                                "key": "2",
                                "text": "Omdat berichten online altijd harder aankomen dan dezelfde woorden op straat.",
                                "correct": False,
                                "feedback": "Nee. Hate crime kan online en offline gebeuren. De extra impact komt "
                                "doordat het om een persoonskenmerk gaat.",
                            },
                            {
                                "key": "0",
                                "text": "Omdat het gaat om wie hij is, en niet om iets wat hij deed.",
                                "correct": True,
                                "feedback": "Goed. Een persoonskenmerk kun je niet veranderen. Dat maakt de impact "
                                "groter.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "als-het-thuis-niet-veilig-is",
            "title": "Als het thuis niet veilig is",
            "summary": "Soms hangt online bedreiging samen met geweld of onveiligheid thuis. Dan volg je een vaste "
            "route en vraag je advies.",
            "body": [
                text(
                    "<p>Meestal betrek je bij een minderjarige de ouders of verzorgers. Maar soms is het thuis niet "
                    "veilig. Bijvoorbeeld als een ouder de telefoon van een kind controleert en dan slaat. Of als een "
                    "ouder de ex-partner stalkt via de telefoon van het kind. Of als een familielid de dader is.</p>"
                    "<p>Dan ga je niet eerst met de ouders praten. Zo'n gesprek kan het kind in gevaar brengen. Je "
                    "overlegt eerst en vraagt advies. Is er nu gevaar? Bel dan 112.</p>"
                ),
                {
                    "type": "checklist",
                    "value": {
                        "title": "Signalen dat het thuis niet veilig kan zijn",
                        "items": [
                            "Het kind is bang voor wat een ouder doet als die iets op de telefoon vindt.",
                            "Het kind heeft verwondingen die het niet goed kan verklaren.",
                            "Een ouder volgt het kind of de andere ouder via apps of locatie.",
                            "Het kind wil niet naar huis, of juist nooit weg van huis.",
                            "Een familielid stuurt het kind seksuele berichten of beelden.",
                        ],
                    },
                },
                country(
                    "NL",
                    text(
                        "<h3>De meldcode</h3>"
                        "<p>Scholen, zorg en kinderopvang in Nederland werken met de meldcode huiselijk geweld en "
                        "kindermishandeling. Die heeft vijf stappen:</p>"
                        "<ol>"
                        "<li>Breng de signalen in kaart. Schrijf feiten op, geen meningen.</li>"
                        "<li>Overleg met een collega, zoals de aandachtsfunctionaris. Vraag zo nodig advies aan Veilig "
                        "Thuis.</li>"
                        "<li>Praat met het kind, en als dat veilig is met de ouders.</li>"
                        "<li>Weeg het geweld of de mishandeling: hoe ernstig is het, en is er acuut gevaar?</li>"
                        "<li>Beslis: zelf hulp organiseren, en bij acuut of structureel gevaar melden bij Veilig "
                        "Thuis.</li>"
                        "</ol>"
                        "<p>Werk je bij een sportclub of als vrijwilliger? Ook dan kun je Veilig Thuis bellen: "
                        "<b>0800-2000</b>, gratis en dag en nacht. Je mag daar ook eerst anoniem advies vragen. "
                        "Kinderen zelf kunnen de Kindertelefoon bellen (0800-0432).</p>"
                    ),
                    check(
                        "Een sporter van 12 heeft blauwe plekken. Hij zegt dat zijn stiefvader zijn telefoon afpakt en "
                        "hem slaat als hij 'foute' apps vindt. Je bent vrijwilliger. Wat doe je?",
                        option(
                            "n1",
                            "Je spreekt de stiefvader na de training zelf aan, zodat hij weet dat de club het ziet.",
                            "Nee. Zo breng je de jongen misschien in gevaar. Confronteer de ouder niet zelf.",
                        ),
                        option(
                            "n2",
                            "Niets, want de meldcode geldt alleen voor leraren en artsen, niet voor vrijwilligers.",
                            "Nee. Ook als vrijwilliger kun je Veilig Thuis bellen voor advies of een melding.",
                        ),
                        option(
                            "n3",
                            "Je schrijft op wat je zag, overlegt binnen de club en belt Veilig Thuis.",
                            "Goed. Zo volg je de stappen van de meldcode. Bij acuut gevaar bel je 112.",
                            correct=True,
                        ),
                    ),
                ),
                country(
                    "BE",
                    text(
                        "<h3>Advies en melden in België</h3>"
                        "<p>In België bel je bij zorgen over geweld of misbruik <b>1712</b>. Dat is gratis en "
                        "anoniem, ook voor professionals en vrijwilligers. 1712 helpt je de volgende stap te kiezen. "
                        "Een Vertrouwenscentrum Kindermishandeling kan daarna mee helpen.</p>"
                        "<ul>"
                        "<li>Op school overleg je met het CLB.</li>"
                        "<li>In een sportclub overleg je met de API, het aanspreekpunt integriteit.</li>"
                        "<li>Is er ernstig gevaar voor het kind? Dan mag je de politie of het parket inlichten, ook "
                        "als je anders tot geheimhouding verplicht bent. Bij acuut gevaar bel je 112.</li>"
                        "</ul>"
                        "<p>Kinderen en jongeren kunnen zelf anoniem praten met Awel (102).</p>"
                    ),
                    check(
                        "Een sporter van 12 heeft blauwe plekken. Hij zegt dat zijn stiefvader zijn telefoon afpakt en "
                        "hem slaat als hij 'foute' apps vindt. Je bent vrijwilliger. Wat doe je?",
                        option(
                            "n1",
                            "Je spreekt de stiefvader na de training zelf aan, zodat hij weet dat de club het ziet.",
                            "Nee. Zo breng je de jongen misschien in gevaar. Confronteer de ouder niet zelf.",
                        ),
                        option(
                            "n2",
                            "Je schrijft op wat je zag, overlegt met de API en belt 1712.",
                            "Goed. 1712 helpt je de volgende stap te kiezen. Bij acuut gevaar bel je 112.",
                            correct=True,
                        ),
                        option(
                            "n3",
                            "Niets, want als vrijwilliger mag je zonder bewijs geen hulplijn over een gezin bellen.",
                            "Nee. Iedereen mag 1712 bellen, ook zonder bewijs en ook anoniem.",
                        ),
                    ),
                ),
                check(
                    "Een leerling van 13 wordt online bedreigd. Ze smeekt je het niet aan haar vader te vertellen: 'Hij "
                    "slaat me als hij dit ziet.' Wat doe je?",
                    option(
                        "n1",
                        "Je belt meteen haar vader. Ouders moeten het altijd als eerste weten, wat er ook speelt.",
                        "Nee. Als het thuis niet veilig is, kan zo'n gesprek haar in gevaar brengen. Overleg eerst.",
                    ),
                    option(
                        "n2",
                        "Je belooft het geheim te houden, zodat ze je blijft vertrouwen.",
                        "Nee. Beloof geen geheim. Vertel haar wel eerlijk wat je gaat doen en met wie je overlegt.",
                    ),
                    option(
                        "n3",
                        "Je praat nog niet met de ouders, maar overlegt en vraagt advies.",
                        "Goed. Haar veiligheid gaat voor. Vraag advies bij de meldlijn voor huiselijk geweld en "
                        "kindermishandeling. Bij acuut gevaar bel je 112.",
                        correct=True,
                    ),
                ),
            ],
        },
    ],
}
