"""How a partner reaches the referrer, on the signed-in partner's referral page and
on the one-time link page: readable at 1280 and 400 px (a long work e-mail address
wraps instead of widening the page), axe clean."""

from __future__ import annotations

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from portal.roles import Role
from referrals.models import Case
from tests.factories import PartnerFactory
from tests.referrals.factories import PartnerLinkFactory, ReferralFactory

pytestmark = pytest.mark.browser

LONG_EMAIL = "aandachtsfunctionaris.vertrouwenscontactpersoon@basisschool-de-regenboog.example"


def _overflows(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")


@pytest.mark.parametrize("width", [1280, 400])
def test_the_referrer_contact_fits_on_both_partner_pages(page, org, member_factory, sign_in, assert_accessible, width):
    partner = PartnerFactory(name="Slachtofferhulp Regio Zuid", slug="shn-zuid")
    intake = member_factory(partner, Role.PARTNER_INTAKE)
    handler = member_factory(org, Role.CASE_HANDLER, first_name="Ria", last_name="de Vries", email=LONG_EMAIL)
    referral = ReferralFactory(organisation=org, partner=partner)
    with scopes_disabled():
        Case.objects.filter(pk=referral.case_id).update(handler=handler.user)
    token = "browser-contact-" + "c" * 24
    PartnerLinkFactory(referral=referral, token=token)
    page.set_viewport_size({"width": width, "height": 900})

    sign_in(intake.user)
    page.goto(f"/o/{partner.slug}/doorverwijzingen/{referral.pk}/")
    expect(page.get_by_role("heading", name="Contact met de verwijzer")).to_be_visible()
    expect(page.get_by_role("link", name=LONG_EMAIL)).to_be_visible()
    assert not _overflows(page)
    assert_accessible(page)

    page.goto(f"/verwijzing/{token}/")
    expect(page.get_by_role("link", name=LONG_EMAIL)).to_be_visible()
    assert not _overflows(page)
    assert_accessible(page)
