"""Known gaps between what the portal promises and what it does, found while building
the data inventory. They are in the DPIA building blocks so a privacy officer sees
them; each one is removed here when it is fixed."""

from __future__ import annotations

OPEN_POINTS: tuple[str, ...] = (
    "Bij het anonimiseren van een casus blijven de uitkomst van het verwijsadvies, de tekst in de chronologie, "
    "taaktitels, bestemmingen en het e-mailadres van een partnerlink staan tot de casus wordt verwijderd.",
    "Alleen de contactgegevens van het slachtoffer zijn versleuteld; vrije tekst in een casus (signaal, notities, "
    "bewijsomschrijving, berichten met de partner) niet.",
    "De clientgeheimen van de eigen identiteitsproviders van organisaties (OpenID Connect, Entra ID, Google) "
    "staan niet versleuteld in de database.",
    "Het inzagelog wordt niet opgeschoond en houdt het kenmerk van een gewiste casus.",
)
