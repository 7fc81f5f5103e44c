"""Takedown guides: how to get intimate images or threats offline, one per platform.

Facts from the IGVM guide 'intieme beelden offline halen' (see /work/shared/seeds),
written in our own words at B1 level. The slugs are stable: referrals and lessons
point at them. Links are the official help pages named in that guide, or the
platform's own help site.
"""

from __future__ import annotations

from typing import Any

STOPNCII = {"label": "StopNCII: beelden van volwassenen laten tegenhouden", "url": "https://stopncii.org/"}

# Guides are the same in both countries. They name no country's organisations: the
# guide page adds the help lines of the learner's own country ("Hulp in jouw land",
# cms/templates/cms/takedown_guide_detail.html).
HELP_IN_YOUR_COUNTRY = "de hulplijn in jouw land (zie Hulp in jouw land, onderaan)"

# Copying or keeping nude images of a minor can itself be an offence, also "as evidence".
MINOR_NOTE = (
    "Was de persoon op de beelden jonger dan 18 toen ze gemaakt werden? Maak dan geen screenshot van het beeld. "
    "Bewaar het niet en stuur het niet door, ook niet als bewijs. Noteer alleen de link en de naam van het "
    f"account, en vraag {HELP_IN_YOUR_COUNTRY} wat je verder doet."
)

# Ready English report texts for platforms that want reports in English. No names:
# the reporter fills in the [placeholders]. Never attach the images themselves.
REPORT_SNAPCHAT = """Subject: Intimate images shared without consent

Hello,

I am reporting intimate images that were shared on Snapchat without the consent of the person in them.

- Username of the account that shared them: [username]
- Where: [chat / Story / Snap Map]
- Date and time I saw them: [date, time]

The person in the images did not agree to this. [The person was under 18 when the images were made.]
Please remove the images and stop this account from sharing them again.

I am reporting [for myself / on behalf of the person in the images, with their permission].

Thank you."""

REPORT_TELEGRAM = """To: abuse@telegram.org
Subject: Intimate images shared without consent

Hello,

Intimate images of a person are being shared on Telegram without their consent.

- Link to the channel, group or bot: [link]
- Username of the account that shares them: [@username]
- Links to the messages: [link 1], [link 2]
- Date and time I saw them: [date, time]

The person in the images did not agree to this. [The person was under 18 when the images were made.]
Please remove the images and block the accounts that spread them.

I am reporting [for myself / on behalf of the person in the images, with their permission].

Thank you."""

REPORT_DISCORD = """Report type: Harassment / non-consensual intimate media

Hello,

Intimate images of a person were shared on Discord without their consent.

- User ID: [17 or 18 digits]
- Channel ID: [number]
- Message IDs: [number], [number]
- Server ID (if any): [number]

The person in the images did not agree to this. [The person was under 18 when the images were made.]
Please remove the images and take action against this account.

Thank you."""

EVIDENCE_STEP = {
    "title": "Bewaar eerst het bewijs",
    "text": "Meld pas als de screenshots en links veilig bewaard zijn. Na een melding kan het bericht weg zijn, "
    "en dan ben je het bewijs kwijt. " + MINOR_NOTE,
}

GUIDES: list[dict[str, Any]] = [
    {
        "slug": "facebook-messenger",
        "platform": "Facebook en Messenger",
        "summary": "Zo meld je intieme beelden die zonder toestemming op Facebook of in Messenger staan. "
        "Facebook haalt gemelde beelden weg. Daarna houdt Facebook dezelfde beelden ook tegen als iemand "
        "ze opnieuw probeert te plaatsen.",
        "evidence_first": [
            "Een screenshot van het bericht of de foto, waarop je ziet dat het Facebook of Messenger is.",
            "De datum en het tijdstip op het screenshot.",
            "De link (URL) van het Facebook-profiel van wie de beelden deelt.",
            "Het e-mailadres van dat profiel, als je het kunt zien.",
            "De link van het bericht of de foto zelf.",
        ],
        "steps": [
            EVIDENCE_STEP,
            {
                "title": "Klik op de drie puntjes bij het bericht of de foto",
                "text": "Je vindt ze meestal rechtsboven bij een bericht.",
            },
            {
                "title": "Kies Rapporteren en beantwoord de vragen",
                "text": "Kies de reden die het best past, bijvoorbeeld naaktbeelden. Facebook verwijdert de beelden en "
                "houdt ze tegen als iemand ze later opnieuw plaatst.",
            },
            {
                "title": "Geen Facebook-account? Vraag hulp",
                "text": "Heeft het slachtoffer geen account? Dan kan iemand die het slachtoffer vertrouwt en die wel "
                "een account heeft, de melding doen.",
            },
            {
                "title": "Lukt het niet? Vraag hulp",
                "text": f"Lukt het melden niet, of gaat het te traag? Vraag dan {HELP_IN_YOUR_COUNTRY}. Sommige "
                "hulplijnen werken nauw samen met Facebook. Hun verzoeken krijgen voorrang.",
            },
            {
                "title": "Laat een beeld vooraf blokkeren",
                "text": "Facebook kan een beeld ook vooraf als verboden markeren. Dan kan niemand het op de openbare "
                "delen van Facebook plaatsen. Vraag de hulplijn in jouw land of die dat voor het slachtoffer kan "
                "aanvragen.",
            },
            {
                "title": "Houd de beelden in de toekomst tegen",
                "text": "Was het slachtoffer 18 of ouder toen de beelden gemaakt werden? Dan kan StopNCII een "
                "digitale code van het beeld maken. Facebook krijgt alleen die code, niet het beeld, en houdt het "
                "beeld daarmee tegen. Dit werkt niet voor privéberichten in Messenger.",
            },
        ],
        "links": [
            {
                "label": "Facebook: helpcentrum (zoek op intieme beelden zonder toestemming)",
                "url": "https://www.facebook.com/help/",
            },
            STOPNCII,
        ],
        "account_needed": True,
        "account_note": "Melden gaat met een Facebook-account. Heeft het slachtoffer geen account, dan kan een "
        "vertrouwd persoon met een account melden. Ook de hulplijn in jouw land kan helpen.",
        "works_with_stopncii": True,
        "language_notes": "",
    },
    {
        "slug": "instagram",
        "platform": "Instagram",
        "summary": "Zo meld je intieme beelden op Instagram, en ook het profiel van wie ze verspreidt. Dat kan in "
        "de app, op de website, en met een formulier als je geen account hebt.",
        "evidence_first": [
            "Een screenshot van het bericht of de foto, waarop je ziet dat het Instagram is.",
            "De datum en het tijdstip op het screenshot.",
            "De gebruikersnaam en de link naar het profiel van wie de beelden deelt.",
            "De link van het bericht zelf.",
            "Screenshots van Direct-berichten (DM's), als de beelden daar gestuurd zijn.",
        ],
        "steps": [
            EVIDENCE_STEP,
            {
                "title": "In de app: tik op de drie puntjes",
                "text": "Je vindt ze rechtsboven bij het profiel of bij het bericht. Tik op Rapporteren en volg de "
                "stappen op je scherm.",
            },
            {
                "title": "Op de website: meld het profiel",
                "text": "Klik op de drie puntjes naast de gebruikersnaam. Kies Gebruiker rapporteren en volg de "
                "stappen.",
            },
            {
                "title": "Op de website: meld het bericht",
                "text": "Klik op de drie puntjes rechtsboven het bericht. Kies Rapporteren als ongepast en volg de "
                "stappen.",
            },
            {
                "title": "Geen Instagram-account? Gebruik het formulier",
                "text": "Met het meldformulier van Instagram kun je beelden of profielen melden zonder eigen account.",
            },
            {
                "title": "Houd de beelden in de toekomst tegen",
                "text": "Was het slachtoffer 18 of ouder toen de beelden gemaakt werden? Dan kan StopNCII een "
                "digitale code van het beeld met Instagram delen. Instagram houdt het beeld dan tegen. Dit werkt "
                "niet voor Direct-berichten.",
            },
        ],
        "links": [
            {
                "label": "Instagram: intieme beelden melden zonder account",
                "url": "https://help.instagram.com/contact/383679321740945",
            },
            STOPNCII,
        ],
        "account_needed": False,
        "account_note": "Met een account meld je in de app of op de website. Zonder account gebruik je het "
        "meldformulier van Instagram.",
        "works_with_stopncii": True,
        "language_notes": "",
    },
    {
        "slug": "snapchat",
        "platform": "Snapchat",
        "summary": "Zo meld je een snap, een verhaal (Story) of een profiel op Snapchat. Dat kan in de app of via "
        "de hulpsite van Snapchat. Doe de melding in het Engels.",
        "evidence_first": [
            "Een screenshot van de snap, het verhaal of het profiel, met de gebruikersnaam erop.",
            "De datum en het tijdstip.",
            "De gebruikersnaam van wie de beelden deelt (niet alleen de naam die je in beeld ziet).",
            "Waar je het zag: in een chat, in een verhaal of op de Snap Map.",
            "Snaps verdwijnen snel. Maak het screenshot dus meteen. Let op: Snapchat kan de ander laten weten dat er "
            "een screenshot is gemaakt. Bespreek dat vooraf met het slachtoffer.",
        ],
        "steps": [
            EVIDENCE_STEP,
            {
                "title": "In de app: tik op de drie puntjes",
                "text": "Kies Melden (of Report). Leg kort en duidelijk uit waarom je dit meldt.",
            },
            {
                "title": "Op de website: ga naar de hulpsite",
                "text": "Open de hulpsite van Snapchat en kies Een veiligheidsprobleem melden.",
            },
            {
                "title": "Kies de optie die past",
                "text": "Heeft iemand een nepaccount van het slachtoffer gemaakt? Kies Mijn Snapchataccount. Staat "
                "er een naaktbeeld, dreiging of pesterij in een verhaal? Kies Een Verhaal. Heeft iemand een "
                "naaktbeeld of een nare boodschap gestuurd? Kies Het Snapchataccount van iemand anders. Er zijn "
                "ook keuzes voor de Snap Map, Context Cards en lenzen.",
            },
            {
                "title": "Zie je eerst alleen uitleg? Klik door",
                "text": "Snapchat laat soms eerst zien hoe je iemand blokkeert. Kies Ja bij de vraag of ze je op een "
                "andere manier kunnen helpen. Dan krijg je het formulier.",
            },
            {
                "title": "Schrijf je melding in het Engels",
                "text": "Gebruik korte, duidelijke zinnen. Zeg wat er te zien is en dat het zonder toestemming "
                "gedeeld is. Onderaan deze handleiding staat een Engelse tekst die je kunt kopiëren.",
            },
            {
                "title": "Houd de beelden in de toekomst tegen",
                "text": "Was het slachtoffer 18 of ouder toen de beelden gemaakt werden? Dan kan StopNCII een "
                "digitale code van het beeld maken. Snapchat krijgt alleen die code, niet het beeld, en houdt het beeld "
                "daarmee tegen.",
            },
        ],
        "links": [
            {
                "label": "Snapchat: een veiligheidsprobleem melden",
                "url": "https://support.snapchat.com/nl-NL/i-need-help",
            },
            STOPNCII,
        ],
        "account_needed": False,
        "account_note": "In de app meld je met een Snapchat-account. Het formulier op de hulpsite kun je ook "
        "zonder de app invullen.",
        "works_with_stopncii": True,
        "language_notes": "Doe de melding in het Engels, ook als de hulpsite in het Nederlands is.",
        "report_text_en": REPORT_SNAPCHAT,
    },
    {
        "slug": "youtube",
        "platform": "YouTube",
        "summary": "Zo laat je intieme beelden van YouTube halen. Meld de video met het formulier van YouTube of "
        "onder de video. Neem geen contact op met het kanaal als dat van de dader kan zijn.",
        "evidence_first": [
            "Een screenshot van de video, met de naam van het kanaal erop.",
            "De datum en het tijdstip.",
            "De link van de video.",
            "De link van het kanaal.",
            "Het moment in de video waarop de beelden te zien zijn (bijvoorbeeld 2:15).",
        ],
        "steps": [
            EVIDENCE_STEP,
            {
                "title": "Vul het formulier in",
                "text": "Gebruik het meldformulier van YouTube. Daarvoor heb je geen account nodig.",
            },
            {
                "title": "Of meld onder de video",
                "text": "Klik op de drie puntjes onder de video en kies Melden. Kies de reden die het best past. "
                "Hiervoor heb je een Google-account nodig, bijvoorbeeld een Gmail-adres.",
            },
            {
                "title": "Het kanaal zelf benaderen? Alleen als het veilig is",
                "text": "Je kunt het kanaal vragen de video weg te halen. Doe dat niet als het kanaal van de dader "
                "kan zijn of van iemand die het slachtoffer kent. Zoek nooit zelf contact met de dader. Dat kan "
                "het slachtoffer in gevaar brengen.",
            },
        ],
        "links": [
            {"label": "YouTube: privacy-klacht indienen", "url": "https://support.google.com/youtube/answer/142443"},
        ],
        "account_needed": False,
        "account_note": "Voor het formulier heb je geen account nodig. Melden onder de video kan alleen met een "
        "Google-account.",
        "works_with_stopncii": False,
        "language_notes": "",
    },
    {
        "slug": "google-search",
        "platform": "Google Zoeken",
        "summary": "Google kan links naar intieme beelden uit de zoekresultaten halen. De pagina zelf blijft dan "
        "wel bestaan. Alleen de beheerder van de website kan de pagina echt verwijderen.",
        "evidence_first": [
            "Een screenshot van de zoekresultaten en van de pagina waar de beelden staan, met de datum.",
            "De link (URL) van elke pagina waar de beelden staan.",
            "De link van de pagina met zoekresultaten van Google waarop je die pagina's ziet.",
            "Bij een afbeelding: ook de link van de afbeelding zelf (via Google Afbeeldingen, Delen, link kopiëren).",
        ],
        "steps": [
            EVIDENCE_STEP,
            {
                "title": "Open het formulier en start een verzoek",
                "text": "Klik in het formulier op verwijderingsverzoek starten.",
            },
            {
                "title": "Beantwoord de vraag over de websitebeheerder",
                "text": "Google vraagt of je de beheerder van de website al benaderd hebt. De beheerder kan de pagina "
                "helemaal weghalen, Google alleen de link. Wil je de beheerder liever niet benaderen? Kies dan "
                "nee, liever niet.",
            },
            {
                "title": "Kies het soort beeld",
                "text": "Kies Naaktfoto's of seksueel expliciete items, en dan een seksuele, intieme of naaktfoto of "
                "-video. Geef aan dat het slachtoffer op de beelden staat en geen toestemming gaf.",
            },
            {
                "title": "Vul je gegevens in",
                "text": "Gebruik een e-mailadres dat je goed in de gaten houdt. Google stuurt daar de bevestiging, "
                "eventuele vragen en de uitkomst naartoe.",
            },
            {
                "title": "Geef alle links op",
                "text": "Zet elke link op een eigen regel. Geef de links van de pagina's waar de beelden staan, en "
                "de link van de pagina met zoekresultaten. Gaat het om een afbeelding? Geef dan de link van de "
                "afbeelding én van de pagina.",
            },
            {
                "title": "Voeg uitleg toe en verstuur",
                "text": "Screenshots voeg je alleen toe bij beelden van een volwassene, nooit bij beelden van een "
                "minderjarige. Verklaar dat alles klopt en klik op sturen. Je krijgt automatisch een e-mail. Google bekijkt "
                "het verzoek zo snel mogelijk en laat weten wat het gedaan heeft.",
            },
            {
                "title": "Staan de beelden in een andere dienst van Google?",
                "text": "Denk aan Google Drive of Blogger. Die vallen niet onder het formulier voor de "
                "zoekresultaten. Gebruik dan het formulier om inhoud uit andere diensten van Google te laten "
                "verwijderen.",
            },
            {
                "title": "Al weg op de website, maar nog te vinden in Google?",
                "text": "Heeft de beheerder de pagina al aangepast of verwijderd? Vraag dan met de tool voor "
                "verouderde content of Google de oude link weghaalt.",
            },
        ],
        "links": [
            {
                "label": "Google: intieme beelden uit de zoekresultaten laten halen",
                "url": "https://support.google.com/websearch/answer/6302812?hl=nl",
            },
            {
                "label": "Google: verouderde content laten verwijderen",
                "url": "https://search.google.com/search-console/remove-outdated-content",
            },
            {
                "label": "Google: zo vind je de link van een pagina of afbeelding",
                "url": "https://support.google.com/websearch/answer/118238",
            },
            {
                "label": "Google: inhoud uit andere diensten (zoals Drive) laten verwijderen",
                "url": "https://support.google.com/legal/answer/3110420",
            },
        ],
        "account_needed": False,
        "account_note": "Voor het formulier heb je een e-mailadres nodig. Vraagt Google je om in te loggen? Een "
        "Google-account maak je gratis aan.",
        "works_with_stopncii": False,
        "language_notes": "",
    },
    {
        "slug": "tiktok",
        "platform": "TikTok",
        "summary": "Zo meld je een video, een reactie of een account op TikTok. Bij een melding van een account "
        "kun je uitleg en screenshots toevoegen.",
        "evidence_first": [
            "Een screenshot van de video of de reactie, met de gebruikersnaam en de datum.",
            "De link van de video (via Delen, Link kopiëren).",
            "De gebruikersnaam en de link van het account.",
            "Screenshots van chats met de dader, als die er zijn.",
        ],
        "steps": [
            EVIDENCE_STEP,
            {
                "title": "Meld het account",
                "text": "Open het profiel. Tik op de drie puntjes en kies Melden. Kies de reden die het best past. "
                "Schrijf kort wat er gebeurt en voeg screenshots toe, bijvoorbeeld van het profiel of van chats.",
            },
            {
                "title": "Meld een video",
                "text": "Houd je vinger op de video of tik op het pijltje om te delen. Kies Melden en volg de stappen.",
            },
            {
                "title": "Meld een reactie",
                "text": "Houd je vinger op de reactie onder de video. Kies Melden en volg de stappen.",
            },
            {
                "title": "Blokkeer het account",
                "text": "Blokkeer het account na de melding, zodat het slachtoffer geen nieuwe berichten krijgt.",
            },
            {
                "title": "Houd de beelden in de toekomst tegen",
                "text": "Was het slachtoffer 18 of ouder toen de beelden gemaakt werden? Dan kan StopNCII een "
                "digitale code van het beeld maken. TikTok krijgt alleen die code, niet het beeld, en houdt het beeld "
                "daarmee tegen.",
            },
        ],
        "links": [
            {"label": "TikTok: hulpcentrum", "url": "https://support.tiktok.com/"},
            STOPNCII,
        ],
        "account_needed": True,
        "account_note": "Melden in de app gaat met een TikTok-account. Geen account? Vraag iemand die het "
        f"slachtoffer vertrouwt, of vraag {HELP_IN_YOUR_COUNTRY}.",
        "works_with_stopncii": True,
        "language_notes": "",
    },
    {
        "slug": "x-twitter",
        "platform": "X (Twitter)",
        "summary": "Zo meld je intieme beelden op X, dat vroeger Twitter heette. Dat kan in de app, op de website "
        "en met een apart formulier. In de menu's staat soms nog Tweet in plaats van post.",
        "evidence_first": [
            "Een screenshot van de post, met de gebruikersnaam en de datum.",
            "De link van de post.",
            "De gebruikersnaam (met @) van wie de beelden deelt.",
            "De links van alle posts met de beelden. Je kunt er tot vijf tegelijk melden.",
        ],
        "steps": [
            EVIDENCE_STEP,
            {
                "title": "Open het meldmenu bij de post",
                "text": "Tik of klik bij de post op het icoon met het menu. Kies Tweet rapporteren (of Post "
                "rapporteren).",
            },
            {
                "title": "Kies de juiste reden",
                "text": "Kies dat de post een gevoelige foto of video bevat. Kies daarna een onbevoegde foto of "
                "video, en dan dat het om onbevoegde, intieme content gaat.",
            },
            {
                "title": "Zeg namens wie je meldt",
                "text": "Kies of je meldt voor jezelf of voor iemand anders.",
            },
            {
                "title": "Kies tot vijf posts en verstuur",
                "text": "In één melding kun je maximaal vijf posts laten beoordelen. Verstuur daarna de melding.",
            },
            {
                "title": "Of gebruik het formulier voor privégegevens",
                "text": "Kies in dat formulier de optie An unauthorized photo or video.",
            },
            {
                "title": "Meld je voor iemand anders? Lees dit",
                "text": "X laat niet iedereen alles melden. Zijn de beelden duidelijk gedeeld uit wraak of om geld "
                "te verdienen, of roept iemand op om ze te delen? Dan mag iedereen melden. In andere gevallen "
                "moet de persoon op de beelden het zelf doen. Twijfel je? Vraag de hulplijn in jouw land. Die kan "
                "soms namens het slachtoffer melden.",
            },
        ],
        "links": [
            {
                "label": "X: formulier voor privégegevens en beelden zonder toestemming",
                "url": "https://help.x.com/forms/private_information",
            },
        ],
        "account_needed": True,
        "account_note": "In de app en op de website meld je met een account. Heeft het slachtoffer geen account, "
        f"vraag dan {HELP_IN_YOUR_COUNTRY}.",
        "works_with_stopncii": False,
        "language_notes": "Het formulier voor privégegevens is deels in het Engels. Kies daar An unauthorized photo "
        "or video.",
    },
    {
        "slug": "whatsapp",
        "platform": "WhatsApp",
        "summary": "In WhatsApp kun je een contact of een groep blokkeren en melden. Wil je ook uitleg en "
        "screenshots sturen? Neem dan contact op via Help in de instellingen.",
        "evidence_first": [
            "Screenshots van de chat, met de naam of het telefoonnummer van de afzender.",
            "De datum en het tijdstip van de berichten.",
            "Het telefoonnummer van de afzender.",
            "Bij een groep: de naam van de groep en wie de beelden plaatste.",
            "Wis de chat niet, ook niet als WhatsApp dat voorstelt bij het melden.",
        ],
        "steps": [
            EVIDENCE_STEP,
            {
                "title": "Android: blokkeren of melden",
                "text": "Open de chat. Tik op de drie puntjes en dan op Meer. Kies Blokkeren of Rapporteren. Wil je "
                "allebei? Kies dan Blokkeren, bevestig, en tik op Melden en blokkeren.",
            },
            {
                "title": "iPhone: blokkeren of melden",
                "text": "Open de chat en tik bovenaan op de naam van de persoon. Scrol naar beneden tot je "
                "Rapporteren ziet, en volg de stappen.",
            },
            {
                "title": "Uitleg en screenshots sturen",
                "text": "Android: tik op de drie puntjes, dan op Instellingen, Help en Contact opnemen. iPhone: tik "
                "op Instellingen, Help en Contact opnemen. Beschrijf wat er gebeurt en voeg screenshots toe.",
            },
            {
                "title": "Een groep melden",
                "text": "Worden er naaktbeelden in een groep gedeeld? Open de groep, tik op de naam van de groep, "
                "en kies onderaan Groep rapporteren.",
            },
            {
                "title": "Pas de privacy-instellingen aan",
                "text": "Kijk samen wie het slachtoffer aan groepen mag toevoegen en wie de profielfoto en de "
                "status mag zien.",
            },
        ],
        "links": [
            {"label": "WhatsApp: helpcentrum", "url": "https://faq.whatsapp.com/"},
        ],
        "account_needed": True,
        "account_note": "Melden gaat vanuit de chat, dus met het WhatsApp-account van wie de berichten kreeg.",
        "works_with_stopncii": False,
        "language_notes": "",
    },
    {
        "slug": "discord",
        "platform": "Discord",
        "summary": "Discord onderzoekt een melding alleen als je de ID-nummers meestuurt. Verzamel die eerst. "
        "Daarna meld je het bij het Trust & Safety-team van Discord, met een webformulier.",
        "evidence_first": [
            "Screenshots van de berichten, met de gebruikersnaam en de datum.",
            "Het ID-nummer van de gebruiker: een reeks van 17 of 18 cijfers. Dat is iets anders dan de gebruikersnaam.",
            "Het ID-nummer van het kanaal waar het bericht stond. Ook privéchats hebben een kanaalnummer.",
            "De ID-nummers van de berichten. Bij een lang gesprek zijn een paar nummers genoeg.",
            "Het ID-nummer van de server, als je een server meldt.",
        ],
        "steps": [
            {
                "title": "Zet de ontwikkelaarsmodus aan",
                "text": "Ga in Discord naar de instellingen, dan naar Geavanceerd, en zet Ontwikkelaarsmodus aan. "
                "Dan kun je met rechts klikken (of lang drukken) een ID-nummer kopiëren.",
            },
            {
                "title": "Kopieer de ID-nummers en maak screenshots",
                "text": "Verzamel de nummers van de gebruiker, het kanaal, de berichten en eventueel de server. "
                "Bewaar ze samen met de screenshots. " + MINOR_NOTE,
            },
            {
                "title": "Open het meldformulier",
                "text": "Kies het soort melding dat past, bijvoorbeeld lastigvallen of bedreiging.",
            },
            {
                "title": "Beschrijf het probleem en plak de ID-nummers",
                "text": "Leg kort uit wat er gebeurt. Zet alle ID-nummers in het formulier. Zonder die nummers kan "
                "Discord de melding niet onderzoeken.",
            },
        ],
        "links": [
            {
                "label": "Discord: meldformulier Trust & Safety",
                "url": "https://support.discord.com/hc/en-us/requests/new",
            },
        ],
        "account_needed": False,
        "account_note": "Het formulier vul je in met een e-mailadres. Om de ID-nummers te vinden heb je wel "
        "toegang tot Discord nodig.",
        "works_with_stopncii": False,
        "language_notes": "Het meldformulier is in het Engels. Je mag je uitleg in eenvoudig Engels schrijven.",
        "report_text_en": REPORT_DISCORD,
    },
    {
        "slug": "tinder",
        "platform": "Tinder",
        "summary": "Een profiel op Tinder meld je in de app of via de hulpsite. Via de hulpsite kun je uitleg en "
        "screenshots sturen.",
        "evidence_first": [
            "Een screenshot van het profiel, met de naam, de leeftijd en de bio.",
            "Screenshots van de chat, met de datum.",
            "De plaats die bij het profiel staat.",
        ],
        "steps": [
            EVIDENCE_STEP,
            {
                "title": "Melden tijdens het swipen",
                "text": "Open het profiel, scrol naar beneden en tik op Rapporteren.",
            },
            {
                "title": "Melden vanuit je matches",
                "text": "Open de chat met de persoon. Tik op de foto om het profiel te openen en tik op Rapporteren.",
            },
            {
                "title": "Melden via de hulpsite",
                "text": "Ga naar Veiligheid en rapportage en kies Iets rapporteren dat in de app is gebeurd. Klik "
                "daarna op de link om contact op te nemen.",
            },
            {
                "title": "Zet alle details in je bericht",
                "text": "Schrijf wat er gebeurde en waar het profiel zich bevindt. Noem de precieze naam, leeftijd "
                "en bio van het profiel. Voeg screenshots toe en verstuur je melding.",
            },
        ],
        "links": [
            {"label": "Tinder: hulpsite", "url": "https://help.tinder.com/hc/nl"},
        ],
        "account_needed": False,
        "account_note": "In de app meld je met een account. Via de hulpsite kan het ook zonder account.",
        "works_with_stopncii": False,
        "language_notes": "",
    },
    {
        "slug": "grindr",
        "platform": "Grindr",
        "summary": "Op Grindr meld je een profiel in de app. Je kunt uitleggen wat er gebeurde en de chat meesturen.",
        "evidence_first": [
            "Een screenshot van het profiel van wie de beelden deelt.",
            "Screenshots van de chat, met de datum.",
            "De naam die bij het profiel staat.",
        ],
        "steps": [
            EVIDENCE_STEP,
            {
                "title": "Open het profiel",
                "text": "Tik rechtsboven in het profiel op het icoontje.",
            },
            {
                "title": "Kies Report",
                "text": "Je ziet nu een paar redenen. Kies de reden die het best past.",
            },
            {
                "title": "Vertel wat er gebeurde",
                "text": "Tik op Tell us what happened en geef extra uitleg.",
            },
            {
                "title": "Zeg waar het gebeurde",
                "text": "Bijvoorbeeld in een chat of op een profiel.",
            },
            {
                "title": "Stuur de chat mee",
                "text": "Je kunt de chatgeschiedenis meesturen. Dan kan Grindr beter beoordelen wat er gebeurde.",
            },
        ],
        "links": [
            {"label": "Grindr: hulpsite", "url": "https://help.grindr.com/"},
        ],
        "account_needed": True,
        "account_note": "Melden gaat in de app, met het Grindr-account van het slachtoffer.",
        "works_with_stopncii": False,
        "language_notes": "Sommige knoppen in het meldscherm zijn in het Engels, zoals Report en Tell us what "
        "happened.",
    },
    {
        "slug": "telegram",
        "platform": "Telegram",
        "summary": "In Telegram meld je een bericht in de app. Gaat het om kanalen, bots of stickers? Dan stuur "
        "je een e-mail.",
        "evidence_first": [
            "Screenshots van de berichten, met de naam van de afzender of het kanaal en de datum.",
            "De gebruikersnaam (met @) van de afzender.",
            "De link van het kanaal of de groep, als die er is.",
        ],
        "steps": [
            EVIDENCE_STEP,
            {
                "title": "Meld het bericht",
                "text": "Selecteer het bericht. Tik op het icoon met het uitroepteken of op Melden.",
            },
            {
                "title": "Kies het soort inhoud",
                "text": "Geef aan om wat voor illegale inhoud het gaat. Vertel er kort bij wat er gebeurde.",
            },
            {
                "title": "Kanalen, bots en stickers: stuur een e-mail",
                "text": "Worden de beelden gedeeld via een kanaal, een bot of een stickerset? Mail dan naar "
                "abuse@telegram.org. Zet de links in je mail. Screenshots stuur je alleen mee bij beelden van een "
                "volwassene, nooit bij beelden van een minderjarige.",
            },
            {
                "title": "Doet iemand zich voor als het slachtoffer?",
                "text": "Neem dan contact op met het account @notoscam in Telegram.",
            },
        ],
        "links": [
            {"label": "Telegram: @notoscam bij nepaccounts", "url": "https://t.me/notoscam"},
            {"label": "Telegram: veelgestelde vragen", "url": "https://telegram.org/faq"},
        ],
        "account_needed": True,
        "account_note": "Melden in de app gaat met een Telegram-account. Een e-mail naar abuse@telegram.org kan "
        "iedereen sturen.",
        "works_with_stopncii": False,
        "language_notes": "Schrijf een e-mail aan abuse@telegram.org het liefst in het Engels.",
        "report_text_en": REPORT_TELEGRAM,
    },
]
