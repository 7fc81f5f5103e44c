"""factory-boy factories for CMS rows that are plain models (the platform takedown
guides). Pages are built, not made by a factory: see tests/cms/helpers.py."""

from __future__ import annotations

import factory

from cms.models import TakedownGuide


class TakedownGuideFactory(factory.django.DjangoModelFactory):
    """A takedown guide with evidence first, two steps and a link to the platform's form."""

    class Meta:
        model = TakedownGuide

    slug = "instagram"
    platform = "Instagram"
    summary = factory.LazyAttribute(lambda o: f"Zo meld je beelden bij {o.platform}.")
    evidence_first = factory.LazyFunction(lambda: [{"type": "item", "value": "Maak een screenshot met de datum erop"}])
    steps = factory.LazyFunction(
        lambda: [
            {"type": "step", "value": {"title": "Open het bericht", "text": "Tik op de drie puntjes."}},
            {"type": "step", "value": {"title": "Kies Melden", "text": "Kies de reden die past."}},
        ]
    )
    links = factory.LazyFunction(
        lambda: [{"type": "link", "value": {"label": "Meldformulier", "url": "https://example.org/melden"}}]
    )
