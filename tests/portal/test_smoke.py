import pytest

from portal.roles import Role

pytestmark = pytest.mark.django_db


def test_coordinator_sees_members(login_as, org, member_factory):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    member_factory(org, Role.LEARNER, email="lotte@example.org")
    client = login_as(coordinator)
    response = client.get(f"/o/{org.slug}/leden/")
    assert response.status_code == 200
    assert b"lotte@example.org" in response.content
    assert client.get(f"/o/{org.slug}/").status_code == 200
    assert client.get(f"/o/{org.slug}/uitnodigingen/").status_code == 200
