"""Fixtures for the Signalenwijzer: the shipped content, and an organisation of each
kind and country the walk tells apart."""

from __future__ import annotations

import pytest

from portal.models import Country
from signalenwijzer.services import signalenwijzer_load
from tests.factories import MunicipalityFactory, SchoolFactory, SportsClubFactory


@pytest.fixture
def loaded(db):
    return signalenwijzer_load()


@pytest.fixture
def be_school(db):
    return SchoolFactory(
        name="Basisschool Brugge", slug="school-brugge", parent=MunicipalityFactory(country=Country.BE)
    )


@pytest.fixture
def club(db):
    return SportsClubFactory(name="VV De Bal", slug="vv-de-bal", parent=MunicipalityFactory())


@pytest.fixture
def be_club(db):
    return SportsClubFactory(name="KFC Gent", slug="kfc-gent", parent=MunicipalityFactory(country=Country.BE))
