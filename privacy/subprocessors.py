"""Who else handles personal data for the portal (sub-processors), as the code uses them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Subprocessor:
    name: str
    role: str
    data: str
    when: str


SUBPROCESSORS: tuple[Subprocessor, ...] = (
    Subprocessor(
        name="De hostingpartij van het portaal (te vullen door de beheerder)",
        role="servers, database (PostgreSQL), Redis, back-ups",
        data="alle gegevens in het portaal; contactgegevens van slachtoffers versleuteld",
        when="altijd",
    ),
    Subprocessor(
        name="De e-maildienst (SMTP, te vullen door de beheerder)",
        role="verstuurt uitnodigingen, inlogcodes, meldingen en herinneringen",
        data="e-mailadres en naam van medewerkers; nooit gegevens van slachtoffers",
        when="altijd",
    ),
    Subprocessor(
        name="Kennisnet (Entree Federatie)",
        role="inloggen via de school",
        data="de gegevens die de school vrijgeeft: een vaste code, BRIN, rol (medewerker of leerling), eventueel naam",
        when="als de organisatie via Entree inlogt",
    ),
    Subprocessor(
        name="SURF (SURFconext)",
        role="inloggen via de onderwijsinstelling",
        data="een vaste code, instelling, rol, naam en e-mailadres",
        when="als de organisatie via SURFconext inlogt",
    ),
    Subprocessor(
        name="De identiteitsprovider van de organisatie (Microsoft Entra ID, Google Workspace of SAML)",
        role="inloggen met het account van het werk",
        data="een vaste code, naam en e-mailadres; de provider is van de organisatie zelf",
        when="als de organisatie haar eigen provider heeft aangezet",
    ),
)
