"""Fixtures for the routing suites: municipalities in both countries, a platform,
and members with the roles that may (and may not) use the routing API."""

from __future__ import annotations

import pytest

from portal.models import Country
from portal.roles import Role
from tests.factories import MunicipalityFactory, PlatformFactory, SchoolFactory


@pytest.fixture(autouse=True)
def _fresh_rule_set_caches():
    from referrals.selectors import clear_caches

    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(name="Gemeente Zuiderhaven", slug="zuiderhaven", country=Country.NL)


@pytest.fixture
def other_municipality(db):
    return MunicipalityFactory(name="Gemeente Noorderveld", slug="noorderveld", country=Country.NL)


@pytest.fixture
def school_in_municipality(municipality):
    return SchoolFactory(name="OBS De Haven", slug="obs-de-haven", parent=municipality)


@pytest.fixture
def platform_org(db):
    return PlatformFactory(name="Platform", slug="platform", country=Country.NL)


@pytest.fixture
def case_handler(org, member_factory):
    return member_factory(org, Role.CASE_HANDLER)


@pytest.fixture
def platform_admin(platform_org, member_factory):
    return member_factory(platform_org, Role.PLATFORM_ADMIN)


@pytest.fixture
def municipal_coordinator(municipality, member_factory):
    return member_factory(municipality, Role.MUNICIPAL_COORDINATOR)
