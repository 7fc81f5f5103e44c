"""Module 6: getting intimate images offline, and sextortion of boys."""

from cms.content.helpers import ModuleSpec, callout, check, country, option, text

GUIDE_NOTES = [
    ("facebook-messenger", "Werkt samen met StopNCII. Facebook kan een beeld ook vooraf blokkeren."),
    ("instagram", "Werkt samen met StopNCII. Melden kan ook zonder account, met een formulier."),
    ("snapchat", "Doe de melding in het Engels. Er staat een tekst klaar die je kunt kopiëren."),
    ("youtube", "Meld met het formulier. Zoek geen contact met een kanaal dat van de dader kan zijn."),
    ("google-search", "Haalt links uit de zoekresultaten. De pagina zelf blijft bestaan."),
    ("tiktok", "Werkt samen met StopNCII. Voeg bij je melding uitleg toe."),
    ("x-twitter", "Meld tot vijf posts tegelijk."),
    ("whatsapp", "Blokkeer en meld een contact of een hele groep."),
    ("discord", "Zonder ID-nummers kan Discord niets onderzoeken."),
    ("tinder", "Meld in de app of via de hulpsite, met screenshots."),
    ("grindr", "Je kunt de chatgeschiedenis meesturen."),
    ("telegram", "Voor kanalen, bots en stickers stuur je een e-mail."),
]

MODULE: ModuleSpec = {
    "slug": "intieme-beelden-offline-halen",
    "title": "Intieme beelden offline halen",
    "intro": "<p>Worden er naaktbeelden of andere intieme beelden van iemand verspreid zonder toestemming? Dan "
    "telt elke minuut. In deze module leer je wat je eerst doet, welke hulp er is voor volwassenen en voor "
    "minderjarigen, en hoe je beelden per platform laat verwijderen. Je leert ook hoe je een jongen helpt die "
    "met een naaktbeeld wordt afgeperst.</p>",
    "learning_goals": [
        "Je weet waarom snel handelen belangrijk is, en waarom bewijs bewaren toch eerst komt.",
        "Je helpt een afgeperste jongen: niet betalen, de chat laten staan en vragen naar zelfmoordgedachten.",
        "Je weet wanneer StopNCII kan helpen en wanneer je de hulplijn voor beelden van minderjarigen inschakelt.",
        "Je kunt met een handleiding beelden melden bij de grote platforms.",
        "Je kunt uitleggen wat er gebeurt als het slachtoffer naar de politie stapt.",
    ],
    "estimated_minutes": 45,
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
                    "is ook het bewijs weg. En dat bewijs is nodig als het slachtoffer later naar de politie wil.</p>",
                },
                {
                    "type": "checklist",
                    "value": {
                        "title": "Bewijs bij intieme beelden",
                        "items": [
                            "Was het slachtoffer 18 of ouder toen de beelden gemaakt werden? Dan maakt het slachtoffer zelf "
                            "een screenshot waarop je "
                            "ziet op welk platform de beelden staan.",
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
                        "title": "Was het slachtoffer jonger dan 18 toen de beelden gemaakt werden?",
                        "text": "<p>Ook als het slachtoffer nu volwassen is: maak dan zelf geen screenshot van het beeld en sla het niet op. Stuur het ook "
                        "niet door, ook niet als bewijs. Noteer alleen de link, het platform, de datum en wie het "
                        "deelde. De politie legt het bewijs zelf vast. Schakel meteen hulp in.</p>",
                    },
                },
                country(
                    "NL",
                    text(
                        "<p>In Nederland helpt Offlimits. Jongeren en volwassenen kunnen daar terecht bij de hulplijn "
                        "HelpWanted (helpwanted.nl). Offlimits heeft ook het Meldpunt Kinderporno. Aangifte doe je "
                        "bij de politie (0900-8844, bij gevaar 112).</p>"
                    ),
                ),
                country(
                    "BE",
                    text(
                        "<p>In België helpt Child Focus (116 000, childfocus.be). Klacht indienen doe je bij de "
                        "lokale politiezone. Bij dringende nood bel je 101 of 112.</p>"
                    ),
                ),
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Het slachtoffer hoeft het niet alleen te doen",
                        "text": "<p>Het slachtoffer kan de beelden zelf laten verwijderen. Maar dat is zwaar. Loop "
                        "de stappen samen door. Jij hoeft de beelden niet te zien: laat het slachtoffer vertellen wat "
                        "erop staat. Gaat het om een minderjarige? Kijk er dan nooit naar.</p>",
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
                                "key": "1",
                                "text": "Meteen melden bij het platform, want elke minuut online kijken er meer mensen naar.",
                                "correct": False,
                                "feedback": "Snelheid is belangrijk, maar na de melding is het bewijs misschien weg. "
                                "Bewaar eerst het bewijs.",
                            },
                            {
                                "key": "0",
                                "text": "Samen met haar bewijs bewaren: een screenshot met platform en datum, en de link.",
                                "correct": True,
                                "feedback": "Goed. Dat kost een paar minuten en daarna kun je meteen melden.",
                            },
                            {
                                "key": "2",
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
            "title": "StopNCII en hulp bij beelden van minderjarigen",
            "summary": "Welke hulp past, hangt af van de leeftijd van het slachtoffer toen de beelden gemaakt werden.",
            "body": [
                {
                    "type": "text",
                    "value": "<h3>StopNCII: voor beelden van volwassenen</h3>"
                    '<p><a href="https://stopncii.org/">StopNCII</a> is een gratis website. Iemand die bang is '
                    "dat intieme beelden gedeeld worden, of al gedeeld zijn, kan daar een digitale vingerafdruk van "
                    "die beelden laten maken. Die vingerafdruk heet een <i>hash</i>: een code die bij dat ene beeld "
                    "hoort. Alleen de code gaat naar de platforms die meedoen, zoals Facebook, Instagram, TikTok, Snapchat, "
                    "Reddit en Bumble. Het "
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
                        "18 jaar of ouder was. Was het slachtoffer toen jonger dan 18? Gebruik StopNCII dan niet. "
                        "Ook niet als de ouders toestemming geven. Schakel dan de hulplijn voor minderjarigen in "
                        "(zie hieronder). Een jongere kan ook zelf Take It Down gebruiken: dat werkt net als "
                        "StopNCII, maar voor beelden van toen iemand jonger was dan 18.</p>",
                    },
                },
                text(
                    "<h3>Als het slachtoffer minderjarig was</h3>"
                    "<p>Zijn de beelden gemaakt toen het slachtoffer nog geen 18 was? Dan helpt de hulplijn voor "
                    "beelden van minderjarigen. Dat geldt ook als het slachtoffer nu wel volwassen is. Het gaat om de "
                    "leeftijd op het moment dat de beelden gemaakt werden.</p>"
                ),
                country(
                    "NL",
                    text(
                        "<p>In Nederland is dat Offlimits (vroeger EOKM). Daar horen de hulplijn "
                        '<a href="https://www.helpwanted.nl/">HelpWanted</a> en het Meldpunt Kinderporno bij. '
                        "HelpWanted helpt ook volwassenen die niet weten hoe ze beelden moeten melden.</p>"
                    ),
                ),
                country(
                    "BE",
                    text(
                        '<p>In België is dat <a href="https://childfocus.be/">Child Focus</a> (116 000).</p>'
                        "<h3>Het IGVM: voor volwassenen in België</h3>"
                        "<p>Het Instituut voor de gelijkheid van vrouwen en mannen (IGVM) helpt volwassen "
                        "slachtoffers. Bijvoorbeeld als het melden niet lukt, of als iemand de beelden niet zelf wil "
                        "hashen. Het IGVM werkt nauw samen met Facebook. Verzoeken van het IGVM krijgen daar "
                        "voorrang. Via het IGVM kan Facebook een beeld ook vooraf blokkeren.</p>"
                    ),
                ),
                {
                    "type": "checklist",
                    "value": {
                        "title": "Welke hulp past?",
                        "items": [
                            "Het slachtoffer was 18 of ouder toen de beelden gemaakt werden: StopNCII, en melden bij "
                            "het platform.",
                            "Het slachtoffer was jonger dan 18 toen de beelden gemaakt werden: de hulplijn voor "
                            "minderjarigen, en eventueel Take It Down.",
                            "Twijfel je over de leeftijd? Behandel het als beelden van een minderjarige en vraag "
                            "advies.",
                            "Altijd: eerst bewijs bewaren, en bespreken of het slachtoffer naar de politie wil.",
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
                                "key": "1",
                                "text": "Bij StopNCII, want ze is nu volwassen en mag daarom zelf beslissen.",
                                "correct": False,
                                "feedback": "Nee. StopNCII is alleen voor beelden die gemaakt zijn toen het "
                                "slachtoffer al volwassen was.",
                            },
                            {
                                "key": "2",
                                "text": "Nergens, want de beelden zijn al oud.",
                                "correct": False,
                                "feedback": "Nee. Ook oude beelden kunnen offline gehaald worden, en het verspreiden "
                                "ervan blijft strafbaar.",
                            },
                            {
                                "key": "0",
                                "text": "Bij de hulplijn voor beelden van minderjarigen.",
                                "correct": True,
                                "feedback": "Goed. Het gaat om de leeftijd toen de beelden gemaakt werden. Ze was "
                                "toen minderjarig.",
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
                                "key": "1",
                                "text": "Het beeld zelf, zodat het platform het kan herkennen.",
                                "correct": False,
                                "feedback": "Nee. Het platform krijgt alleen de code. Daarmee herkent het het beeld.",
                            },
                            {
                                "key": "0",
                                "text": "Alleen een digitale code (hash) van het beeld.",
                                "correct": True,
                                "feedback": "Goed. Het beeld zelf wordt niet gedeeld, en uit de code kun je het beeld "
                                "niet terugmaken.",
                            },
                            {
                                "key": "2",
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
                                "key": "0",
                                "text": "Beelden die via privéberichten in Messenger worden gestuurd.",
                                "correct": True,
                                "feedback": "Goed. StopNCII werkt niet voor privéberichten. Meld die apart bij het "
                                "platform.",
                            },
                            {
                                "key": "1",
                                "text": "Een volwassene die bang is dat haar ex beelden op Instagram zet.",
                                "correct": False,
                                "feedback": "Daar werkt StopNCII juist wel voor, ook als voorzorg.",
                            },
                            {
                                "key": "2",
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
                    "<p>Lukt het niet, of heb je vragen? Vraag dan hulp.</p>",
                },
                country("NL", text("<p>In Nederland helpt HelpWanted (Offlimits) bij het melden.</p>")),
                country(
                    "BE",
                    text(
                        "<p>In België helpt het IGVM bij beelden van volwassenen, en Child Focus bij beelden van "
                        "minderjarigen.</p>"
                    ),
                ),
                {
                    "type": "callout",
                    "value": {
                        "kind": "tip",
                        "title": "Tips bij elke melding",
                        "text": "<ul>"
                        "<li>Kies de reden die het best past, zoals naaktbeelden of intieme beelden zonder "
                        "toestemming.</li>"
                        "<li>Meld de beelden én het profiel van wie ze deelt.</li>"
                        "<li>Voeg uitleg toe. Screenshots alleen als het slachtoffer 18 of ouder was toen de beelden gemaakt "
                        "werden.</li>"
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
                                "key": "1",
                                "text": "Google verwijdert de pagina van internet, zodat ook wie het adres kent haar niet meer ziet.",
                                "correct": False,
                                "feedback": "Nee. Dat kan alleen de beheerder van de website. Google haalt alleen de "
                                "link uit de zoekresultaten.",
                            },
                            {
                                "key": "2",
                                "text": "Google doet pas iets als de politie erom vraagt.",
                                "correct": False,
                                "feedback": "Nee. Je kunt zelf een verzoek doen met het formulier van Google. Daar is "
                                "de politie niet voor nodig.",
                            },
                            {
                                "key": "0",
                                "text": "Google haalt de link uit de zoekresultaten, maar de pagina zelf blijft "
                                "bestaan.",
                                "correct": True,
                                "feedback": "Klopt. Vraag daarom ook de beheerder van de website om de pagina te "
                                "verwijderen.",
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
                                "key": "1",
                                "text": "De gebruikersnaam van de dader en een screenshot van zijn profiel. Meer vraagt Discord niet.",
                                "correct": False,
                                "feedback": "De gebruikersnaam is niet genoeg. Discord vraagt om ID-nummers.",
                            },
                            {
                                "key": "0",
                                "text": "De ID-nummers van de gebruiker, het kanaal en de berichten.",
                                "correct": True,
                                "feedback": "Goed. Zonder die nummers kan Discord de melding niet onderzoeken.",
                            },
                            {
                                "key": "2",
                                "text": "Een bewijs dat je al naar de politie bent geweest.",
                                "correct": False,
                                "feedback": "Nee. Voor een melding bij Discord is de politie niet nodig, wel de "
                                "ID-nummers.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "klacht-of-aangifte-na-verspreiding",
            "title": "Naar de politie na verspreiding",
            "summary": "Wil het slachtoffer dat de dader gestraft wordt? Dan moet het naar de politie.",
            "body": [
                {
                    "type": "text",
                    "value": "<p>Beelden offline halen is één ding. Wil het slachtoffer ook dat de dader straf "
                    "krijgt? Dan moet het naar de politie.</p>"
                    "<p>Het is strafbaar om intieme beelden van iemand zonder toestemming te verspreiden of te laten "
                    "zien. Het slachtoffer kan naar de politie stappen tegen wie de beelden als eerste "
                    "verspreidde, en ook tegen wie ze daarna doorstuurde. Werkt een platform niet mee aan het "
                    "verwijderen? Ook dan zijn juridische stappen mogelijk.</p>"
                    "<p>Naar de politie gaan helpt ook op een andere manier: de politie krijgt zo beter zicht op hoe vaak dit "
                    "gebeurt.</p>",
                },
                country(
                    "NL",
                    text(
                        "<h3>Naar de politie in Nederland</h3>"
                        "<p>In Nederland doet het slachtoffer aangifte bij de politie (0900-8844). Bij gevaar belt het "
                        "112. Slachtofferhulp Nederland kan mee en helpt gratis.</p>"
                        "<p>Seksuele beelden van iemand zonder toestemming maken of verspreiden is in Nederland "
                        "strafbaar volgens artikel 139h van het Wetboek van Strafrecht.</p>"
                    ),
                ),
                country(
                    "BE",
                    text(
                        "<h3>Naar de politie in België</h3>"
                        "<p>In België dient het slachtoffer klacht in bij de politiezone. Dat kan op het "
                        "commissariaat of na een afspraak. Bij dringende nood belt het 101 of 112.</p>"
                    ),
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
                ),
                {
                    "type": "checklist",
                    "value": {
                        "title": "Zo bereid je het bezoek aan de politie voor",
                        "items": [
                            "Neem al het bewijs mee, digitaal en op papier. Bij beelden van een minderjarige: alleen links en notities.",
                            "Was het slachtoffer 18 of ouder toen de beelden gemaakt werden? Neem de screenshots mee die het slachtoffer maakte voordat de beelden weg waren. Let op dat "
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
                    "<p>De politie stuurt de zaak door naar het openbaar ministerie. Dat beslist of er een "
                    "onderzoek komt en of de dader voor de rechter moet komen. Het slachtoffer beslist dat niet "
                    "zelf, en ook niet welke straf er gevraagd wordt. Wel heeft het slachtoffer recht op informatie "
                    "over de zaak. Het mag gehoord worden en een schadevergoeding vragen.</p>"
                    "<p>Let op: bij een onderzoek hoort de verdachte vaak wie het slachtoffer is. Bespreek dat "
                    "vooraf.</p>",
                },
                country(
                    "NL",
                    text(
                        "<p>In Nederland beslist de officier van justitie over vervolging. Slachtofferhulp Nederland "
                        "legt uit hoe de strafzaak loopt.</p>"
                    ),
                ),
                country(
                    "BE",
                    text(
                        "<p>In België beslist de procureur des Konings (het parket) over vervolging. Is het een "
                        "probleem dat de verdachte hoort wie het slachtoffer is? Bekijk dan samen met het IGVM welke "
                        "mogelijkheden er zijn.</p>"
                    ),
                ),
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
                                        "het bewijs weg. Dat heeft Amira nodig als ze naar de politie wil.",
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
                                        "text": "De hulplijn voor beelden van minderjarigen, omdat ze nog jong is.",
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
                                        "text": "Dat ze naar de politie kan, recht heeft op bescherming, iemand mee mag "
                                        "nemen, en gratis hulp kan krijgen van slachtofferhulp.",
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
                                        "text": "Dat naar de politie gaan geen zin heeft zolang de video's nog online staan.",
                                        "outcome": "bad",
                                        "consequence": "Dat klopt niet. Offline halen en naar de politie gaan kunnen naast "
                                        "elkaar. Het bewijs dat jullie bewaard hebben, helpt de politie.",
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
                        "question": "Een vrouw ontdekt dat haar ex haar intieme beelden verspreidde. Anderen stuurden ze door. "
                        "Tegen wie kan ze bij de politie een zaak beginnen? Kies alle goede antwoorden.",
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
                        "question": "Een oud-leerling is naar de politie gestapt omdat haar beelden verspreid zijn. Wie beslist of "
                        "de dader voor de rechter moet komen?",
                        "multiple": False,
                        "options": [
                            {
                                "key": "1",
                                "text": "Het slachtoffer, omdat het zelf naar de politie is gestapt.",
                                "correct": False,
                                "feedback": "Nee. Het slachtoffer heeft wel rechten, zoals informatie krijgen en "
                                "schadevergoeding vragen, maar beslist dit niet.",
                            },
                            {
                                "key": "0",
                                "text": "Het openbaar ministerie.",
                                "correct": True,
                                "feedback": "Goed. Het openbaar ministerie beslist over vervolging en over de straf die het vraagt.",
                            },
                            {
                                "key": "2",
                                "text": "De politie.",
                                "correct": False,
                                "feedback": "Nee. De politie neemt de zaak op en stuurt die door. Het openbaar ministerie beslist "
                                "over vervolging.",
                            },
                        ],
                    },
                },
            ],
        },
        {
            "slug": "sextortion-bij-jongens",
            "title": "Sextortion: jongens afgeperst door onbekenden",
            "summary": "Steeds vaker worden jongens afgeperst met een naaktbeeld, door criminelen in het buitenland. "
            "Zo help je: niet betalen, contact stoppen, bewijs laten staan en vragen naar zelfmoordgedachten.",
            "body": [
                text(
                    "<p>Een jongen van 14 tot 17 krijgt een vriendschapsverzoek van een leuk meisje. Het gesprek gaat "
                    "snel. Zij stuurt een naaktfoto en vraagt er een terug. Zodra hij die stuurt, verandert alles. "
                    "'Betaal € 500, anders gaat je foto naar al je volgers.' De afpersers hebben zijn vriendenlijst al "
                    "bekeken.</p>"
                    "<p>Achter het profiel zit meestal geen meisje. Het zijn vaak criminele groepen in het buitenland. "
                    "Ze doen dit bij veel jongens tegelijk. Het gaat om geld, en het gaat heel snel: soms binnen een "
                    "uur. De jongen schaamt zich en voelt zich in paniek. Sommige jongens zien geen uitweg meer.</p>"
                ),
                callout(
                    "let_op",
                    "Wat je de jongen vertelt",
                    "<ul>"
                    "<li><b>Betaal niet.</b> Wie betaalt, krijgt bijna altijd een nieuwe eis. Betalen stopt de "
                    "verspreiding niet.</li>"
                    "<li><b>Stop het contact.</b> Reageer niet meer en ga niet onderhandelen. Meld het profiel in de "
                    "app en blokkeer het daarna.</li>"
                    "<li><b>Wis niets.</b> Laat de chat en het account op zijn eigen telefoon staan. Noteer de naam "
                    "van het profiel, het betaalverzoek en de datum. Dat is bewijs voor de politie.</li>"
                    "<li><b>Het is niet jouw schuld.</b> De afperser is de dader. Ook als hij zelf een foto "
                    "stuurde.</li>"
                    "</ul>",
                ),
                callout(
                    "wet",
                    "Wat jij als volwassene niet doet",
                    "<p>Bekijk het naaktbeeld niet. Maak er geen screenshot van, sla het niet op en stuur het nooit "
                    "door. Ook niet naar een collega of als bewijs. Beelden van een minderjarige bezitten of delen is "
                    "zelf strafbaar. Beschrijf wat je weet en laat de politie het bewijs vastleggen.</p>",
                ),
                text(
                    "<h3>Betrek de ouders en de politie</h3>"
                    "<p>De jongen is minderjarig. Zijn ouders of verzorgers moeten het weten, tenzij dat niet veilig "
                    "is. Vertel het samen met hem, zodat hij niet alleen hoeft uit te leggen wat er gebeurde. Meld de "
                    "afpersing bij de politie. Is er nu gevaar? Bel 112.</p>"
                    "<h3>Vraag direct naar zelfmoordgedachten</h3>"
                    "<p>Afpersing met een naaktbeeld kan een jongen wanhopig maken. Zie je signalen, zoals 'ik wil er "
                    "niet meer zijn'? Vraag het dan direct: 'Denk je erover om jezelf iets aan te doen?' Zo'n vraag "
                    "brengt niemand op ideeën. Het geeft juist ruimte om te praten. Laat de jongen niet alleen en "
                    "zoek meteen hulp.</p>"
                    "<h3>De beelden offline</h3>"
                    "<p>Was hij jonger dan 18 toen de foto gemaakt werd? Dan kan hij zelf Take It Down gebruiken. "
                    "Dat maakt op zijn eigen telefoon een code van de foto. De foto zelf gaat niet mee. Platforms die "
                    "meedoen, houden de foto dan tegen. Was hij al 18? Dan kan StopNCII. De hulplijn hieronder helpt "
                    "ook met offline halen.</p>"
                ),
                country(
                    "NL",
                    callout(
                        "tip",
                        "Hulp in Nederland",
                        "<ul>"
                        "<li>Politie: 0900-8844. Bij gevaar nu: 112.</li>"
                        "<li>113 Zelfmoordpreventie: bel 113 of gratis 0800-0113, of chat via 113.nl. Ook voor jou "
                        "als volwassene die zich zorgen maakt.</li>"
                        "<li>HelpWanted (Offlimits): hulp bij sextortion en bij offline halen van beelden.</li>"
                        "<li>De Kindertelefoon (0800-0432): voor de jongere zelf, anoniem.</li>"
                        "</ul>",
                    ),
                ),
                country(
                    "BE",
                    callout(
                        "tip",
                        "Hulp in België",
                        "<ul>"
                        "<li>Politie: de lokale politiezone. Bij gevaar nu: 101 of 112.</li>"
                        "<li>Zelfmoordlijn 1813: bel 1813 of chat via zelfmoord1813.be. Ook voor jou als volwassene "
                        "die zich zorgen maakt.</li>"
                        "<li>Child Focus (116 000): hulp bij sextortion en bij offline halen van beelden.</li>"
                        "<li>Awel (102): voor de jongere zelf, anoniem.</li>"
                        "</ul>",
                    ),
                ),
                {
                    "type": "scenario",
                    "value": {
                        "title": "Vijfhonderd euro voor middernacht",
                        "intro": "Je bent coach van een voetbalteam onder 17. Na de training komt Milan (15) naar je "
                        "toe. Hij is lijkbleek en trilt.",
                        "steps": [
                            {
                                "key": "start",
                                "situation": "Milan fluistert: 'Een meisje van Instagram heeft een naaktfoto van me. "
                                "Als ik voor middernacht geen € 500 betaal, stuurt ze hem naar iedereen.' Wat doe je?",
                                "choices": [
                                    {
                                        "text": "Je zegt: 'Goed dat je het vertelt. Het is niet jouw schuld. Je "
                                        "betaalt niets. We lossen dit samen op.'",
                                        "outcome": "good",
                                        "consequence": "Milan ademt iets rustiger. Hij hoort dat hij niet alleen is en "
                                        "dat betalen niet hoeft.",
                                        "next_step": "contact",
                                    },
                                    {
                                        "text": "Je zegt: 'Betaal het maar snel, dan ben je ervan af.'",
                                        "outcome": "bad",
                                        "consequence": "Milan maakt het geld over met een cadeaukaart. Tien minuten "
                                        "later vraagt de afperser € 1000 meer.",
                                        "next_step": "contact",
                                        "sets": "betaald",
                                    },
                                    {
                                        "text": "Je vraagt: 'Laat de foto eens zien, dan weet ik hoe erg het is.'",
                                        "outcome": "bad",
                                        "consequence": "Je hoeft de foto niet te zien. Een naaktbeeld van een "
                                        "minderjarige bekijk, bewaar of deel je nooit. Milan schaamt zich nog meer.",
                                        "next_step": "contact",
                                    },
                                ],
                            },
                            {
                                "key": "contact",
                                "situation": "De afperser blijft berichten sturen. Milan vraagt wat hij met de chat "
                                "moet doen.",
                                "notes": [
                                    {
                                        "flag": "betaald",
                                        "text": "Milan heeft al betaald en de eisen worden hoger. Zo gaat het bijna "
                                        "altijd. Betalen stopt de afpersing niet.",
                                    }
                                ],
                                "choices": [
                                    {
                                        "text": "Niet meer reageren. Het profiel melden en blokkeren, maar de chat "
                                        "niet wissen. Jullie noteren de naam van het profiel en de datum.",
                                        "outcome": "good",
                                        "consequence": "Het contact stopt en het bewijs blijft op Milans telefoon "
                                        "staan. Jij hebt het beeld niet gezien of opgeslagen.",
                                        "next_step": "thuis",
                                    },
                                    {
                                        "text": "Alles wissen, ook zijn Instagram-account. Dan is het weg.",
                                        "outcome": "bad",
                                        "consequence": "De chat en het account zijn weg. De afperser heeft de foto nog "
                                        "wel. En de politie heeft nu minder sporen.",
                                        "next_step": "thuis",
                                        "sets": "chat_weg",
                                    },
                                    {
                                        "text": "Je maakt met je eigen telefoon foto's van de hele chat, voor het "
                                        "bewijs.",
                                        "outcome": "bad",
                                        "consequence": "In de chat staat ook het naaktbeeld. Nu staat het op jouw "
                                        "telefoon, en dat is strafbaar. Laat de chat op Milans telefoon staan.",
                                        "next_step": "thuis",
                                    },
                                ],
                            },
                            {
                                "key": "thuis",
                                "situation": "Milan zegt: 'Mijn ouders mogen dit nooit weten. Soms denk ik dat het "
                                "beter is als ik er niet meer ben.'",
                                "notes": [
                                    {
                                        "flag": "chat_weg",
                                        "text": "De chat is gewist. Vertel dat eerlijk aan de politie. Die kan soms "
                                        "nog gegevens opvragen bij het platform.",
                                    }
                                ],
                                "choices": [
                                    {
                                        "text": "Je vraagt direct: 'Denk je erover om jezelf iets aan te doen?' Je "
                                        "blijft bij hem, belt samen met hem zijn ouders en de zelfmoordpreventielijn, "
                                        "en daarna de politie.",
                                        "outcome": "good",
                                        "consequence": "Milan vertelt dat hij er echt over nadacht. Je laat hem niet "
                                        "alleen. Zijn ouders komen en jullie krijgen hulp. Heeft hij een plan, of is er "
                                        "nu gevaar? Dan bel je meteen 112.",
                                        "next_step": "einde_samen",
                                    },
                                    {
                                        "text": "Je belt zijn ouders, maar je gaat niet in op wat hij zei over er "
                                        "niet meer zijn.",
                                        "outcome": "partly",
                                        "consequence": "De ouders zijn er nu, en dat is goed. Maar zijn signaal over "
                                        "zelfdoding bleef liggen. Vraag daar altijd direct naar.",
                                        "next_step": "einde_half",
                                    },
                                    {
                                        "text": "Je belooft dat je het aan niemand vertelt en spreekt morgen weer af.",
                                        "outcome": "bad",
                                        "consequence": "Milan gaat alleen naar huis, met zijn angst en zijn gedachten. "
                                        "Dit kun je niet geheimhouden.",
                                        "next_step": "einde_alleen",
                                    },
                                ],
                            },
                        ],
                        "endings": [
                            {
                                "key": "einde_samen",
                                "verdict": "good",
                                "title": "Milan staat er niet alleen voor",
                                "explanation": "Je stelde de vraag naar zelfdoding direct, betrok zijn ouders en "
                                "schakelde hulp en politie in. Je bekeek en bewaarde het beeld niet.",
                            },
                            {
                                "key": "einde_half",
                                "verdict": "partly",
                                "title": "Hulp, maar een signaal gemist",
                                "explanation": "De ouders weten het, maar Milans gedachten over zelfdoding bleven "
                                "onbesproken. Vraag er direct naar en zoek meteen hulp.",
                            },
                            {
                                "key": "einde_alleen",
                                "verdict": "bad",
                                "title": "Milan gaat alleen naar huis",
                                "explanation": "Een jongen die afgeperst wordt en aan zelfdoding denkt, laat je niet "
                                "alleen. Zijn ouders moeten het weten. Bij direct gevaar bel je 112.",
                            },
                        ],
                    },
                },
                check(
                    "Een jongen van 15 wordt afgeperst met zijn naaktfoto. Hij wil meteen € 200 overmaken 'zodat het "
                    "klaar is'. Wat zeg je?",
                    option(
                        "n1",
                        "Betalen kan, als hij daarna meteen het account van de afperser meldt en blokkeert.",
                        "Nee. Na betalen komt bijna altijd een nieuwe eis, en de foto is niet weg.",
                    ),
                    option(
                        "n2",
                        "Hij betaalt niet, stopt het contact en laat de chat op zijn telefoon staan als bewijs.",
                        "Goed. Betalen helpt niet. De chat op zijn eigen telefoon is bewijs voor de politie.",
                        correct=True,
                    ),
                    option(
                        "n3",
                        "Hij biedt een lager bedrag aan, zodat er tijd is om de politie te bellen.",
                        "Nee. Onderhandelen houdt het contact in stand en laat zien dat hij wil betalen.",
                    ),
                ),
                check(
                    "Een leerling wil je de chat met een afperser laten zien. Daarin staat ook zijn naaktfoto. Wat doe "
                    "je met het bewijs?",
                    option(
                        "n1",
                        "Je stuurt de foto door naar de directeur, zodat die hem als bewijs kan bewaren.",
                        "Nee. Zo verspreid je een beeld van een minderjarige. Dat is strafbaar, ook als bewijs.",
                    ),
                    option(
                        "n2",
                        "Je maakt met je eigen telefoon een screenshot van de chat, zodat het bewijs veilig is.",
                        "Nee. Dan staat het beeld op jouw telefoon. Laat de chat op zijn telefoon staan.",
                    ),
                    option(
                        "n3",
                        "Je kijkt niet naar de foto. De chat blijft op zijn telefoon, jij noteert het profiel.",
                        "Goed. Jij bekijkt en bewaart het beeld niet. Noteer het profiel en de datum. De politie "
                        "legt het bewijs zelf vast.",
                        correct=True,
                    ),
                ),
                check(
                    "Een jongen zegt na de afpersing zacht: 'Ik wil er niet meer zijn.' Wat doe je?",
                    option(
                        "n1",
                        "Je vraagt direct of hij erover denkt zichzelf iets aan te doen, en je blijft bij hem.",
                        "Goed. Een directe vraag brengt niemand op ideeën. Blijf bij hem en zoek meteen hulp.",
                        correct=True,
                    ),
                    option(
                        "n2",
                        "Je vraagt er niet naar door, om hem niet op het idee te brengen.",
                        "Dat is een misverstand. Vragen naar zelfmoordgedachten geeft juist ruimte om te praten.",
                    ),
                    option(
                        "n3",
                        "Je geeft hem het nummer van een hulplijn en laat hem daarna even met rust.",
                        "Een hulplijn is goed, maar laat hem nu niet alleen. Bel samen en betrek zijn ouders.",
                    ),
                ),
                country(
                    "NL",
                    check(
                        "De foto van een afgeperste jongen is gemaakt toen hij 15 was. Zijn ouders willen dat hij "
                        "offline blijft. Welke hulp past?",
                        option(
                            "n1",
                            "StopNCII, want dat mag als de ouders toestemming geven.",
                            "Nee. StopNCII is alleen voor beelden van toen iemand 18 of ouder was. Ook met "
                            "toestemming van de ouders.",
                        ),
                        option(
                            "n2",
                            "HelpWanted van Offlimits, en hij kan zelf Take It Down gebruiken.",
                            "Goed. Het gaat om de leeftijd toen de foto gemaakt werd: 15.",
                            correct=True,
                        ),
                        option(
                            "n3",
                            "Niets, want een foto die in een chat is gestuurd, kan nooit meer offline.",
                            "Nee. Platforms die meedoen met Take It Down houden de foto tegen. HelpWanted helpt "
                            "verder.",
                        ),
                    ),
                ),
                country(
                    "BE",
                    check(
                        "De foto van een afgeperste jongen is gemaakt toen hij 15 was. Zijn ouders willen dat hij "
                        "offline blijft. Welke hulp past?",
                        option(
                            "n1",
                            "StopNCII, want dat mag als de ouders toestemming geven.",
                            "Nee. StopNCII is alleen voor beelden van toen iemand 18 of ouder was. Ook met "
                            "toestemming van de ouders.",
                        ),
                        option(
                            "n2",
                            "Child Focus, en hij kan zelf Take It Down gebruiken.",
                            "Goed. Het gaat om de leeftijd toen de foto gemaakt werd: 15.",
                            correct=True,
                        ),
                        option(
                            "n3",
                            "Niets, want een foto die in een chat is gestuurd, kan nooit meer offline.",
                            "Nee. Platforms die meedoen met Take It Down houden de foto tegen. Child Focus helpt "
                            "verder.",
                        ),
                    ),
                ),
            ],
        },
    ],
}
