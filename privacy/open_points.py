"""Known gaps between what the portal promises and what it does, found while building
the data inventory. They are in the DPIA building blocks so a privacy officer sees
them; each one is removed here when it is fixed."""

from __future__ import annotations

OPEN_POINTS: tuple[str, ...] = (
    "Bij het anonimiseren van een casus blijven de bestemming van elke doorverwijzing (bijvoorbeeld een centrum "
    "voor seksueel geweld) en de vormen van online geweld staan tot de casus wordt verwijderd: de tellingen in de "
    "dashboards hebben ze nodig. Ze hangen dan alleen nog aan het kenmerk, zonder schuilnaam, tekst of contactgegevens.",
    "Alleen de contactgegevens van het slachtoffer zijn versleuteld; vrije tekst in een casus (signaal, notities, "
    "bewijsomschrijving, berichten met de partner) niet.",
    "De clientgeheimen van de eigen identiteitsproviders van organisaties (OpenID Connect, Entra ID, Google) "
    "staan niet versleuteld in de database.",
)
