"""The Django admin, as a platform administrator uses it."""

import pytest
from django.test import Client

from cms.models import OrganisationSectionPage
from cms.setup import setup_cms
from portal.models import Organisation
from portal.roles import Role
from portal.services import user_sync_staff_flags
from tests.factories import MembershipFactory, PlatformFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    platform = PlatformFactory(name="Platform", slug="platform-admin-test", country="NL")
    membership = MembershipFactory(organisation=platform, user=UserFactory(with_totp=True), role=Role.PLATFORM_ADMIN)
    user_sync_staff_flags(user=membership.user)
    client = Client()
    client.force_login(membership.user)
    return client


def test_an_organisation_added_in_the_admin_gets_its_cms_section(admin_client, org):
    setup_cms()
    response = admin_client.post(
        "/django-admin/portal/organisation/add/",
        {
            "name": "Nieuwe Sportclub",
            "slug": "nieuwe-sportclub",
            "kind": "sports_club",
            "parent": org.parent_id,
            "country": "NL",
            "brand_colour": "#154273",
            "destination_code": "",
            "is_active": "on",
            "created_at_0": "2026-11-22",
            "created_at_1": "12:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    club = Organisation.objects.get(slug="nieuwe-sportclub")
    assert OrganisationSectionPage.objects.filter(organisation=club).exists()
