"""Member management: roles, the last coordinator, deactivation ending sessions,
search with htmx, and query counts that do not grow with the number of rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from portal.models import AuditEvent, Invitation, Membership
from portal.roles import Role
from tests.factories import TEST_PASSWORD, InvitationFactory, MembershipFactory

pytestmark = pytest.mark.django_db

LAST_COORDINATOR = "minstens één coördinator"


def fresh(membership: Membership) -> Membership:
    with scope(organisation=membership.organisation):
        return Membership.objects.select_related("user").get(pk=membership.pk)


def audit_kinds(organisation) -> list[str]:
    with scope(organisation=organisation):
        return list(AuditEvent.objects.values_list("kind", flat=True))


def sign_in_with_password(email: str) -> Client:
    """A second browser that signs in through the real login form (a tracked session)."""
    browser = Client()
    response = browser.post("/accounts/login/", {"login": email, "password": TEST_PASSWORD})
    assert response.status_code == 302, response.content
    assert "_auth_user_id" in browser.session
    return browser


# --- Roles -----------------------------------------------------------------------


def test_coordinator_changes_a_role(client, org, coordinator, member_factory):
    learner = member_factory(org, Role.LEARNER)
    client.force_login(coordinator.user)
    response = client.post(f"/o/{org.slug}/leden/{learner.pk}/", {"role": Role.CASE_HANDLER})
    assert response.status_code == 302
    assert fresh(learner).role == Role.CASE_HANDLER
    with scope(organisation=org):
        event = AuditEvent.objects.get()
    assert event.kind == AuditEvent.Kind.ROLE_CHANGED
    assert event.actor == coordinator.user
    assert event.subject_user == learner.user
    assert "→" in event.detail

    page = client.get(response["Location"])
    assert "De rol is gewijzigd." in page.text


def test_same_role_writes_no_audit_row(client, org, coordinator, member_factory):
    learner = member_factory(org, Role.LEARNER)
    client.force_login(coordinator.user)
    client.post(f"/o/{org.slug}/leden/{learner.pk}/", {"role": Role.LEARNER})
    assert audit_kinds(org) == []


def test_role_of_another_kind_is_a_form_error(client, org, coordinator, member_factory):
    learner = member_factory(org, Role.LEARNER)
    client.force_login(coordinator.user)
    response = client.post(f"/o/{org.slug}/leden/{learner.pk}/", {"role": Role.PARTNER_INTAKE})
    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert fresh(learner).role == Role.LEARNER


def test_last_coordinator_cannot_give_up_the_role(client, org, coordinator):
    client.force_login(coordinator.user)
    response = client.post(f"/o/{org.slug}/leden/{coordinator.pk}/", {"role": Role.LEARNER})
    assert response.status_code == 200
    assert LAST_COORDINATOR in response.text
    assert fresh(coordinator).role == Role.ORG_COORDINATOR
    assert audit_kinds(org) == []


def test_last_coordinator_cannot_be_deactivated(client, org, coordinator):
    client.force_login(coordinator.user)
    response = client.post(f"/o/{org.slug}/leden/{coordinator.pk}/deactiveren/", follow=True)
    assert response.status_code == 200
    assert LAST_COORDINATOR in response.text
    assert fresh(coordinator).is_active


def test_a_second_coordinator_makes_the_change_possible(client, org, coordinator, member_factory):
    member_factory(org, Role.ORG_COORDINATOR)
    client.force_login(coordinator.user)
    response = client.post(f"/o/{org.slug}/leden/{coordinator.pk}/", {"role": Role.LEARNER})
    assert response.status_code == 302
    assert fresh(coordinator).role == Role.LEARNER


def test_an_inactive_coordinator_does_not_count(client, org, coordinator, member_factory):
    other = member_factory(org, Role.ORG_COORDINATOR)
    with scope(organisation=org):
        Membership.objects.filter(pk=other.pk).update(is_active=False)
    client.force_login(coordinator.user)
    response = client.post(f"/o/{org.slug}/leden/{coordinator.pk}/", {"role": Role.LEARNER})
    assert LAST_COORDINATOR in response.text
    assert fresh(coordinator).role == Role.ORG_COORDINATOR


def test_coordinators_elsewhere_do_not_count(client, org, other_org, coordinator):
    MembershipFactory(organisation=other_org, role=Role.ORG_COORDINATOR)
    client.force_login(coordinator.user)
    response = client.post(f"/o/{org.slug}/leden/{coordinator.pk}/", {"role": Role.LEARNER})
    assert LAST_COORDINATOR in response.text


# --- Deactivation and reactivation -----------------------------------------------


def test_deactivating_ends_the_members_sessions(client, org, coordinator, member_factory):
    learner = member_factory(org, Role.LEARNER, email="lotte@example.org")
    their_browser = sign_in_with_password("lotte@example.org")
    assert their_browser.get(f"/o/{org.slug}/").status_code == 200

    client.force_login(coordinator.user)
    response = client.post(f"/o/{org.slug}/leden/{learner.pk}/deactiveren/")
    assert response.status_code == 302
    membership = fresh(learner)
    assert not membership.is_active
    assert membership.deactivated_at is not None
    assert AuditEvent.Kind.MEMBER_DEACTIVATED in audit_kinds(org)

    # The next request of their browser is anonymous: sent to the login page.
    after = their_browser.get(f"/o/{org.slug}/")
    assert after.status_code == 302
    assert after["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in their_browser.session
    assert their_browser.get("/organisaties/")["Location"].startswith("/accounts/login/")

    # The coordinator's own session is untouched.
    assert client.get(f"/o/{org.slug}/leden/").status_code == 200


def test_deactivated_member_cannot_come_back_by_signing_in(client, org, coordinator, member_factory):
    learner = member_factory(org, Role.LEARNER, email="lotte@example.org")
    client.force_login(coordinator.user)
    client.post(f"/o/{org.slug}/leden/{learner.pk}/deactiveren/")
    browser = sign_in_with_password("lotte@example.org")
    assert browser.get(f"/o/{org.slug}/").status_code == 404


def test_reactivation(client, org, coordinator, member_factory):
    learner = member_factory(org, Role.LEARNER, email="lotte@example.org")
    client.force_login(coordinator.user)
    client.post(f"/o/{org.slug}/leden/{learner.pk}/deactiveren/")
    detail = client.get(f"/o/{org.slug}/leden/{learner.pk}/")
    assert "Maak weer actief" in detail.text

    response = client.post(f"/o/{org.slug}/leden/{learner.pk}/activeren/")
    assert response.status_code == 302
    membership = fresh(learner)
    assert membership.is_active
    assert membership.deactivated_at is None
    assert audit_kinds(org)[0] == AuditEvent.Kind.MEMBER_REACTIVATED

    browser = sign_in_with_password("lotte@example.org")
    assert browser.get(f"/o/{org.slug}/").status_code == 200


def test_deactivating_needs_post(client, org, coordinator, member_factory):
    learner = member_factory(org, Role.LEARNER)
    client.force_login(coordinator.user)
    assert client.get(f"/o/{org.slug}/leden/{learner.pk}/deactiveren/").status_code == 405
    assert fresh(learner).is_active


# --- Search and htmx -------------------------------------------------------------


@pytest.fixture
def named_members(org, member_factory):
    member_factory(org, Role.LEARNER, email="anna@example.org", first_name="Anna", last_name="Appel")
    member_factory(org, Role.LEARNER, email="bert@example.org", first_name="Bert", last_name="Boom")
    member_factory(org, Role.LEARNER, email="carla@voorbeeld.nl", first_name="Carla", last_name="Appelboom")


def test_search_by_name_and_email(client, org, coordinator, named_members):
    client.force_login(coordinator.user)
    response = client.get(f"/o/{org.slug}/leden/", {"zoek": "appel"})
    assert response.status_code == 200
    assert "anna@example.org" in response.text
    assert "carla@voorbeeld.nl" in response.text
    assert "bert@example.org" not in response.text

    response = client.get(f"/o/{org.slug}/leden/", {"zoek": "voorbeeld.nl"})
    assert "carla@voorbeeld.nl" in response.text
    assert "anna@example.org" not in response.text

    response = client.get(f"/o/{org.slug}/leden/", {"zoek": "niemand"})
    assert "Geen leden gevonden." in response.text


def test_search_never_finds_other_organisations(client, org, other_org, coordinator, named_members):
    MembershipFactory(organisation=other_org, user__email="anders@example.org", user__last_name="Appel")
    client.force_login(coordinator.user)
    response = client.get(f"/o/{org.slug}/leden/", {"zoek": "appel"})
    assert "anders@example.org" not in response.text


def test_htmx_request_gets_only_the_table(client, org, coordinator, named_members):
    client.force_login(coordinator.user)
    response = client.get(f"/o/{org.slug}/leden/", {"zoek": "bert"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert [t.name for t in response.templates if not t.name.startswith("portal/partials/pagination")] == [
        "portal/partials/member_table.html"
    ]
    assert "<html" not in response.text
    assert "<table" in response.text
    assert "bert@example.org" in response.text
    assert "anna@example.org" not in response.text

    full = client.get(f"/o/{org.slug}/leden/", {"zoek": "bert"})
    assert "<html" in full.text
    assert 'id="leden"' in full.text


# --- Query counts ----------------------------------------------------------------


def _count_queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def _add_members(org, coordinator, total: int) -> None:
    """Members up to ``total`` rows (the coordinator is one of them)."""
    with scope(organisation=org):
        missing = total - Membership.objects.count()
    for _ in range(missing):
        MembershipFactory(organisation=org, role=Role.LEARNER)


def _add_invitations(org, coordinator, total: int) -> None:
    with scope(organisation=org):
        missing = total - Invitation.objects.count()
    for _ in range(missing):
        InvitationFactory(organisation=org, invited_by=coordinator.user)


@pytest.mark.parametrize(
    ("path", "add"),
    [("leden/", _add_members), ("leden/?zoek=example", _add_members), ("uitnodigingen/", _add_invitations)],
    ids=["members", "members-search", "invitations"],
)
def test_list_queries_do_not_grow_with_rows(path, add, client, org, coordinator):
    client.force_login(coordinator.user)
    url = f"/o/{org.slug}/{path}"
    add(org, coordinator, 10)
    client.get(url)  # the first request stores the chosen organisation in the session
    few = _count_queries(client, url)
    add(org, coordinator, 200)
    many = _count_queries(client, url)
    assert few == many, f"{few} queries for 10 rows, {many} for 200"
    assert many <= 12
