"""Fixtures for the portal suites: a coordinator, invitations with a known token,
and an organisation of each kind that the school fixtures do not cover."""

from __future__ import annotations

import pytest

from portal.models import Country
from portal.roles import Role
from tests.factories import MunicipalityFactory, PlatformFactory
from tests.portal.helpers import make_invitation


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR)


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(name="Gemeente Testdorp", slug="testdorp")


@pytest.fixture
def platform_org(db):
    return PlatformFactory(name="Platform", slug="platform", country=Country.NL)


@pytest.fixture
def invitation_factory(db):
    return make_invitation
