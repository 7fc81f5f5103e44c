"""Reads for the member-facing CMS pages: takedown guides (national) and an
organisation's own pages (tenant content).

An organisation's pages are only ever looked up below *its own* section, found by
``organisation``; a slug from another section gives the same 404 as a missing one.
"""

from __future__ import annotations

from django.http import Http404

from cms.models import OrganisationContentPage, OrganisationSectionPage, TakedownGuide
from portal.models import Organisation


def takedown_guides() -> list[TakedownGuide]:
    return list(TakedownGuide.objects.only("platform", "slug", "summary", "works_with_stopncii").order_by("platform"))


def takedown_guide(*, slug: str) -> TakedownGuide:
    guide = TakedownGuide.objects.filter(slug=slug).first()
    if guide is None:
        raise Http404("Takedown guide not found")
    return guide


def organisation_section(*, organisation: Organisation) -> OrganisationSectionPage | None:
    return OrganisationSectionPage.objects.filter(organisation=organisation).first()


def organisation_pages(*, section: OrganisationSectionPage | None) -> list[OrganisationContentPage]:
    """The section's published pages in the editors' order, without their bodies."""
    if section is None:
        return []
    return list(OrganisationContentPage.objects.child_of(section).live().defer_streamfields().order_by("path"))


def organisation_page(*, section: OrganisationSectionPage | None, slug: str) -> OrganisationContentPage:
    """One published page of the section, or 404 (also for another section's slug)."""
    page = None
    if section is not None:
        page = OrganisationContentPage.objects.child_of(section).live().filter(slug=slug).first()
    if page is None:
        raise Http404("Page not found")
    return page
