"""Fixtures for the portal suites: a coordinator, invitations with a known token,
and an organisation of each kind that the school fixtures do not cover."""

from __future__ import annotations

import pytest

from portal.models import Country, Organisation
from portal.roles import OrganisationKind, Role
from tests.factories import MunicipalityFactory
from tests.portal.helpers import make_invitation


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR)


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(name="Gemeente Testdorp", slug="testdorp")


@pytest.fixture
def platform_org(db):
    return Organisation.objects.create(
        name="Platform", slug="platform", kind=OrganisationKind.PLATFORM, country=Country.NL
    )


@pytest.fixture
def invitation_factory(db):
    return make_invitation
