"""Reads for the member-facing CMS pages: takedown guides (national), an
organisation's own pages and its documents (tenant content).

An organisation's pages are only ever looked up below *its own* section, found by
``organisation``; a slug from another section gives the same 404 as a missing one.
A document is downloaded only by members of the organisation whose collection holds
it (``document_downloadable``, asked by the ``before_serve_document`` hook).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django_scopes import scopes_disabled
from wagtail.documents.models import AbstractDocument
from wagtail.models import Collection

from cms.models import OrganisationContentPage, OrganisationSectionPage, TakedownGuide
from portal.models import Membership, Organisation, User


def takedown_guides() -> list[TakedownGuide]:
    return list(TakedownGuide.objects.only("platform", "slug", "summary", "works_with_stopncii").order_by("platform"))


def takedown_guide(*, slug: str) -> TakedownGuide:
    guide = TakedownGuide.objects.filter(slug=slug).first()
    if guide is None:
        raise Http404("Takedown guide not found")
    return guide


def organisation_section(*, organisation: Organisation) -> OrganisationSectionPage | None:
    section: OrganisationSectionPage | None = OrganisationSectionPage.objects.filter(organisation=organisation).first()
    return section


def organisation_pages(*, section: OrganisationSectionPage | None) -> list[OrganisationContentPage]:
    """The section's published pages in the editors' order, without their bodies."""
    if section is None:
        return []
    return list(OrganisationContentPage.objects.child_of(section).live().defer_streamfields().order_by("path"))


def organisation_page(*, section: OrganisationSectionPage | None, slug: str) -> OrganisationContentPage:
    """One published page of the section, or 404 (also for another section's slug)."""
    page: OrganisationContentPage | None = None
    if section is not None:
        page = OrganisationContentPage.objects.child_of(section).live().filter(slug=slug).first()
    if page is None:
        raise Http404("Page not found")
    return page


def document_downloadable(*, user: User | AnonymousUser, document: AbstractDocument) -> bool:
    """True when ``user`` may download ``document``: a platform administrator
    (superuser) always; anyone else only as an active member, of any role, of the
    active organisation whose collection holds the document (or a collection inside
    it). Never anonymous visitors; a document outside every organisation's collection
    only platform administrators. One query after the document's collection.

    Runs unscoped on purpose: it reads only this user's own memberships."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    path = document.collection.path
    # The collection and its ancestors (treebeard paths: steps of ``steplen`` characters).
    paths = [path[:end] for end in range(Collection.steplen, len(path) + 1, Collection.steplen)]
    with scopes_disabled():
        return Membership.objects.filter(
            user=user,
            is_active=True,
            organisation__is_active=True,
            organisation__cms_collection__collection__path__in=paths,
        ).exists()
