"""Tenancy fails closed: no URL shows or changes another organisation's rows.

The main test walks the whole URLconf, so a URL added later is checked without
anyone remembering to write a test for it. A URL whose arguments the registry in
tests/portal/urlwalk.py cannot fill makes the suite fail until someone adds them.
"""

from __future__ import annotations

import pytest
from django_scopes import ScopeError, scope

from portal.models import AuditEvent, Invitation, Membership
from portal.roles import Role
from portal.services import user_sync_staff_flags
from tests.factories import InvitationFactory, MembershipFactory
from tests.portal import urlwalk
from tests.portal.urlwalk import Walked, build_path, fill_kwargs

NOT_FOUND_TEXT = "Deze pagina bestaat niet"

TENANT_PATTERNS = urlwalk.tenant_patterns()
SLUG_PATTERNS = [p for p in TENANT_PATTERNS if "org_slug" in p.kwargs]
OBJECT_PATTERNS = [p for p in TENANT_PATTERNS if p.tenant_kwargs]


# --- The walk itself -------------------------------------------------------------


def test_walk_finds_the_tenant_urls():
    """The walk must see the URLs we know of; an empty walk would prove nothing."""
    names = {p.name for p in TENANT_PATTERNS}
    assert {
        "portal:organisation_home",
        "portal:member_list",
        "portal:member_detail",
        "portal:member_deactivate",
        "portal:member_reactivate",
        "portal:invitation_list",
        "portal:invitation_revoke",
    } <= names
    assert "portal:invitation_accept" in {p.name for p in urlwalk.all_patterns()}
    assert {"portal:member_detail", "portal:invitation_revoke"} <= {p.name for p in OBJECT_PATTERNS}


def test_registry_fills_every_tenant_url():
    unfillable = {str(p): sorted(p.unknown_kwargs) for p in TENANT_PATTERNS if p.unknown_kwargs}
    assert unfillable == {}, "New URL arguments: add them to tests/portal/urlwalk.py so the isolation walk covers them"
    assert [str(p) for p in TENANT_PATTERNS if p.regex] == []


def test_registry_detects_an_unknown_argument():
    """The guard above works: an argument the registry does not know is reported."""
    invented = Walked(
        route="o/<slug:org_slug>/dingen/<int:ding_id>/", name="x", kwargs=("org_slug", "ding_id"), regex=False
    )
    assert invented.unknown_kwargs == {"ding_id"}
    with pytest.raises(AssertionError, match="ding_id"):
        fill_kwargs(invented, None)


@pytest.fixture(params=["coordinator", "platform_admin"])
def outsider(request, org, platform_org, member_factory):
    """A powerful member elsewhere; every test aims them at ``other_org``.

    The platform administrator is a superuser: outside the admin screens that
    must not open any door either.
    """
    if request.param == "coordinator":
        return member_factory(org, Role.ORG_COORDINATOR)
    membership = member_factory(platform_org, Role.PLATFORM_ADMIN)
    user_sync_staff_flags(user=membership.user)
    assert membership.user.is_superuser
    return membership


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("pattern", SLUG_PATTERNS, ids=str)
def test_other_organisations_slug_is_404(pattern, method, client, outsider, other_org):
    client.force_login(outsider.user)
    path = build_path(pattern, fill_kwargs(pattern, other_org, placeholders=True))
    response = getattr(client, method)(path)
    assert response.status_code == 404, f"{method.upper()} {path}"
    assert NOT_FOUND_TEXT in response.text


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("pattern", OBJECT_PATTERNS, ids=str)
def test_other_organisations_object_ids_are_404(pattern, method, client, outsider, other_org):
    """Own slug, forged ids of another organisation's objects."""
    org = outsider.organisation
    client.force_login(outsider.user)
    forged = fill_kwargs(pattern, org, tenant_objects_of=other_org)
    own = fill_kwargs(pattern, org)

    # Control: the same request with the member's own objects is not a 404, so
    # the 404 below is about the ids and not about a broken URL.
    control = getattr(client, method)(build_path(pattern, own))
    assert control.status_code != 404, f"{method.upper()} {build_path(pattern, own)} fails for own objects"
    assert control.status_code < 500

    path = build_path(pattern, forged)
    response = getattr(client, method)(path)
    if control.status_code == 405:
        # The method is refused before any lookup, so the answer says nothing about the id.
        assert response.status_code == 405, f"{method.upper()} {path}"
    else:
        assert response.status_code == 404, f"{method.upper()} {path}"
        assert NOT_FOUND_TEXT in response.text


def test_forged_ids_change_nothing(client, outsider, other_org):
    org = outsider.organisation
    victim = MembershipFactory(organisation=other_org, role=Role.LEARNER)
    invitation = InvitationFactory(organisation=other_org)
    client.force_login(outsider.user)
    client.post(f"/o/{org.slug}/leden/{victim.pk}/deactiveren/")
    client.post(f"/o/{org.slug}/leden/{victim.pk}/", {"role": Role.ORG_COORDINATOR})
    client.post(f"/o/{org.slug}/uitnodigingen/{invitation.pk}/intrekken/")
    with scope(organisation=other_org):
        victim.refresh_from_db()
        invitation.refresh_from_db()
        assert AuditEvent.objects.count() == 0
    assert victim.is_active
    assert victim.role == Role.LEARNER
    assert invitation.revoked_at is None


# --- Organisation resolution -----------------------------------------------------


def test_unknown_slug_is_the_portals_404(client, outsider):
    client.force_login(outsider.user)
    response = client.get("/o/bestaat-niet/leden/")
    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    assert NOT_FOUND_TEXT in response.text


def test_inactive_organisation_is_404(client, org, coordinator):
    client.force_login(coordinator.user)
    assert client.get(f"/o/{org.slug}/").status_code == 200
    org.is_active = False
    org.save()
    assert client.get(f"/o/{org.slug}/").status_code == 404


@pytest.mark.parametrize("pattern", SLUG_PATTERNS, ids=str)
def test_anonymous_is_sent_to_login(pattern, client, org):
    path = build_path(pattern, fill_kwargs(pattern, org, placeholders=True))
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_anonymous_on_unknown_slug_is_sent_to_login_too(client):
    """The redirect comes before any lookup, so it reveals nothing about slugs."""
    response = client.get("/o/bestaat-niet/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_deactivated_member_is_404(client, org, member_factory):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    client.force_login(coordinator.user)
    assert client.get(f"/o/{org.slug}/leden/").status_code == 200
    # A direct update leaves the session alone: the membership check itself must refuse.
    with scope(organisation=org):
        Membership.objects.filter(pk=coordinator.pk).update(is_active=False)
    for path in (f"/o/{org.slug}/", f"/o/{org.slug}/leden/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert NOT_FOUND_TEXT in response.text


def test_member_of_both_sees_each_in_its_own_scope(client, org, other_org, member_factory):
    here = member_factory(org, Role.ORG_COORDINATOR, email="twee@example.org")
    MembershipFactory(organisation=other_org, user=here.user, role=Role.LEARNER)
    MembershipFactory(organisation=other_org, user__email="alleen-daar@example.org")
    client.force_login(here.user)
    response = client.get(f"/o/{org.slug}/leden/")
    assert response.status_code == 200
    assert "alleen-daar@example.org" not in response.text
    # In the other organisation the same user is a learner: no member list there.
    assert client.get(f"/o/{other_org.slug}/leden/").status_code == 403


# --- Scopes ----------------------------------------------------------------------


@pytest.mark.parametrize("model", [Membership, Invitation, AuditEvent])
def test_unscoped_query_raises(model, org):
    with pytest.raises(ScopeError):
        list(model.objects.all())
    with scope(organisation=org):
        assert list(model.objects.all()) == []
