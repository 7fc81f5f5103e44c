"""Fixtures for the portal suites: a coordinator, invitations with a known token,
and an organisation of each kind that the school fixtures do not cover."""

from __future__ import annotations

import hashlib
import secrets

import pytest

from portal.models import Country, Organisation
from portal.roles import OrganisationKind, Role
from tests.factories import InvitationFactory, MunicipalityFactory


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


def make_invitation(organisation, *, email: str = "nieuw@example.org", role: Role = Role.LEARNER, **extra):
    """An open invitation and its raw token (only the hash is stored, as in the service)."""
    token = secrets.token_urlsafe(32)
    invitation = InvitationFactory(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
        **extra,
    )
    return invitation, token


@pytest.fixture
def invitation_factory(db):
    return make_invitation
