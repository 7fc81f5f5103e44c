"""The shipped directory: the organisation (or the action) behind every destination
code of routing contract v2, once per country that the code serves, with the contact
details a teacher needs on the advice page.

Pure data; nothing here imports Django. ``services_directory.directory_load`` writes it
into ``DirectoryEntry`` rows, where platform administrators can correct it.

Rules for this file:

* Every phone number, website and opening time was checked against a public page;
  the comment above each entry names the page(s). What could not be confirmed is left
  empty rather than guessed (a wrong number sends a child in danger nowhere).
* ``phone`` is written as people dial it; it is empty only where no central number
  exists or none could be confirmed, and then the description says where to look.
* ``description`` is one or two plain Dutch sentences (B1) for a teacher, in our own
  words, in that country's terms only (NL: aangifte; BE: klacht, politiezone).
"""

from __future__ import annotations

from dataclasses import dataclass

NL, BE = "NL", "BE"


@dataclass(frozen=True)
class Entry:
    code: str
    country: str
    name: str
    phone: str
    website: str
    opening_hours: str
    description: str

    def fields(self) -> dict[str, str]:
        """What a ``DirectoryEntry`` row stores besides its key (code, country)."""
        return {
            "name": self.name,
            "phone": self.phone,
            "website": self.website,
            "opening_hours": self.opening_hours,
            "description": self.description,
        }


DAY_AND_NIGHT = "Dag en nacht bereikbaar"

ENTRIES: tuple[Entry, ...] = (
    # --- Police ----------------------------------------------------------------------
    # https://www.politie.nl/informatie/dit-kunt-u-doen-als-u-kinderporno-tegenkomt-op-het-internet.html
    #   ("Bij spoed: 112 Geen spoed: 0900-8844")
    Entry(
        "police_emergency",
        NL,
        "Alarmnummer 112",
        "112",
        "https://www.politie.nl",
        DAY_AND_NIGHT,
        "Bel 112 als het slachtoffer of iemand in de buurt nu in gevaar is. "
        "Politie, ambulance of brandweer komt dan meteen.",
    ),
    # https://www.meise.be/thema/2651/politie (112 and 101, menu, also outside office hours);
    # https://www.depinte.be/bereikbaarheid (101, 24/24 en 7/7);
    # https://www.1712.be/nl/over-1712 ("In een noodsituatie: bel de politie op het nummer 101")
    Entry(
        "police_emergency",
        BE,
        "Noodnummer 112 (politie ook via 101)",
        "112",
        "https://www.politie.be",
        DAY_AND_NIGHT,
        "Bel 112 als het slachtoffer of iemand in de buurt nu in gevaar is; voor dringende politiehulp kan ook "
        "101. De hulpdiensten komen dan meteen.",
    ),
    # https://www.politie.nl/themas/meld-misdaad-anoniem.html ("algemene vragen aan de politie: bel dan
    #   0900-8844"); https://www.politie.nl/informatie/dit-kunt-u-doen-als-u-kinderporno-tegenkomt-op-het-internet.html
    #   ("Wilt u aangifte doen? Bel dan met de plaatselijke politie via 0900-8844").
    # Opening hours of 0900-8844 not confirmed: left out.
    Entry(
        "police_report",
        NL,
        "Politie",
        "0900-8844",
        "https://www.politie.nl",
        "",
        "Bij de politie doet het slachtoffer aangifte van een strafbaar feit, zoals bedreiging of chantage. "
        "Bel 0900-8844 voor een afspraak of kijk op politie.nl wat online kan.",
    ),
    # https://www.politie.be/5428/contact/online-aangiften/police-on-web (complaints go to the politiezone);
    # https://www.meise.be/thema/2651/politie (each zone has its own number; 101/112 for urgent help).
    # No central non-emergency number in Belgium: phone left empty.
    Entry(
        "police_report",
        BE,
        "Lokale politie (politiezone)",
        "",
        "https://www.politie.be",
        "",
        "Bij de lokale politie legt het slachtoffer klacht neer, in het commissariaat van de eigen politiezone. "
        "Het adres en telefoonnummer van de zone staan op politie.be; bij dringend gevaar belt u 101 of 112.",
    ),
    # Same sources as police_report NL.
    Entry(
        "police_notification",
        NL,
        "Politie",
        "0900-8844",
        "https://www.politie.nl",
        "",
        "Een melding vertelt de politie wat er is gebeurd, zonder dat er een onderzoek begint. "
        "Als er later weer iets gebeurt, weet de politie dat er al eerder iets was.",
    ),
    # Same sources as police_report BE.
    Entry(
        "police_notification",
        BE,
        "Lokale politie (politiezone)",
        "",
        "https://www.politie.be",
        "",
        "Het slachtoffer kan de lokale politie laten weten wat er gebeurd is, ook zonder meteen klacht neer te "
        "leggen. Het telefoonnummer van de politiezone staat op politie.be.",
    ),
    # https://www.politie.nl/themas/meld-misdaad-anoniem.html (gratis 0800-7000 of online meldformulier);
    # https://www.nieuwsuitdorst.nl/buurtpreventie/preventie-tips/meld-misdaad-anoniem/ ("dagelijks
    #   bereikbaar van 08.00 tot 24.00 uur"); https://www.bunschoten-spakenburg.nl/meld-misdaad-anoniem
    #   ("zeven dagen per week bereikbaar"); https://www.streekgids.nl/oost-gelre/... (meldmisdaadanoniem.nl)
    Entry(
        "meld_misdaad_anoniem",
        NL,
        "Meld Misdaad Anoniem",
        "0800-7000",
        "https://www.meldmisdaadanoniem.nl",
        "Elke dag van 8.00 tot 24.00 uur",
        "Hier kan iemand een misdrijf melden zonder zijn naam te geven; de melding gaat daarna naar de politie. "
        "Let op: dit is geen aangifte.",
    ),
    # --- Actions on the platforms -------------------------------------------------------
    # No organisation and no phone: the platform's own report button, and the portal's
    # takedown guides (cms.TakedownGuide). Seeds: intieme-beelden-offline-halen.txt.
    Entry(
        "platform_report",
        NL,
        "Melden bij het platform",
        "",
        "",
        "",
        "Meld het bericht of account in de app of op de website waar het staat, en blokkeer de dader. "
        "De handleiding voor dat platform op dit portaal laat stap voor stap zien hoe dat gaat.",
    ),
    Entry(
        "platform_report",
        BE,
        "Melden bij het platform",
        "",
        "",
        "",
        "Meld het bericht of account in de app of op de website waar het staat, en blokkeer de dader. "
        "De handleiding voor dat platform op dit portaal laat stap voor stap zien hoe dat gaat.",
    ),
    # https://stopncii.org/faq/ (adults; hash made on the device, only the hash is sent; under 18: Take It Down);
    # seeds: intieme-beelden-offline-halen.txt (https://stopncii.org/).
    Entry(
        "stopncii",
        NL,
        "StopNCII.org",
        "",
        "https://stopncii.org",
        "",
        "Met StopNCII maakt het slachtoffer op het eigen toestel een digitale vingerafdruk van de beelden, zodat "
        "grote platforms ze kunnen tegenhouden. Alleen voor beelden die gemaakt zijn toen het slachtoffer al 18 was.",
    ),
    Entry(
        "stopncii",
        BE,
        "StopNCII.org",
        "",
        "https://stopncii.org",
        "",
        "Met StopNCII maakt het slachtoffer op het eigen toestel een digitale vingerafdruk van de beelden, zodat "
        "grote platforms ze kunnen tegenhouden. Alleen voor beelden die gemaakt zijn toen het slachtoffer al 18 was.",
    ),
    # https://takeitdown.ncmec.org/faq/ (under 18 when made; on the device where they were taken; never
    #   download or share them to submit); https://talkheart2heart.org/resources/take-it-down/
    Entry(
        "take_it_down",
        NL,
        "Take It Down (NCMEC)",
        "",
        "https://takeitdown.ncmec.org",
        "",
        "Voor beelden van vóór het 18e jaar: het slachtoffer maakt op het eigen toestel een digitale "
        "vingerafdruk, de beelden zelf gaan nergens heen. Download of stuur de beelden hiervoor nooit door.",
    ),
    Entry(
        "take_it_down",
        BE,
        "Take It Down (NCMEC)",
        "",
        "https://takeitdown.ncmec.org",
        "",
        "Voor beelden van vóór het 18e jaar: het slachtoffer maakt op het eigen toestel een digitale "
        "vingerafdruk, de beelden zelf gaan nergens heen. Download of stuur de beelden hiervoor nooit door.",
    ),
    # --- Victim support, mediation, images (NL) -----------------------------------------
    # https://www.politie.nl/themas/slachtofferhulp.html (0900-0101); https://www.slachtofferhulp.nl/...
    # Opening hours not confirmed ("in crisissituaties ook buiten kantoortijden"): left out.
    Entry(
        "slachtofferhulp",
        NL,
        "Slachtofferhulp Nederland",
        "0900-0101",
        "https://www.slachtofferhulp.nl",
        "",
        "Slachtofferhulp Nederland helpt gratis met praten over wat er gebeurd is, met juridische vragen en met "
        "de aangifte en het strafproces. Het slachtoffer kan zich zelf aanmelden, of u meldt aan met toestemming.",
    ),
    # https://www.perspectiefherstelbemiddeling.nl/Hoe-werkt-het2/Uitleg-aanmelding/ (Aanmeldpunt 030-2340045);
    # https://production.perspectiefherstelbemiddeling.nl/zo-werkt-het/veel-gestelde-vragen/ (landelijk
    #   kantoor 030-2340045). Opening hours not confirmed: left out.
    Entry(
        "perspectief_herstelbemiddeling",
        NL,
        "Perspectief Herstelbemiddeling",
        "030-2340045",
        "https://www.perspectiefherstelbemiddeling.nl",
        "",
        "Een neutrale bemiddelaar begeleidt het contact tussen slachtoffer en dader, als beiden dat willen. "
        "Dat kan een gesprek zijn, maar ook een brief.",
    ),
    # https://www.helpwanted.nl/en ("reach us by telephone on 020 – 261 52 75"; chat; free and anonymous);
    # https://www.helpwanted.nl/informatie-voor-scholieren-en-studenten. Opening hours not confirmed.
    Entry(
        "helpwanted",
        NL,
        "Helpwanted (Offlimits)",
        "020-261 52 75",
        "https://www.helpwanted.nl",
        "",
        "Helpwanted helpt gratis en anoniem bij online seksueel misbruik, zoals verspreide naaktbeelden en "
        "sextortion. Ze kunnen platforms snel vragen beelden of accounts te verwijderen.",
    ),
    # https://www.meldpunt-kinderporno.nl/wat-melden/ and https://meldpunt-kinderporno.nl/faq (report by
    #   online form, anonymously; only images on the public internet, with a URL);
    #   https://www.saferinternetcentre.nl/meldpunt/ (the Meldpunt gets material removed).
    # Reports go through the online form: no phone.
    Entry(
        "meldpunt_kinderporno",
        NL,
        "Meldpunt Kinderporno (Offlimits)",
        "",
        "https://www.meldpunt-kinderporno.nl",
        "",
        "Het Meldpunt laat seksuele beelden van minderjarigen van openbare websites verwijderen. Melden gaat "
        "online met het meldformulier en kan anoniem: geef alleen de link (URL), nooit de beelden zelf.",
    ),
    # --- Fraud (NL) -------------------------------------------------------------------
    # http://www.fraudehelpdesk.nl/Meldpunten ("werkdagen tussen 9.00 en 17.00 uur", "088-7867372");
    # https://www.fraudhelpdesk.org/tips-page/ ("+31 (0)88-78 67 372", Monday to Friday 09.00-17.00)
    Entry(
        "fraudehelpdesk",
        NL,
        "Fraudehelpdesk",
        "088-786 73 72",
        "https://www.fraudehelpdesk.nl",
        "Maandag tot en met vrijdag van 9.00 tot 17.00 uur",
        "De Fraudehelpdesk geeft gratis advies na online oplichting en zegt welke stappen nu nodig zijn. "
        "Melden kan ook met het formulier op de website.",
    ),
    # https://www.rijksoverheid.nl/contact/contactgids/centraal-meld-en-informatiepunt-identiteitsfraude-en-fouten-cmi
    #   ("088 - 900 10 00", "maandag tot en met vrijdag van 8.30 tot 17.00 uur");
    # https://www.rvig.nl/fraudebestrijding/centraal-meldpunt-identiteitsfraude-en--fouten (same);
    # https://www.rvig.nl/centraal-meldpunt-identiteitsfraude/ (current name, meldingsformulier)
    Entry(
        "cmi",
        NL,
        "Centraal Meldpunt Identiteitsfraude (CMI)",
        "088-900 10 00",
        "https://www.rvig.nl/centraal-meldpunt-identiteitsfraude",
        "Maandag tot en met vrijdag van 8.30 tot 17.00 uur",
        "Het CMI helpt als iemand de naam of gegevens van het slachtoffer misbruikt, bijvoorbeeld voor een "
        "bestelling of een abonnement. Melden gaat met het formulier op de website.",
    ),
    # Seeds: stappenplan-nazorg-online-bedreiging.txt ("Advieslijn voor professionals op 0900-0101 (optie 3)");
    # https://www.slachtofferhulp.nl/professionals/een-slachtoffer-doorverwijzen/doorverwijzen-naar-slachtofferhulp/
    Entry(
        "advieslijn_professionals",
        NL,
        "Advieslijn voor professionals (Slachtofferhulp Nederland)",
        "0900-0101",
        "https://www.slachtofferhulp.nl/professionals/een-slachtoffer-doorverwijzen/doorverwijzen-naar-slachtofferhulp/",
        "",
        "Kies optie 3 in het menu en overleg met een deskundige over deze situatie. "
        "Zo kunt u ook een slachtoffer met toestemming aanmelden.",
    ),
    # --- Child protection, domestic violence -------------------------------------------
    # https://www.augeo.nl/nl-nl/themas/meldcode/veilig-thuis/ ("24 uur per dag gratis bereikbaar op 0800-2000");
    # https://www.veiligthuisutrecht.nl/over-ons/wat-doet-veilig-thuis/ ("24/7 gratis bereikbaar 0800 – 2000");
    # https://www.bredavandaag.nl/nieuws/algemeen/331493/... (www.veiligthuis.nl)
    Entry(
        "veilig_thuis",
        NL,
        "Veilig Thuis",
        "0800-2000",
        "https://www.veiligthuis.nl",
        DAY_AND_NIGHT,
        "Veilig Thuis geeft advies en neemt meldingen aan over huiselijk geweld en kindermishandeling. "
        "U kunt in elke stap van de meldcode bellen, ook als u twijfelt.",
    ),
    # https://www.1712.be/nl/over-1712 (helpline, not an emergency number; CAW and Vertrouwenscentra
    #   Kindermishandeling; professionals often go to a Vertrouwenscentrum directly);
    # https://www.nieuwsblad.be/cnt/dmf20190225_04205378 (every working day by phone);
    # http://kinderwelzijnsbarometer.be/... (not by phone or chat at the weekend).
    # Exact hours changed in 2021 and could not be confirmed: only "working days" is given.
    Entry(
        "vertrouwenscentrum_1712",
        BE,
        "1712 en de Vertrouwenscentra Kindermishandeling",
        "1712",
        "https://www.1712.be",
        "Op werkdagen bereikbaar, niet in het weekend",
        "1712 is een gratis en anonieme hulplijn voor vragen over geweld, misbruik en kindermishandeling; ze "
        "verwijzen door naar een CAW of een Vertrouwenscentrum Kindermishandeling. Het is geen noodnummer: bij gevaar "
        "belt u 101 of 112.",
    ),
    # https://www.caw.be/wat-beweegt-er/nieuws/een-gesprek-met-celine-bisschop-en-bart-claes-over-slachtofferhulp-van-caw/
    #   (every victim may get help, also without a complaint);
    # https://www.departementwvg.be/welzijn-en-samenleving/welzijnswerk/slachtofferhulp (free, confidential).
    # A central CAW number could not be confirmed: phone left empty.
    Entry(
        "caw_slachtofferhulp",
        BE,
        "Slachtofferhulp van het CAW",
        "",
        "https://www.caw.be",
        "",
        "Slachtofferhulp van het CAW (Centrum Algemeen Welzijnswerk) helpt gratis en vertrouwelijk na een misdrijf, "
        "ook als er geen klacht is. Het CAW in de buurt en het telefoonnummer vindt u op caw.be.",
    ),
    # https://www.vlaanderen.be/centrum-voor-leerlingenbegeleiding-clb (every recognised school works with
    #   a CLB; free; psychological and social problems such as bullying); https://brecht.be/... (same).
    Entry(
        "clb",
        BE,
        "Centrum voor Leerlingenbegeleiding (CLB)",
        "",
        "https://www.vlaanderen.be/centrum-voor-leerlingenbegeleiding-clb",
        "",
        "Elke erkende school werkt samen met een CLB, dat leerlingen gratis helpt, ook bij pesten en psychische "
        "problemen. Vraag het telefoonnummer van het CLB aan de school, of zoek het op vlaanderen.be.",
    ),
    # https://europeansafeonline.eu/focus-on-child-focus/ ("116 000 ... can be reached 24/7");
    # https://www.dekrantenkoppen.be/clickout/894628 ("gratis meldnummer 116000"); seeds (images made while a minor).
    Entry(
        "child_focus",
        BE,
        "Child Focus",
        "116 000",
        "https://www.childfocus.be",
        DAY_AND_NIGHT,
        "Child Focus helpt als naaktbeelden van een minderjarige verspreid worden of dreigen te worden, en bij andere "
        "seksuele uitbuiting van kinderen. Ze steunen het kind en de ouders en helpen de beelden offline te halen.",
    ),
    # https://igvm-iefh.belgium.be/nl/faq and https://www.mechelen.be/instituut-gelijkheid-vrouwen-en-mannen
    #   ("gratis nummer 0800/12 800 (kies nummer 1 in het menu)"); seeds (helps take intimate images offline).
    # Opening hours differ between the Dutch and French pages: left out.
    Entry(
        "igvm",
        BE,
        "Instituut voor de gelijkheid van vrouwen en mannen",
        "0800 12 800",
        "https://igvm-iefh.belgium.be",
        "",
        "Het Instituut helpt volwassenen om intieme beelden die zonder toestemming verspreid zijn offline te halen. "
        "Kies 1 in het menu van het gratis nummer.",
    ),
    # --- Hate and discrimination --------------------------------------------------------
    # https://www.unia.be/nl/faq/wat-is-de-rol-van-unia; https://www.waregem.be/producten/meldpunt-discriminatie-unia
    #   ("0800 12 800 (gratis nummer)"); https://igvm-iefh.belgium.be/nl/faq ("Unia ... 0800/12 800 (kies
    #   nummer 2 in het menu)"). Opening hours differ between sources: left out.
    Entry(
        "unia",
        BE,
        "Unia",
        "0800 12 800",
        "https://www.unia.be",
        "",
        "Unia helpt gratis en vertrouwelijk bij discriminatie, haatboodschappen en haatmisdrijven, ook online. "
        "Melden kan online of via het gratis nummer (kies 2 in het menu).",
    ),
    # https://www.versawelzijn.nl/nieuws/discriminatie-nl-een-landelijk-meldpunt-discriminatie-voor-alle-inwoners-van-nederland/
    #   (national meldpunt since 9 January 2024; the regional antidiscriminatievoorzieningen handle the reports);
    # https://oostzaan.nl/melding-doen/klacht-over-discriminatie-melden. A national phone number of
    #   Discriminatie.nl could not be confirmed (older 0900 number of Art.1 not used): phone left empty.
    Entry(
        "discriminatie_meldpunt",
        NL,
        "Discriminatie.nl (antidiscriminatievoorziening)",
        "",
        "https://www.discriminatie.nl",
        "",
        "Via Discriminatie.nl komt een melding bij het antidiscriminatiebureau in de eigen regio, dat gratis luistert, "
        "advies geeft en helpt bij vervolgstappen. Melden kan met het formulier op de website.",
    ),
    # --- Suicide prevention -------------------------------------------------------------
    # https://www.upday.com/nl/binnenland/nummer-113-nu-gratis-betere-hulp-bij-zelfdodingsgedachten/pj8neqt
    #   (2025: "Bel dan 24/7 gratis en anoniem 113 of chat op 113.nl"); https://www.113.nl/schoolopdracht
    #   ("Bel gratis 113"); https://www.nu.nl/binnenland/6062813/... (0800-0113, 24 uur per dag)
    Entry(
        "zelfmoordpreventie_113",
        NL,
        "113 Zelfmoordpreventie",
        "113",
        "https://www.113.nl",
        DAY_AND_NIGHT,
        "Bij gedachten aan zelfdoding kan het slachtoffer gratis en anoniem bellen met 113 of 0800-0113, of chatten "
        "op 113.nl. Ook u kunt bellen als u zich zorgen maakt.",
    ),
    # https://www.hbvl.be/cnt/dmf20211130_93272468 ("De Zelfmoordlijn is ook 24 uur op 24 telefonisch bereikbaar");
    # https://www.online-hulpverlening.be/blog/tag/tele-onthaal/ (1813 free and anonymous; www.zelfmoord1813.be)
    Entry(
        "zelfmoordlijn_1813",
        BE,
        "Zelfmoordlijn 1813",
        "1813",
        "https://www.zelfmoord1813.be",
        DAY_AND_NIGHT,
        "Bij gedachten aan zelfdoding kan het slachtoffer gratis en anoniem bellen met 1813, of chatten via de "
        "website. Bij direct gevaar belt u 112.",
    ),
    # --- Sexual violence ----------------------------------------------------------------
    # https://veiligthuiswb.nl/nieuws/centrum-seksueel-geweld-in-januari-van-start/ ("24/7 ... 0800-0188",
    #   www.centrumseksueelgeweld.nl); https://www.ggdfryslan.nl/... (campaign 2022, 0800 0188)
    Entry(
        "centrum_seksueel_geweld",
        NL,
        "Centrum Seksueel Geweld",
        "0800-0188",
        "https://www.centrumseksueelgeweld.nl",
        DAY_AND_NIGHT,
        "Het Centrum Seksueel Geweld geeft medische, psychische en forensische hulp na een aanranding of verkrachting. "
        "Bel zo snel mogelijk, zeker binnen zeven dagen; ook bij iets van langer geleden kan het slachtoffer terecht.",
    ),
    # https://zsg.belgium.be/nl/over-de-zorgcentra-na-seksueel-geweld (care, evidence, complaint at the police);
    # https://www.artsenkrant.com/actueel/elke-vlaamse-provincie-heeft-nu-zorgcentrum-na-seksueel-geweld/...
    #   ("7 dagen op 7 en 24 op 24 uur"). Each centre has its own number: no central phone.
    Entry(
        "zorgcentrum_seksueel_geweld",
        BE,
        "Zorgcentrum na Seksueel Geweld",
        "",
        "https://zsg.belgium.be",
        DAY_AND_NIGHT,
        "Een Zorgcentrum na Seksueel Geweld geeft medische en psychische zorg na een aanranding of verkrachting, "
        "verzamelt sporen en het slachtoffer kan er klacht neerleggen. Het dichtstbijzijnde centrum en het nummer "
        "vindt u op de website.",
    ),
    # --- Money lost ----------------------------------------------------------------------
    # https://www.waldnet.nl/wn/nieuws/70780/... and https://www.politie.nl/nieuws/2022/juni/28/... (call your
    #   own bank on its known number). Every bank has its own number: no central phone.
    Entry(
        "bank_fraud_line",
        NL,
        "De eigen bank",
        "",
        "",
        "",
        "Bel meteen de eigen bank en laat passen en rekening blokkeren. Gebruik het nummer uit de app of van de "
        "website van de bank, nooit een nummer dat de oplichter gaf.",
    ),
    # https://cardstop.be/nl/home.html (immediate blocking, 24/7); https://febelfin.be/nl/pers/fraude-veiligheid/
    #   nieuw-nummer-van-card-stop-078-170-170 ("078 170 170", 24/7)
    Entry(
        "bank_fraud_line",
        BE,
        "Card Stop en de eigen bank",
        "078 170 170",
        "https://www.cardstop.be",
        DAY_AND_NIGHT,
        "Bel meteen Card Stop om bankkaarten en betaalapps te laten blokkeren, en daarna de eigen bank. "
        "Een medewerker vraagt nooit naar de pincode.",
    ),
    # --- Inside the organisation -----------------------------------------------------------
    # No external organisation (contract: vertrouwenspersoon, anti-pestcoördinator or zorgcoördinator at
    # school; vertrouwenscontactpersoon (VCP) at a club).
    Entry(
        "internal_confidant",
        NL,
        "Eigen vertrouwenspersoon",
        "",
        "",
        "",
        "Betrek de vertrouwenspersoon, anti-pestcoördinator of zorgcoördinator van de school, of de "
        "vertrouwenscontactpersoon (VCP) van de club. Wie dat is, staat in het beleid van de eigen organisatie.",
    ),
    Entry(
        "internal_confidant",
        BE,
        "Eigen vertrouwenspersoon",
        "",
        "",
        "",
        "Betrek de vertrouwenspersoon, anti-pestcoördinator of zorgcoördinator van de school, of de "
        "vertrouwenscontactpersoon van de club. Wie dat is, staat in het beleid van de eigen organisatie.",
    ),
    # https://www.dev-kbn.nl/meldpunt ("0900 – 202 55 90 (dit nummer is op werkdagen bereikbaar van
    #   8:30 – 17:00 uur)"); https://centrumveiligesport.nl/een-melding-maken/waar-kan-ik-terecht
    #   (confidential, free, anonymous if wished)
    Entry(
        "centrum_veilige_sport",
        NL,
        "Centrum Veilige Sport Nederland",
        "0900-202 55 90",
        "https://centrumveiligesport.nl",
        "Op werkdagen van 8.30 tot 17.00 uur",
        "Het Centrum Veilige Sport luistert, geeft advies en neemt meldingen aan over grensoverschrijdend gedrag "
        "in de sport. Dat kan vertrouwelijk en als het slachtoffer wil anoniem.",
    ),
    # --- Children who want to talk ---------------------------------------------------------
    # https://www.flaironline.nl/nieuws/de-kindertelefoon-bestaat-al-40-jaar-en-maxima-bezoekt-de-vrijwilligers/
    #   (2019: "elke dag van 11:00 tot 21:00 uur gratis en anoniem ... 0800-0432");
    # https://www.metronieuws.nl/in-het-nieuws/2019/09/hoera-de-kindertelefoon-bestaat-40-jaar (11-21 uur);
    # https://www.skipr.nl/nieuws/kindertelefoon-veel-zorgen-spanningen-huiselijke-kring/ (chat on kindertelefoon.nl)
    Entry(
        "kindertelefoon",
        NL,
        "De Kindertelefoon",
        "0800-0432",
        "https://www.kindertelefoon.nl",
        "Elke dag van 11.00 tot 21.00 uur",
        "Kinderen en jongeren tot 18 jaar kunnen hier gratis en anoniem bellen of chatten over alles wat hen "
        "dwarszit. Geef het nummer mee, zodat het kind zelf kan kiezen wanneer het belt.",
    ),
    # https://slachtofferzorg.be/waar-kan-je-terecht (Awel: 6 to 25 years, number 102, www.awel.be);
    # https://www.vrt.be/vrtnws/nl/2020/02/19/awel-hulplijn-voor-jongeren-kreeg-vorig-jaar-23-000-oproepen/ (102).
    # Opening hours: only older, differing sources: left out.
    Entry(
        "awel",
        BE,
        "Awel",
        "102",
        "https://www.awel.be",
        "",
        "Kinderen en jongeren kunnen gratis en anoniem bellen, chatten of mailen met Awel over alles wat hen "
        "dwarszit. Geef het nummer mee, zodat het kind zelf kan kiezen wanneer het belt.",
    ),
)
