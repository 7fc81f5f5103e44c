"""Module 6: getting intimate images offline."""

GUIDE_NOTES = [
    ("facebook-messenger", "Werkt samen met StopNCII. In België kan het IGVM met voorrang laten verwijderen."),
    ("instagram", "Werkt samen met StopNCII. Melden kan ook zonder account, met een formulier."),
    ("snapchat", "Doe de melding in het Engels."),
    ("youtube", "Vraag eerst het kanaal om de video weg te halen."),
    ("google-search", "Haalt links uit de zoekresultaten. De pagina zelf blijft bestaan."),
    ("tiktok", "Voeg bij je melding uitleg en screenshots toe."),
    ("x-twitter", "Meld tot vijf posts tegelijk."),
    ("whatsapp", "Blokkeer en meld een contact of een hele groep."),
    ("discord", "Zonder ID-nummers kan Discord niets onderzoeken."),
    ("tinder", "Meld in de app of via de hulpsite, met screenshots."),
    ("grindr", "Je kunt de chatgeschiedenis meesturen."),
    ("telegram", "Voor kanalen, bots en stickers stuur je een e-mail."),
]

MODULE = {
    "slug": "intieme-beelden-offline-halen",
    "title": "Intieme beelden offline halen",
    "intro": "<p>Worden er naaktbeelden of andere intieme beelden van iemand verspreid zonder toestemming? Dan "
    "telt elke minuut. In deze module leer je wat je eerst doet, welke hulp er is voor volwassenen en voor "
    "minderjarigen, en hoe je beelden per platform laat verwijderen.</p>",
    "learning_goals": [
        "Je weet waarom snel handelen belangrijk is, en waarom bewijs bewaren toch eerst komt.",
        "Je weet wanneer StopNCII kan helpen en wanneer je Child Focus of HelpWanted inschakelt.",
        "Je kunt met een handleiding beelden melden bij de grote platforms.",
        "Je kunt uitleggen wat er gebeurt na een klacht of aangifte bij de politie.",
    ],
    "estimated_minutes": 30,
    "audience": "all",
    "pass_mark": 80,
    "certificate_validity_months": 24,
    "lessons": [
        {
            "slug": "snel-handelen-eerst-bewijs",
            "title": "Snel handelen, maar eerst bewijs",
            "summary": "Intieme beelden verspreiden zich snel. Handel meteen, maar bewaar eerst het bewijs.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Gaan er intieme beelden van iemand rond? Dan wil het slachtoffer vooral één "
                    "ding: dat ze zo snel mogelijk offline gaan. Dat is ook verstandig. Hoe verder beelden zich "
                    "verspreiden, hoe moeilijker het wordt om ze allemaal weg te krijgen.</p>"
                    "<p>Toch begin je met bewijs. Na een melding haalt een platform de beelden vaak snel weg. Dan "
                    "is ook het bewijs weg. En dat bewijs is nodig als het slachtoffer later een klacht of "
                    "aangifte wil doen.</p>",
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Bewijs bij intieme beelden",
                        "items": [
                            "Maak een screenshot waarop je ziet op welk platform de beelden staan.",
                            "Zorg dat de datum, en als het kan het tijdstip, te zien is.",
                            "Kopieer de link van de post, de pagina of de video.",
                            "Bewaar de link van het profiel van wie de beelden deelde, en het e-mailadres als je "
                            "dat weet.",
                            "Noteer waar en wanneer je de beelden zag.",
                            "Bewaar alles op een veilige plek voordat je iets meldt.",
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "let_op",
                        "title": "Is het slachtoffer minderjarig?",
                        "text": "<p>Maak dan zelf geen screenshot van het beeld en sla het niet op. Noteer alleen "
                        "de link, het platform, de datum en wie het deelde. Schakel meteen hulp in: HelpWanted in "
                        "Nederland of Child Focus in België. Zij vertellen je wat je kunt doen.</p>",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Het slachtoffer hoeft het niet alleen te doen",
                        "text": "<p>Het slachtoffer kan de beelden zelf laten verwijderen. Maar dat is zwaar. Loop "
                        "de stappen samen door. Bekijk de beelden zelf niet vaker dan nodig.</p>",
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Er staan intieme beelden van een volwassen vrijwilliger op een website. Wat doe "
                        "je eerst?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Bewijs bewaren: een screenshot met het platform en de datum, en de link.",
                                "correct": True,
                                "feedback": "Goed. Dat kost een paar minuten en daarna kun je meteen melden.",
                            },
                            {
                                "text": "Meteen melden, zodat het zo snel mogelijk weg is.",
                                "correct": False,
                                "feedback": "Snelheid is belangrijk, maar na de melding is het bewijs misschien weg. "
                                "Bewaar eerst het bewijs.",
                            },
                            {
                                "text": "Afwachten of het zich verder verspreidt.",
                                "correct": False,
                                "feedback": "Nee. Hoe langer je wacht, hoe verder de beelden zich verspreiden en hoe "
                                "moeilijker het wordt.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "stopncii-child-focus-helpwanted",
            "title": "StopNCII, Child Focus en HelpWanted",
            "summary": "Welke hulp past, hangt af van de leeftijd van het slachtoffer toen de beelden gemaakt werden.",
            "body": [
                {
                    "type": "text",
                    "value": "<h3>StopNCII: voor beelden van volwassenen</h3>"
                    '<p><a href="https://stopncii.org/">StopNCII</a> is een gratis website. Iemand die bang is '
                    "dat intieme beelden gedeeld worden, of al gedeeld zijn, kan daar een digitale vingerafdruk van "
                    "die beelden laten maken. Die vingerafdruk heet een <i>hash</i>: een code die bij dat ene beeld "
                    "hoort. Alleen de code gaat naar de platforms die meedoen, zoals Facebook en Instagram. Het "
                    "beeld zelf niet. Probeert iemand het beeld daar te plaatsen? Dan herkent het platform de code "
                    "en houdt het beeld tegen.</p>"
                    "<p>Goed om te weten:</p>"
                    "<ul>"
                    "<li>Uit de code kun je het beeld niet terugmaken.</li>"
                    "<li>Het slachtoffer kan volgen of een beeld al is tegengehouden.</li>"
                    "<li>Het werkt niet voor privéberichten, zoals Messenger of Direct-berichten op Instagram.</li>"
                    "<li>Het kan ook als voorzorg, voordat er iets gedeeld is.</li>"
                    "</ul>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "wet",
                        "title": "Alleen als het slachtoffer volwassen was",
                        "text": "<p>StopNCII is alleen bedoeld voor beelden die gemaakt zijn toen het slachtoffer "
                        "18 jaar of ouder was. Was het slachtoffer toen jonger dan 18? Gebruik StopNCII dan niet, "
                        "maar schakel Child Focus (België) of HelpWanted (Nederland) in.</p>",
                    },
                },
                {
                    "type": "text",
                    "value": "<h3>Child Focus en HelpWanted: als het slachtoffer minderjarig was</h3>"
                    "<p>Zijn de beelden gemaakt toen het slachtoffer nog geen 18 was? Neem dan contact op met:</p>"
                    "<ul>"
                    '<li><a href="https://childfocus.be/">Child Focus</a> in België;</li>'
                    '<li><a href="https://www.helpwanted.nl/">HelpWanted</a> in Nederland. HelpWanted hoort bij '
                    "het Expertisebureau Online Kindermisbruik (EOKM).</li>"
                    "</ul>"
                    "<p>Dat geldt ook als het slachtoffer nu wel volwassen is. Het gaat om de leeftijd op het moment "
                    "dat de beelden gemaakt werden.</p>"
                    "<h3>Het IGVM: voor volwassenen in België</h3>"
                    "<p>In België helpt het Instituut voor de gelijkheid van vrouwen en mannen (IGVM) volwassen "
                    "slachtoffers. Bijvoorbeeld als het melden niet lukt, of als iemand de beelden niet zelf wil "
                    "hashen. Het Instituut werkt nauw samen met Facebook. Verzoeken van het Instituut krijgen daar "
                    "voorrang.</p>",
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Welke hulp past?",
                        "items": [
                            "Het slachtoffer was 18 of ouder toen de beelden gemaakt werden: StopNCII, en melden bij "
                            "het platform. In België kan ook het IGVM helpen.",
                            "Het slachtoffer was jonger dan 18 toen de beelden gemaakt werden: Child Focus (België) "
                            "of HelpWanted (Nederland).",
                            "Twijfel je over de leeftijd? Behandel het als beelden van een minderjarige en vraag "
                            "advies.",
                            "Altijd: eerst bewijs bewaren, en bespreken of het slachtoffer aangifte wil doen.",
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Een oud-leerling van 20 vertelt dat er naaktfoto's van haar rondgaan. Ze maakte "
                        "ze toen ze 16 was. Waar kan ze het best terecht?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Bij HelpWanted (Nederland) of Child Focus (België).",
                                "correct": True,
                                "feedback": "Goed. Het gaat om de leeftijd toen de beelden gemaakt werden. Ze was "
                                "toen minderjarig.",
                            },
                            {
                                "text": "Bij StopNCII, want ze is nu volwassen.",
                                "correct": False,
                                "feedback": "Nee. StopNCII is alleen voor beelden die gemaakt zijn toen het "
                                "slachtoffer al volwassen was.",
                            },
                            {
                                "text": "Nergens, want de beelden zijn al oud.",
                                "correct": False,
                                "feedback": "Nee. Ook oude beelden kunnen offline gehaald worden, en het verspreiden "
                                "ervan blijft strafbaar.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Wat deelt StopNCII met platforms zoals Facebook en Instagram?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Alleen een digitale code (hash) van het beeld.",
                                "correct": True,
                                "feedback": "Goed. Het beeld zelf wordt niet gedeeld, en uit de code kun je het beeld "
                                "niet terugmaken.",
                            },
                            {
                                "text": "Het beeld zelf, zodat het platform het kan herkennen.",
                                "correct": False,
                                "feedback": "Nee. Het platform krijgt alleen de code. Daarmee herkent het het beeld.",
                            },
                            {
                                "text": "De naam en het adres van het slachtoffer.",
                                "correct": False,
                                "feedback": "Nee. StopNCII deelt alleen de code van het beeld.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Voor welke situatie werkt StopNCII niet?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Beelden die via privéberichten in Messenger worden gestuurd.",
                                "correct": True,
                                "feedback": "Goed. StopNCII werkt niet voor privéberichten. Meld die apart bij het "
                                "platform.",
                            },
                            {
                                "text": "Een volwassene die bang is dat haar ex beelden op Instagram zet.",
                                "correct": False,
                                "feedback": "Daar werkt StopNCII juist wel voor, ook als voorzorg.",
                            },
                            {
                                "text": "Beelden van een volwassene die op Facebook worden geplaatst.",
                                "correct": False,
                                "feedback": "Daar werkt StopNCII wel voor. Facebook krijgt de code en houdt het beeld "
                                "tegen.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "melden-per-platform",
            "title": "Melden per platform",
            "summary": "Elk platform heeft een eigen manier van melden. Gebruik de handleidingen.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Elk platform werkt anders. Soms meld je in de app, soms met een formulier op een "
                    "website. Soms heb je een account nodig, soms niet. Hieronder vind je per platform een "
                    "handleiding. Daarin staat ook welk bewijs je eerst bewaart.</p>"
                    "<p>Lukt het niet, of heb je vragen? In Nederland kun je terecht bij HelpWanted. In België "
                    "helpt het IGVM bij beelden van volwassenen, en Child Focus bij beelden van minderjarigen.</p>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Tips bij elke melding",
                        "text": "<ul>"
                        "<li>Kies de reden die het best past, zoals naaktbeelden of intieme beelden zonder "
                        "toestemming.</li>"
                        "<li>Meld de beelden én het profiel van wie ze deelt.</li>"
                        "<li>Voeg uitleg en screenshots toe als dat kan.</li>"
                        "<li>Geen account? Soms kan een vertrouwd persoon met een account namens het slachtoffer "
                        "melden.</li>"
                        "<li>Bewaar de bevestiging van je melding.</li>"
                        "</ul>",
                    },
                },
                *[
                    {"type": "takedown_guide", "value": {"guide_slug": slug, "note": note}}
                    for slug, note in GUIDE_NOTES
                ],
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Wat doet Google als je intieme beelden in de zoekresultaten meldt?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Google haalt de link uit de zoekresultaten, maar de pagina zelf blijft "
                                "bestaan.",
                                "correct": True,
                                "feedback": "Klopt. Vraag daarom ook de beheerder van de website om de pagina te "
                                "verwijderen.",
                            },
                            {
                                "text": "Google verwijdert de pagina van internet.",
                                "correct": False,
                                "feedback": "Nee. Dat kan alleen de beheerder van de website. Google haalt alleen de "
                                "link uit de zoekresultaten.",
                            },
                            {
                                "text": "Google doet niets zonder aangifte.",
                                "correct": False,
                                "feedback": "Nee. Je kunt een verzoek doen met het formulier van Google. Daar is geen "
                                "aangifte voor nodig.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Wat heb je nodig om een melding te doen bij Discord?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "De ID-nummers van de gebruiker, het kanaal en de berichten.",
                                "correct": True,
                                "feedback": "Goed. Zonder die nummers kan Discord de melding niet onderzoeken.",
                            },
                            {
                                "text": "Alleen de gebruikersnaam van de dader.",
                                "correct": False,
                                "feedback": "De gebruikersnaam is niet genoeg. Discord vraagt om ID-nummers.",
                            },
                            {
                                "text": "Een aangifte bij de politie.",
                                "correct": False,
                                "feedback": "Nee. Voor een melding bij Discord is geen aangifte nodig, wel de "
                                "ID-nummers.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "klacht-of-aangifte-na-verspreiding",
            "title": "Klacht of aangifte na verspreiding",
            "summary": "Wil het slachtoffer dat de dader gestraft wordt? Dan is een klacht of aangifte bij de "
            "politie nodig.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Beelden offline halen is één ding. Wil het slachtoffer ook dat de dader straf "
                    "krijgt? Dan moet het naar de politie. In België heet dat een klacht neerleggen, in Nederland "
                    "aangifte doen.</p>"
                    "<p>Het is strafbaar om intieme beelden van iemand zonder toestemming te verspreiden of te laten "
                    "zien. Het slachtoffer kan een klacht of aangifte doen tegen wie de beelden als eerste "
                    "verspreidde, en ook tegen wie ze daarna doorstuurde. Werkt een platform niet mee aan het "
                    "verwijderen? Ook dan zijn juridische stappen mogelijk.</p>"
                    "<p>Een klacht helpt ook op een andere manier: de politie krijgt zo beter zicht op hoe vaak dit "
                    "gebeurt.</p>",
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "wet",
                        "title": "Wanneer de straf in België zwaarder kan zijn",
                        "text": "<ul>"
                        "<li>De dader handelde met kwade bedoelingen of om er geld aan te verdienen.</li>"
                        "<li>De dader deed het vanwege het geslacht van het slachtoffer.</li>"
                        "<li>Het slachtoffer was extra kwetsbaar, bijvoorbeeld door leeftijd, zwangerschap, ziekte "
                        "of een beperking.</li>"
                        "<li>Het gebeurde binnen het gezin of de familie, bijvoorbeeld door een partner.</li>"
                        "<li>De dader had gezag over het slachtoffer.</li>"
                        "</ul>"
                        "<p>Vertel dit aan de politie en geef bewijs als je dat hebt.</p>",
                    },
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Zo bereid je een klacht of aangifte voor",
                        "items": [
                            "Neem al het bewijs mee: digitaal, en als het kan ook op papier.",
                            "Neem de screenshots mee die je maakte voordat de beelden verwijderd werden. Let op dat "
                            "de datum erop staat.",
                            "Schrijf in de juiste volgorde op wat er gebeurd is.",
                            "Noteer of de dader het uit wraak of voor geld deed, of dit vaker doet. Dat kan de straf "
                            "zwaarder maken.",
                            "Bel eventueel vooraf voor een afspraak en vertel kort waar het over gaat.",
                            "Neem iemand mee die het slachtoffer vertrouwt, of een advocaat.",
                        ],
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Geen schuld, wel steun",
                        "text": "<p>Naar de politie gaan kan eng zijn. Het slachtoffer schaamt zich misschien, of "
                        "weet niet wat er gaat gebeuren. Zeg duidelijk: jij hebt niets fout gedaan, jij bent het "
                        "slachtoffer. En laat weten dat iemand mee mag.</p>",
                    },
                },
                {
                    "type": "text",
                    "value": "<h3>Wat gebeurt er daarna?</h3>"
                    "<p>De politie stuurt de klacht door naar het Openbaar Ministerie (OM). Het OM beslist of er een "
                    "onderzoek komt en of de dader voor de rechter moet komen. Het slachtoffer beslist dat niet "
                    "zelf, en ook niet welke straf er gevraagd wordt. Wel heeft het slachtoffer recht op informatie "
                    "over de zaak. Het mag gehoord worden en een schadevergoeding vragen.</p>"
                    "<p>Let op: bij een onderzoek hoort de verdachte vaak wie het slachtoffer is. Bespreek dat "
                    "vooraf. Is dat een probleem? In België kan het slachtoffer met het IGVM bekijken welke "
                    "mogelijkheden er zijn.</p>",
                },
                {
                    "type": "scenario",
                    "value": {
                        "title": "Video's in een Telegram-groep",
                        "intro": "Je bent jongerenwerker bij de gemeente. Amira (22) komt naar je toe. Een ex heeft "
                        "intieme video's van haar gedeeld. Ze staan op een website en gaan rond in een "
                        "Telegram-groep.",
                        "steps": [
                            {
                                "key": "start",
                                "situation": "Amira is in paniek: 'Ik wil dat het nu weg is!' Wat doe je eerst?",
                                "choices": [
                                    {
                                        "text": "Je helpt haar rustig om eerst bewijs te bewaren: screenshots met het "
                                        "platform en de datum, en de links.",
                                        "outcome": "good",
                                        "consequence": "Binnen een paar minuten is het bewijs veilig. Nu kunnen jullie "
                                        "meteen melden.",
                                        "next_step": "hulp",
                                    },
                                    {
                                        "text": "Je meldt alles meteen bij Telegram en de website, zonder screenshots.",
                                        "outcome": "partly",
                                        "consequence": "Snel handelen is goed. Maar als de beelden verdwijnen, is ook "
                                        "het bewijs weg. Dat heeft Amira nodig als ze aangifte wil doen.",
                                        "next_step": "hulp",
                                    },
                                    {
                                        "text": "Je vraagt haar de video's naar jou te sturen, zodat jij ze kunt melden.",
                                        "outcome": "bad",
                                        "consequence": "Zo worden de beelden nog verder verspreid, ook al bedoel je het "
                                        "goed. Voor een melding heb je de links nodig, niet de beelden.",
                                        "next_step": "hulp",
                                    },
                                ],
                            },
                            {
                                "key": "hulp",
                                "situation": "Amira was 19 toen de video's gemaakt werden. Welke hulp past?",
                                "choices": [
                                    {
                                        "text": "StopNCII, zodat de video's op platforms als Facebook en Instagram "
                                        "worden tegengehouden. En melden bij de website en bij Telegram.",
                                        "outcome": "good",
                                        "consequence": "Goed. Amira was volwassen toen de video's gemaakt werden. "
                                        "StopNCII voorkomt nieuwe verspreiding op die platforms, en met de meldingen "
                                        "gaan de huidige beelden offline.",
                                        "next_step": "politie",
                                    },
                                    {
                                        "text": "Child Focus of HelpWanted, omdat ze nog jong is.",
                                        "outcome": "partly",
                                        "consequence": "Die route is er vooral voor beelden die gemaakt zijn toen het "
                                        "slachtoffer minderjarig was. Amira was al 19. Dan kan StopNCII wel, naast "
                                        "melden bij de platforms.",
                                        "next_step": "politie",
                                    },
                                    {
                                        "text": "Niets meer. Het is al verspreid, dus het heeft geen zin.",
                                        "outcome": "bad",
                                        "consequence": "Het heeft juist wel zin. Elke melding beperkt de schade, en "
                                        "StopNCII kan nieuwe verspreiding tegenhouden.",
                                        "next_step": "politie",
                                    },
                                ],
                            },
                            {
                                "key": "politie",
                                "situation": "Amira wil dat haar ex gestraft wordt, maar ze is bang dat hij wraak "
                                "neemt. Wat bespreek je?",
                                "choices": [
                                    {
                                        "text": "Dat ze aangifte kan doen, recht heeft op bescherming, iemand mee mag "
                                        "nemen, en gratis juridische hulp kan krijgen van Slachtofferhulp Nederland.",
                                        "outcome": "good",
                                        "consequence": "Goed. Amira kent haar rechten en weet dat ze er niet alleen "
                                        "voor staat.",
                                        "next_step": "",
                                    },
                                    {
                                        "text": "Dat ze beter kan wachten tot ze zeker weet dat hij het was.",
                                        "outcome": "bad",
                                        "consequence": "Intussen kan het bewijs verdwijnen en gaat de verspreiding "
                                        "door. Uitzoeken wie het was, is werk voor de politie.",
                                        "next_step": "",
                                    },
                                    {
                                        "text": "Dat aangifte geen zin heeft zolang de video's nog online staan.",
                                        "outcome": "bad",
                                        "consequence": "Dat klopt niet. Offline halen en aangifte doen kunnen naast "
                                        "elkaar. Het bewijs dat jullie bewaard hebben, helpt bij de aangifte.",
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
                        "question": "Tegen wie kan een slachtoffer een klacht of aangifte doen als intieme beelden "
                        "verspreid zijn? Kies alle goede antwoorden.",
                        "multiple": True,
                        "options": [
                            {
                                "text": "Tegen wie de beelden als eerste verspreidde.",
                                "correct": True,
                                "feedback": "Goed. Wie de beelden zonder toestemming verspreidt, is strafbaar.",
                            },
                            {
                                "text": "Tegen wie de beelden daarna verder verspreidde.",
                                "correct": True,
                                "feedback": "Goed. Ook doorsturen is verspreiden zonder toestemming.",
                            },
                            {
                                "text": "Alleen tegen iemand die het slachtoffer persoonlijk kent.",
                                "correct": False,
                                "feedback": "Nee. Ook onbekenden die de beelden verder verspreiden, kunnen strafbaar "
                                "zijn.",
                            },
                        ],
                    },
                },
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Wie beslist na een klacht of aangifte of de dader voor de rechter moet komen?",
                        "multiple": False,
                        "options": [
                            {
                                "text": "Het Openbaar Ministerie (OM).",
                                "correct": True,
                                "feedback": "Goed. Het OM beslist over vervolging en over de straf die het vraagt.",
                            },
                            {
                                "text": "Het slachtoffer.",
                                "correct": False,
                                "feedback": "Nee. Het slachtoffer heeft wel rechten, zoals informatie krijgen en "
                                "schadevergoeding vragen, maar beslist dit niet.",
                            },
                            {
                                "text": "De politie.",
                                "correct": False,
                                "feedback": "Nee. De politie neemt de klacht op en stuurt die door. Het OM beslist "
                                "over vervolging.",
                            },
                        ],
                    },
                },
            ],
        },
    ],
}
