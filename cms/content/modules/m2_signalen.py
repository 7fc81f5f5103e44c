"""Module 2: acting on a suspicion, vulnerable victims, hate crime, asking for advice."""

MODULE = {
    "slug": "signalen-herkennen",
    "title": "Signalen herkennen",
    "intro": "<p>Niet elk slachtoffer vertelt uit zichzelf wat er speelt. In deze module leer je wat je doet met "
    "een vermoeden. Je leert welke slachtoffers extra kwetsbaar zijn, hoe je een hate crime herkent en bij wie "
    "je advies kunt vragen.</p>",
    "learning_goals": [
        "Je weet wat je kunt doen als je iets vermoedt, maar het niet zeker weet.",
        "Je kunt uitleggen waardoor een slachtoffer extra kwetsbaar kan zijn.",
        "Je herkent een hate crime en weet waarom het slachtoffer dat bij de aangifte noemt.",
        "Je weet wanneer en hoe je collega's en de Advieslijn voor professionals inschakelt.",
    ],
    "estimated_minutes": 25,
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
                    "<p>Slachtofferhulp Nederland heeft hiervoor de Signalenwijzer. Die helpt je om je "
                    "onderbuikgevoel te onderzoeken, het gesprek te beginnen en de juiste steun te bieden.</p>",
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
                                "text": "Rustig een gesprek beginnen en vertellen wat je opvalt.",
                                "correct": True,
                                "feedback": "Goed. Zo geef je de sporter de kans om te vertellen, zonder druk.",
                            },
                            {
                                "text": "Wachten tot de sporter zelf komt, want je weet het niet zeker.",
                                "correct": False,
                                "feedback": "Slachtoffers vertellen het vaak niet uit zichzelf. Een vermoeden is "
                                "een reden om zelf het gesprek te beginnen.",
                            },
                            {
                                "text": "De telefoon van de sporter bekijken om bewijs te zoeken.",
                                "correct": False,
                                "feedback": "Dat schaadt het vertrouwen en de privacy. Vraag of de sporter zelf iets "
                                "wil laten zien.",
                            },
                            {
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
                        "text": "<p>Raad het slachtoffer daarom aan om bij de aangifte te zeggen dat het misschien "
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
                                "text": "Je neemt contact op met de politie en raadt aan om bij de aangifte te "
                                "zeggen dat het om een hate crime kan gaan.",
                                "correct": True,
                                "feedback": "Goed. Bij een hate crime schakel je altijd de politie in. Een hate "
                                "crime kan zwaarder bestraft worden, dus de politie moet het weten.",
                            },
                            {
                                "text": "Je bespreekt het alleen in de klas, want het is vooral pesten.",
                                "correct": False,
                                "feedback": "Een gesprek met de klas kan helpen, maar dit is een doodsbedreiging "
                                "vanwege afkomst. Dat is ernstig en hoort bij de politie.",
                            },
                            {
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
            "summary": "Je hoeft het niet alleen te doen. Overleg met collega's of bel de Advieslijn voor "
            "professionals.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Soms voel je dat er meer aan de hand is, maar krijg je niet precies helder wat er "
                    "gebeurd is. Dan weet je ook niet goed wat de beste stap is. Dat is normaal. Je hoeft dit niet "
                    "alleen op te lossen.</p>"
                    "<h3>Overleg met collega's</h3>"
                    "<p>Bespreek de situatie met een collega, de vertrouwenspersoon, de zorgcoördinator of het "
                    "bestuur. Samen zie je meer. Deel alleen wat nodig is. En vertel het slachtoffer met wie je "
                    "overlegt.</p>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Advieslijn voor professionals",
                        "text": "<p>Wil je met een deskundige overleggen over een situatie? Bel de Advieslijn voor "
                        "professionals van Slachtofferhulp Nederland: <b>0900-0101</b>. Kies <b>optie 3</b> in het "
                        "keuzemenu.</p><p>Ook de politie kan je vertellen welke stappen mogelijk zijn.</p>",
                    },
                },
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
                        "bedreiging. Zoek dan ook steun voor jezelf. Slachtofferhulp Nederland kan je vertellen "
                        "waar je terechtkunt.</p>",
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
                                    },
                                    {
                                        "text": "Je pakt zijn telefoon af en kijkt wat erop staat.",
                                        "outcome": "bad",
                                        "consequence": "Daan voelt zich betrapt en vernederd. Hij zal je niet snel "
                                        "meer iets vertellen. En je schendt zijn privacy.",
                                        "next_step": "",
                                    },
                                ],
                            },
                            {
                                "key": "gesprek",
                                "situation": "Daan vertelt dat iemand die hij via een game kent, hem steeds "
                                "berichten stuurt. Die persoon wil foto's van hem en schrijft: 'Anders vertel ik "
                                "alles aan je moeder.' Daan snapt niet goed wat er gebeurt. Wat doe je?",
                                "choices": [
                                    {
                                        "text": "Je zegt dat hij het goed gedaan heeft om het te vertellen. Je helpt "
                                        "hem de berichten te bewaren en bespreekt het met de zorgcoördinator.",
                                        "outcome": "good",
                                        "consequence": "Daan voelt zich gesteund. Het bewijs is veilig en je staat er "
                                        "niet alleen voor.",
                                        "next_step": "advies",
                                    },
                                    {
                                        "text": "Je zegt dat hij die persoon gewoon moet blokkeren. Dan is het klaar.",
                                        "outcome": "partly",
                                        "consequence": "Blokkeren kan helpen, maar dit lijkt op grooming of sextortion. "
                                        "Dan is meer nodig. Bewaar eerst het bewijs en overleg.",
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
                                "situation": "Jij en de zorgcoördinator weten niet zeker hoe ernstig dit is en wat "
                                "de beste stap is. Wat doen jullie?",
                                "choices": [
                                    {
                                        "text": "Jullie bellen de Advieslijn voor professionals en nemen contact op "
                                        "met de politie en met Daans ouders.",
                                        "outcome": "good",
                                        "consequence": "Goed. Daan is minderjarig en extra kwetsbaar, en iemand vraagt "
                                        "hem om beelden onder dreiging. Een deskundige en de politie helpen je de "
                                        "juiste stappen te zetten.",
                                        "next_step": "",
                                    },
                                    {
                                        "text": "Jullie sturen een mail met Daans naam naar alle docenten, zodat "
                                        "iedereen kan meedenken.",
                                        "outcome": "partly",
                                        "consequence": "Overleggen is goed, maar deel alleen wat nodig is, met wie het "
                                        "moet weten. Een groepsmail met zijn naam kan Daan schaden.",
                                        "next_step": "",
                                    },
                                    {
                                        "text": "Jullie houden het stil, zodat Daan zich niet hoeft te schamen bij zijn "
                                        "ouders.",
                                        "outcome": "bad",
                                        "consequence": "Zo staat Daan alleen tegenover de dader. Bij een minderjarige "
                                        "en een mogelijk strafbaar feit is stilhouden geen optie.",
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
                        "question": "Wanneer bel je de Advieslijn voor professionals van Slachtofferhulp Nederland?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Als je wilt overleggen over een situatie en niet zeker weet wat de juiste "
                                "stappen zijn.",
                                "correct": True,
                                "feedback": "Goed. Daar is de Advieslijn voor: 0900-0101, optie 3.",
                            },
                            {
                                "text": "Alleen als het slachtoffer al aangifte heeft gedaan.",
                                "correct": False,
                                "feedback": "Nee. Je kunt ook bellen als nog niet duidelijk is wat er gebeurd is of "
                                "wat de juiste stap is.",
                            },
                            {
                                "text": "Bij acuut gevaar.",
                                "correct": False,
                                "feedback": "Bij acuut gevaar bel je 112. De Advieslijn is voor overleg en advies.",
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
                        "question": "Waarom komt een hate crime vaak extra hard aan?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Omdat het gaat om wie het slachtoffer is, en niet om iets wat het deed.",
                                "correct": True,
                                "feedback": "Goed. Een persoonskenmerk kun je niet veranderen. Dat maakt de impact "
                                "groter.",
                            },
                            {
                                "text": "Omdat de dader altijd een bekende is.",
                                "correct": False,
                                "feedback": "Nee. De dader kan ook een onbekende zijn. Het gaat erom dat iemand wordt "
                                "aangevallen om wie die is.",
                            },
                            {
                                "text": "Omdat het alleen online gebeurt.",
                                "correct": False,
                                "feedback": "Nee. Hate crime kan online en offline gebeuren. De extra impact komt "
                                "doordat het om een persoonskenmerk gaat.",
                            },
                        ],
                    },
                },
            ],
        },
    ],
}
