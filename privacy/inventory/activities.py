"""The processing activities (verwerkingen) of the portal: the entries of the processing
register (verwerkingsregister, art. 30 AVG) that ``manage.py privacy_docs`` writes.

The organisation that uses the portal (school, club, municipality, partner) is the
controller (verwerkingsverantwoordelijke) for its own data; the party that runs the
portal is its processor (verwerker) under a processing agreement. The grounds below
are the ones the portal is built for; each organisation's data protection officer
checks them against its own situation in its DPIA.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Activity:
    id: str
    name: str
    purpose: str
    basis: str  # art. 6 AVG
    special_ground: str  # art. 9 / art. 10 AVG, or "" when no such data is processed
    recipients: str
    measures: tuple[str, ...]


ACTIVITIES: tuple[Activity, ...] = (
    Activity(
        id="case_handling",
        name="Signalen en casussen over online bedreiging behandelen",
        purpose=(
            "Een leerling, lid of inwoner die slachtoffer is van online bedreiging, sextortion, doxing of het "
            "delen van naaktbeelden zonder toestemming goed helpen: het signaal vastleggen, de stappen van het "
            "stappenplan volgen en afspraken bijhouden."
        ),
        basis="Art. 6 lid 1 sub e AVG (taak van algemeen belang: zorg voor leerlingen en leden), en voor scholen "
        "ook sub c (wettelijke plicht, zoals de meldcode huiselijk geweld en kindermishandeling in Nederland).",
        special_ground=(
            "Gegevens over seksueel leven (art. 9 AVG) en over strafbare feiten (art. 10 AVG) kunnen in een casus "
            "staan. Grond: art. 9 lid 2 sub g AVG met de uitvoeringswet (zwaarwegend algemeen belang: bescherming "
            "van kinderen), en art. 10 AVG binnen de grenzen van de uitvoeringswet. Het portaal vraagt nooit om "
            "beelden: uploaden van afbeeldingen bij een casus kan niet."
        ),
        recipients="Alleen de aandachtsfunctionarissen en coördinatoren van de organisatie; partners alleen via een "
        "doorverwijzing met toestemming.",
        measures=(
            "Contactgegevens van het slachtoffer versleuteld in de database (Fernet, sleutelrotatie).",
            "Tweestapsverificatie verplicht voor elke rol die casussen ziet.",
            "Elke inzage in een casus staat in het inzagelog.",
            "Gesloten casussen worden na de bewaartermijn van de organisatie automatisch verwijderd.",
            "Geen gegevens van slachtoffers in e-mails of logbestanden: e-mails bevatten alleen een kenmerk en een link.",
        ),
    ),
    Activity(
        id="referral",
        name="Doorverwijzen naar een partnerorganisatie",
        purpose="Het slachtoffer doorverwijzen naar de hulp die past (bijvoorbeeld slachtofferhulp of de politie), "
        "en de terugkoppeling van de partner bijhouden.",
        basis="Art. 6 lid 1 sub a AVG (toestemming van het slachtoffer, of van een ouder of voogd onder de "
        "toestemmingsleeftijd), of sub e waar de organisatie zonder toestemming moet handelen om een kind te beschermen.",
        special_ground="Art. 9 lid 2 sub a (uitdrukkelijke toestemming) of sub g AVG; art. 10 AVG.",
        recipients="De partnerorganisatie die de doorverwijzing ontvangt; de gemeentelijke coördinator ziet de "
        "doorverwijzingen in de gemeente.",
        measures=(
            "Alleen met vastgelegde toestemming gaan contactgegevens naar de partner.",
            "Eenmalige links voor partners verlopen en worden alleen als hash bewaard.",
            "Elke overdracht staat in het inzagelog.",
        ),
    ),
    Activity(
        id="training",
        name="E-learning, kennischecks en certificaten",
        purpose="Leerkrachten, coaches en vrijwilligers leren wat ze moeten doen (en niet doen) als een slachtoffer "
        "hen in vertrouwen neemt; coördinatoren zien wie welke training af heeft.",
        basis="Art. 6 lid 1 sub b AVG (het werk van de medewerker of vrijwilliger) of sub f (gerechtvaardigd belang "
        "van de organisatie bij goed opgeleide mensen).",
        special_ground="",
        recipients="De coördinatoren van de eigen organisatie en de gemeente (in aantallen, niet per persoon).",
        measures=("Dashboards tonen kleine aantallen niet (kleine-getallenregel).",),
    ),
    Activity(
        id="accounts",
        name="Accounts, rollen en inloggen",
        purpose="Mensen veilig laten inloggen met de rol die bij hun werk hoort, ook via de inlog van hun school, "
        "club of gemeente.",
        basis="Art. 6 lid 1 sub b AVG (gebruik van het portaal voor het werk).",
        special_ground="",
        recipients="Coördinatoren van de eigen organisatie (ledenlijst); de identiteitsprovider van de organisatie "
        "of federatie bij het inloggen.",
        measures=(
            "Wachtwoorden alleen als hash; tweestapsverificatie of passkeys.",
            "Accounts via een uitnodiging of de inlog van de organisatie; nooit open registratie.",
            "Een gedeactiveerd lid wordt overal afgemeld.",
        ),
    ),
    Activity(
        id="security_logging",
        name="Auditspoor, inzagelog, verwerkingslogboek en inlogregistratie",
        purpose="Vastleggen wie wat deed en wie welke gegevens inzag, om misbruik te voorkomen en te kunnen "
        "verantwoorden; en een betrokkene of de toezichthouder kunnen laten zien wat er met iemands gegevens is "
        "gebeurd (verwerkingslogboek volgens de standaard Logboek Dataverwerkingen).",
        basis="Art. 6 lid 1 sub c AVG (art. 32 AVG: passende beveiliging) en sub f (gerechtvaardigd belang: "
        "beveiliging van de dienst).",
        special_ground="",
        recipients="De coördinatoren van de organisatie en de beheerder van het platform.",
        measures=(
            "De inlogregistratie wordt na 180 dagen verwijderd.",
            "Logregels bevatten geen gegevens van slachtoffers.",
            "Het verwerkingslogboek noemt een persoon alleen met een pseudoniem (een HMAC-code van het kenmerk of "
            "het account), nooit met naam of inhoud.",
            "Het verwerkingslogboek kan niet worden gewijzigd of eerder verwijderd: de database weigert het; na "
            "twee jaar verdwijnt een regel automatisch.",
            "Elke regel hoort bij een W3C-trace; een doorverwijzing houdt haar trace, zodat wat de partner ermee "
            "doet aan de verzending vastzit.",
        ),
    ),
    Activity(
        id="subject_rights",
        name="Verzoeken van betrokkenen afhandelen (inzage en verwijderen)",
        purpose="Een slachtoffer (of ouder of voogd) of een medewerker die wil weten welke gegevens de organisatie "
        "over hem heeft, of die wil dat ze worden verwijderd, op tijd en volledig antwoorden (art. 15 en 17 AVG), en "
        "kunnen laten zien dat dat is gebeurd.",
        basis="Art. 6 lid 1 sub c AVG (wettelijke plicht: art. 12, 15 en 17 AVG).",
        special_ground="Het overzicht kan bijzondere en strafrechtelijke gegevens bevatten; het gaat alleen naar de "
        "persoon zelf (art. 9 lid 2 sub g AVG met de uitvoeringswet; art. 10 AVG).",
        recipients="De coördinatoren van de organisatie; het overzicht alleen naar de betrokkene.",
        measures=(
            "De termijn van een maand wordt berekend en een week ervoor komt een herinnering (zonder naam of "
            "kenmerk in de e-mail).",
            "Het overzicht bevat alleen gegevens van de eigen organisatie; medewerkers staan er met hun rol in, niet "
            "met naam; vrije tekst is gemarkeerd om na te lezen.",
            "Het bestand verloopt na een dag; maken en downloaden staan in het auditspoor en het verwerkingslogboek.",
            "Verwijderen volgt vaste regels; wat bewaard blijft, staat erbij met de reden.",
            "Na twee jaar blijft van een verzoek alleen het aantal over.",
        ),
    ),
    Activity(
        id="notifications",
        name="Meldingen en herinneringen",
        purpose="Mensen op tijd laten weten wat ze moeten doen (een nazorgmoment, een doorverwijzing die wacht).",
        basis="Art. 6 lid 1 sub e AVG (onderdeel van de zorg voor het slachtoffer) en sub b.",
        special_ground="",
        recipients="De medewerker zelf, per e-mail en in het portaal.",
        measures=("E-mails bevatten alleen een kenmerk en een link, nooit gegevens over het slachtoffer.",),
    ),
    Activity(
        id="reporting",
        name="Dashboards en exports",
        purpose="Coördinatoren en gemeenten laten zien hoeveel signalen er zijn en hoe ze worden opgepakt.",
        basis="Art. 6 lid 1 sub e AVG.",
        special_ground="",
        recipients="Coördinatoren; exports alleen voor wie ze maakte.",
        measures=(
            "Aantallen onder de drempel worden niet getoond.",
            "Exportbestanden verlopen na een dag en staan buiten de webserver.",
            "Elke download staat in het auditspoor.",
        ),
    ),
    Activity(
        id="content",
        name="Inhoud van het portaal",
        purpose="Lessen, handleidingen en afspraken van de organisatie publiceren.",
        basis="Art. 6 lid 1 sub b AVG (het werk van redacteuren).",
        special_ground="",
        recipients="Leden van de organisatie.",
        measures=("Alleen redacteuren bewerken; documenten alleen voor leden van de organisatie.",),
    ),
)

ACTIVITY_IDS = frozenset(activity.id for activity in ACTIVITIES)
