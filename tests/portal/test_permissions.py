"""The permission matrix, written out by hand.

The table below is the specification. It is deliberately NOT derived from
``portal.roles.PERMISSIONS``: a change to that table must be made here too, on
purpose, in the same commit.
"""

from __future__ import annotations

import pytest

from portal.roles import (
    MFA_ROLES,
    ROLES_BY_KIND,
    Action,
    OrganisationKind,
    Role,
    can,
    role_can,
    role_requires_mfa,
)
from tests.factories import MembershipFactory, PartnerFactory

ROLES = (
    "learner",
    "case_handler",
    "org_coordinator",
    "municipal_coordinator",
    "partner_intake",
    "content_editor",
    "platform_admin",
)
EVERYONE = frozenset(ROLES)
COORDINATORS = frozenset({"org_coordinator", "municipal_coordinator"})
MEMBER_MANAGERS = frozenset({"org_coordinator", "municipal_coordinator", "platform_admin"})

EXPECTED: dict[str, frozenset[str]] = {
    "organisation.view": EVERYONE,
    "training.take": EVERYONE,
    "training.assign": COORDINATORS,
    "training.view_matrix": COORDINATORS,
    "case.raise": frozenset({"learner", "case_handler", "org_coordinator"}),
    "case.view": frozenset({"case_handler", "org_coordinator"}),
    "case.handle": frozenset({"case_handler"}),
    "case.settings": frozenset({"org_coordinator"}),
    "case.export": frozenset({"org_coordinator"}),
    "referral.receive": frozenset({"partner_intake"}),
    "referral.area": frozenset({"municipal_coordinator"}),
    "directory.manage": frozenset({"municipal_coordinator", "platform_admin"}),
    "access_log.view": frozenset({"org_coordinator", "platform_admin"}),
    "members.view": MEMBER_MANAGERS,
    "members.invite": MEMBER_MANAGERS,
    "members.manage": MEMBER_MANAGERS,
    "sign_in.manage": MEMBER_MANAGERS,
    "privacy.manage": MEMBER_MANAGERS,
    "dashboard.area": frozenset({"municipal_coordinator", "platform_admin"}),
    "content.edit": frozenset({"content_editor", "platform_admin"}),
    "rules.edit": frozenset({"platform_admin"}),
    "platform.admin": frozenset({"platform_admin"}),
}

EXPECTED_MFA_ROLES = {"case_handler", "org_coordinator", "municipal_coordinator", "partner_intake", "platform_admin"}

EXPECTED_ROLES_BY_KIND = {
    "school": {"learner", "case_handler", "org_coordinator", "content_editor"},
    "sports_club": {"learner", "case_handler", "org_coordinator", "content_editor"},
    "municipality": {"municipal_coordinator", "learner", "content_editor"},
    "partner": {"partner_intake", "org_coordinator", "content_editor"},
    "platform": {"platform_admin", "content_editor"},
}

PAIRS = [(role, action) for action in EXPECTED for role in ROLES]


def test_table_names_every_role_and_action():
    """A new role or action cannot slip past the matrix below."""
    assert set(ROLES) == {r.value for r in Role}
    assert set(EXPECTED) == {a.value for a in Action}


@pytest.mark.parametrize(("role", "action"), PAIRS, ids=[f"{r}-{a}" for r, a in PAIRS])
def test_role_can(role, action):
    assert role_can(role, action) is (role in EXPECTED[action])


def test_unknown_action_is_refused():
    assert role_can("platform_admin", "everything.do") is False
    assert can(None, Action.ORGANISATION_VIEW) is False


@pytest.mark.django_db
def test_inactive_membership_can_do_nothing(org):
    membership = MembershipFactory(organisation=org, role=Role.ORG_COORDINATOR)
    assert can(membership, Action.MEMBERS_VIEW)
    membership.is_active = False
    assert not can(membership, Action.MEMBERS_VIEW)
    assert not can(membership, Action.ORGANISATION_VIEW)


def test_mfa_roles():
    assert {r.value for r in MFA_ROLES} == EXPECTED_MFA_ROLES
    for role in ROLES:
        assert role_requires_mfa(role) is (role in EXPECTED_MFA_ROLES)


def test_roles_by_kind():
    assert {kind.value: {r.value for r in roles} for kind, roles in ROLES_BY_KIND.items()} == EXPECTED_ROLES_BY_KIND
    assert set(EXPECTED_ROLES_BY_KIND) == {k.value for k in OrganisationKind}


# --- The views enforce the table -------------------------------------------------

SCHOOL_ROLES = sorted(EXPECTED_ROLES_BY_KIND["school"])


def _status(allowed: bool) -> int:
    return 200 if allowed else 403


@pytest.mark.parametrize("role", SCHOOL_ROLES)
def test_member_list_follows_the_table(role, client, org, member_factory):
    client.force_login(member_factory(org, role).user)
    response = client.get(f"/o/{org.slug}/leden/")
    assert response.status_code == _status(role in EXPECTED["members.view"])
    if response.status_code == 403:
        assert "Dit mag je niet doen" in response.text


@pytest.mark.parametrize("role", SCHOOL_ROLES)
def test_invitation_list_follows_the_table(role, client, org, member_factory):
    client.force_login(member_factory(org, role).user)
    response = client.get(f"/o/{org.slug}/uitnodigingen/")
    assert response.status_code == _status(role in EXPECTED["members.invite"])


@pytest.mark.parametrize("role", SCHOOL_ROLES)
def test_member_management_follows_the_table(role, client, org, member_factory):
    actor = member_factory(org, role)
    # A second coordinator, so removing one never trips the "last coordinator" rule.
    member_factory(org, Role.ORG_COORDINATOR)
    target = member_factory(org, Role.LEARNER)
    client.force_login(actor.user)
    allowed = role in EXPECTED["members.manage"]

    response = client.post(f"/o/{org.slug}/leden/{target.pk}/deactiveren/")
    assert response.status_code == (302 if allowed else 403)
    response = client.post(f"/o/{org.slug}/leden/{target.pk}/activeren/")
    assert response.status_code == (302 if allowed else 403)
    response = client.post(f"/o/{org.slug}/leden/{target.pk}/", {"role": Role.CASE_HANDLER})
    assert response.status_code == (302 if allowed else 403)


def test_learner_gets_403_coordinator_200(client, org, member_factory):
    learner = member_factory(org, Role.LEARNER)
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    client.force_login(learner.user)
    assert client.get(f"/o/{org.slug}/leden/").status_code == 403
    assert client.get(f"/o/{org.slug}/").status_code == 200
    client.force_login(coordinator.user)
    assert client.get(f"/o/{org.slug}/leden/").status_code == 200


def test_municipal_coordinator_manages_members(client, municipality, member_factory):
    client.force_login(member_factory(municipality, Role.MUNICIPAL_COORDINATOR).user)
    assert client.get(f"/o/{municipality.slug}/leden/").status_code == 200
    assert client.get(f"/o/{municipality.slug}/uitnodigingen/").status_code == 200


def test_partner_intake_does_not_manage_members(client, member_factory):
    partner = PartnerFactory()
    client.force_login(member_factory(partner, Role.PARTNER_INTAKE).user)
    assert client.get(f"/o/{partner.slug}/leden/").status_code == 403
    assert client.get(f"/o/{partner.slug}/").status_code == 200


def test_platform_admin_manages_members(client, platform_org, member_factory):
    client.force_login(member_factory(platform_org, Role.PLATFORM_ADMIN).user)
    assert client.get(f"/o/{platform_org.slug}/leden/").status_code == 200


@pytest.mark.parametrize(("role", "shown"), [("learner", False), ("org_coordinator", True)])
def test_navigation_shows_only_what_the_role_may_do(role, shown, client, org, member_factory):
    client.force_login(member_factory(org, role).user)
    response = client.get(f"/o/{org.slug}/")
    assert (f'href="/o/{org.slug}/leden/"' in response.text) is shown
    assert (f'href="/o/{org.slug}/uitnodigingen/"' in response.text) is shown
