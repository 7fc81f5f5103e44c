"""Fixtures for the dashboard suites: two municipalities with their schools, the
platform, and a municipal coordinator."""

from __future__ import annotations

import pytest

from portal.roles import Role
from tests.factories import MunicipalityFactory, PlatformFactory, SchoolFactory


@pytest.fixture
def area():
    """A municipality with two schools, and another municipality with one."""
    municipality = MunicipalityFactory(name="Gemeente Zuid", slug="gemeente-zuid")
    one = SchoolFactory(name="School Een", slug="school-een", parent=municipality)
    two = SchoolFactory(name="School Twee", slug="school-twee", parent=municipality)
    elsewhere = MunicipalityFactory(name="Gemeente Noord", slug="gemeente-noord")
    far = SchoolFactory(name="School Ver", slug="school-ver", parent=elsewhere)
    return {"municipality": municipality, "one": one, "two": two, "elsewhere": elsewhere, "far": far}


@pytest.fixture
def platform():

    return PlatformFactory(name="Platform", slug="platform", country="NL")


@pytest.fixture
def coordinator(area, member_factory):
    return member_factory(area["municipality"], Role.MUNICIPAL_COORDINATOR)
