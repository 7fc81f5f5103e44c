"""What a member reads outside the lessons: the platform takedown guides and the
organisation's own pages (with every block an organisation page can hold)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from portal.roles import Role
from tests.browser.helpers import assert_no_csp_violations
from tests.cms.factories import TakedownGuideFactory
from tests.cms.helpers import build_organisation_page

pytestmark = pytest.mark.browser


def test_guides_and_organisation_pages_are_accessible(page, console, org, member_factory, sign_in, assert_accessible):
    TakedownGuideFactory(
        slug="instagram",
        platform="Instagram",
        works_with_stopncii=True,
        account_needed=True,
        account_note="Meld via de app.",
    )
    build_organisation_page(
        org,
        slug="protocol",
        title="Ons protocol bij online bedreiging",
        body=[
            {"type": "text", "value": "<p>Zo werken wij als iemand online wordt bedreigd.</p>"},
            {"type": "callout", "value": {"kind": "let_op", "title": "Direct gevaar?", "text": "<p>Bel 112.</p>"}},
            {"type": "checklist", "value": {"title": "Eerste stappen", "items": ["Luister", "Bewaar bewijs"]}},
            {
                "type": "contact_person",
                "value": {"name": "Vera Veenstra", "role": "Vertrouwenspersoon", "how_to_reach": "Kamer 12"},
            },
        ],
    )
    learner = member_factory(org, Role.LEARNER)
    sign_in(learner.user)

    for path, heading in [
        (f"/o/{org.slug}/handleidingen/", None),
        (f"/o/{org.slug}/handleidingen/instagram/", "Instagram"),
        (f"/o/{org.slug}/paginas/", None),
        (f"/o/{org.slug}/paginas/protocol/", "Ons protocol bij online bedreiging"),
    ]:
        page.goto(path)
        h1 = page.get_by_role("heading", level=1)
        expect(h1).to_be_visible()
        if heading:
            expect(h1).to_contain_text(heading)
        assert_accessible(page)
    expect(page.locator("main")).to_contain_text("Vera Veenstra")
    assert_no_csp_violations(console)
