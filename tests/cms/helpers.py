"""Builders for CMS test data, shared by the CMS suites and the tenant-isolation walk:
a content editor with the admin flags synced, and an organisation's own page.

Pages are built, not made by a factory-boy factory: a Wagtail page lives in a tree
and is added through its parent's ``add_child()`` (and published through a
revision), which a factory's ``create()`` would bypass. Plain CMS rows (takedown
guides) have factories in tests/cms/factories.py."""

from __future__ import annotations

from cms.models import OrganisationContentPage, OrganisationSectionPage, OrganisationsIndexPage
from cms.setup import organisation_section_ensure, setup_cms
from portal.roles import Role
from portal.services import user_sync_staff_flags
from tests.factories import wagtail_root
from tests.helpers import make_member


def make_editor(organisation, **user_kwargs):
    """A content editor of ``organisation`` with the admin flags and groups synced."""
    membership = make_member(organisation, Role.CONTENT_EDITOR, **user_kwargs)
    user_sync_staff_flags(user=membership.user)
    return membership


def _ensure_index() -> OrganisationsIndexPage:
    index = OrganisationsIndexPage.objects.first()
    if index is None:
        wagtail_root()  # gone after a transactional test's flush
        setup_cms()
        index = OrganisationsIndexPage.objects.get()
    return index


def build_organisation_page(
    organisation, *, slug: str | None = None, title: str | None = None, live: bool = True, body=None
) -> OrganisationContentPage:
    """A page in the organisation's own section (index and section are created if missing)."""
    _ensure_index()
    section = organisation_section_ensure(organisation=organisation)
    slug = slug or f"pagina-{organisation.slug}"
    page = OrganisationContentPage(
        title=title or f"Protocol van {organisation.name}",
        slug=slug,
        live=live,
        body=body if body is not None else [{"type": "text", "value": f"<p>Alleen voor {organisation.name}.</p>"}],
    )
    section.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def section_of(organisation) -> OrganisationSectionPage:
    return OrganisationSectionPage.objects.get(organisation=organisation)
