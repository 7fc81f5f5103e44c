"""The demo school's published protocol and contact pages (``seed_demo``).

Made through the CMS's own service for the organisation's section
(``cms.setup.organisation_section_ensure``) and published with a revision, as an
editor would.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from cms.models import OrganisationContentPage, OrganisationsIndexPage
from cms.setup import organisation_section_ensure
from portal.models import Organisation

DEMO_ORGANISATION_SLUG = "obs-de-regenboog"

DEMO_PAGES: list[dict[str, Any]] = [
    {
        "title": "Ons protocol bij online bedreiging",
        "slug": "protocol",
        "search_description": "Wat doe je als een leerling online wordt bedreigd? Zo pakken wij het aan.",
        "body": [
            {
                "type": "text",
                "value": (
                    "<p>Wordt een leerling online bedreigd, gepest of gechanteerd? Of gaan er foto's rond "
                    "die niet gedeeld mogen worden? Dan volg je op OBS De Regenboog dit protocol. "
                    "Je staat er niet alleen voor.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "let_op",
                    "title": "Is er nu gevaar?",
                    "text": "<p>Bel meteen 112. Blijf bij de leerling en laat een collega de directie waarschuwen.</p>",
                },
            },
            {
                "type": "checklist",
                "value": {
                    "title": "Dit doe je op dezelfde dag",
                    "items": [
                        "Luister rustig naar de leerling en zeg dat het goed is dat hij of zij het vertelt.",
                        "Vraag wat er is gebeurd, maar bekijk zelf geen naaktbeelden en stuur ze niet door.",
                        "Bewijs blijft op de telefoon van de leerling. Noteer zelf alleen de naam van het account, de app en de "
                        "datum. Maak geen screenshots van beelden.",
                        "Meld het bij de vertrouwenspersoon of de aandachtsfunctionaris van de school.",
                        "Spreek af wanneer je de leerling weer ziet.",
                    ],
                },
            },
            {
                "type": "text",
                "value": (
                    "<h3>Wat doet de vertrouwenspersoon?</h3>"
                    "<p>De vertrouwenspersoon praat met de leerling en, als dat veilig is, met de ouders. "
                    "Samen kijken jullie of de beelden offline moeten, of er aangifte nodig is en welke hulp "
                    "past. De vertrouwenspersoon houdt bij wat er is afgesproken.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "title": "Twijfel je?",
                    "text": "<p>Overleg altijd met de vertrouwenspersoon. Liever een keer te veel dan te weinig.</p>",
                },
            },
        ],
    },
    {
        "title": "Contactpersonen",
        "slug": "contactpersonen",
        "search_description": "Bij wie kun je terecht als een leerling online wordt bedreigd?",
        "body": [
            {
                "type": "text",
                "value": "<p>Bij deze collega's kun je altijd terecht. Ook als je twijfelt.</p>",
            },
            {
                "type": "contact_person",
                "value": {
                    "name": "Vera Veenstra",
                    "role": "Vertrouwenspersoon",
                    "how_to_reach": "Kamer 12, op dinsdag en donderdag. Mail: vertrouwenspersoon@demo.veilig-online.nl",
                },
            },
            {
                "type": "contact_person",
                "value": {
                    "name": "Jamal Bakker",
                    "role": "Aandachtsfunctionaris",
                    "how_to_reach": "Elke ochtend in de teamkamer, of bel 010 123 45 67",
                },
            },
            {
                "type": "contact_person",
                "value": {
                    "name": "Sanne de Wit",
                    "role": "Directeur",
                    "how_to_reach": "Via de administratie, of mail directie@demo.veilig-online.nl",
                },
            },
        ],
    },
]


def seed_cms_demo() -> list[str]:
    """Give the demo school its published protocol and contact pages; safe to run again.

    Needs ``setup_cms`` (for the index) and the demo organisation; returns the slugs
    of the pages it created (an empty list when there was nothing to do).
    """
    organisation = Organisation.objects.filter(slug=DEMO_ORGANISATION_SLUG).first()
    if organisation is None or not OrganisationsIndexPage.objects.exists():
        return []
    created = []
    with transaction.atomic():
        section = organisation_section_ensure(organisation=organisation)
        existing = set(OrganisationContentPage.objects.child_of(section).values_list("slug", flat=True))
        for spec in DEMO_PAGES:
            if spec["slug"] in existing:
                continue
            page = OrganisationContentPage(
                title=spec["title"], slug=spec["slug"], search_description=spec["search_description"]
            )
            page.body = spec["body"]
            section.add_child(instance=page)
            page.save_revision(log_action=True).publish(log_action=True)
            created.append(spec["slug"])
    return created
