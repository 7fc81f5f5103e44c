"""URL arguments of the CMS views, for the URL walks in tests/portal/urlwalk.py.

``page_slug`` names a page in one organisation's own section (tenant content);
``guide_slug`` names a national takedown guide that every organisation may see.
"""

from __future__ import annotations

from cms.models import OrganisationContentPage, TakedownGuide
from tests.cms.factories import TakedownGuideFactory
from tests.cms.helpers import build_organisation_page


def _organisation_page_slug(organisation) -> str:
    # Unique per organisation, so another organisation's slug never matches one of ours.
    slug = f"pagina-{organisation.slug}"
    if not OrganisationContentPage.objects.filter(slug=slug).exists():
        build_organisation_page(organisation, slug=slug)
    return slug


def _guide_slug(organisation) -> str:
    guide = TakedownGuide.objects.filter(slug="urlwalk").first() or TakedownGuideFactory(
        slug="urlwalk", platform="Urlwalk"
    )
    return guide.slug


TENANT_OBJECTS = {"page_slug": _organisation_page_slug}
SHARED_OBJECTS = {"guide_slug": _guide_slug}
NOT_TENANT_URLS = {
    # Mounted with wagtaildocs_serve (portal/urls.py). A collection's password form
    # shows no document; the download it leads back to still passes the membership
    # check (tests/cms/test_documents.py).
    "wagtaildocs_authenticate_with_password": "Wagtail's collection password form: no tenant data",
}
