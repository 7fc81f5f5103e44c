"""The demo school's pages: made once the CMS index exists, published, and not again."""

from __future__ import annotations

from cms.models import OrganisationContentPage, OrganisationSectionPage
from cms.setup import setup_cms
from demo.pages import seed_cms_demo
from tests.factories import SchoolFactory


def test_seed_cms_demo_is_idempotent(db):
    school = SchoolFactory(slug="obs-de-regenboog", name="OBS De Regenboog")
    assert seed_cms_demo() == []  # no index yet: nothing to do
    setup_cms()

    assert seed_cms_demo() == ["protocol", "contactpersonen"]
    assert seed_cms_demo() == []

    pages = OrganisationContentPage.objects.child_of(OrganisationSectionPage.objects.get(organisation=school))
    assert [(p.title, p.live) for p in pages.order_by("path")] == [
        ("Ons protocol bij online bedreiging", True),
        ("Contactpersonen", True),
    ]
    contacts = pages.get(slug="contactpersonen")
    assert [b.block_type for b in contacts.body].count("contact_person") >= 2
