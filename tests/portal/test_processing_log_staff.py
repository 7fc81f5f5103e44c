"""A member's own data in the processing log: a coordinator reading the member list or
one member, changing a role (the training progress: tests/training/test_processing_log.py)."""

from __future__ import annotations

import pytest
from django_scopes import scope

from portal.models import AuditEvent, ProcessingLogEntry
from portal.processing_log import AUDIT_PROCESSING, staff_subject
from portal.roles import Role

pytestmark = pytest.mark.django_db


def entries(org, user):
    with scope(organisation=org):
        return list(
            ProcessingLogEntry.objects.filter(subject_ref=staff_subject(user.pk).ref)
            .order_by("pk")
            .values_list("name", "operation", "activity", "actor_id")
        )


def test_every_kind_of_audit_row_has_a_decision():
    assert set(AUDIT_PROCESSING) == set(AuditEvent.Kind.values)


def test_reading_a_member_and_changing_the_role_are_entries(client, org, coordinator, member_factory):
    learner = member_factory(org, Role.LEARNER)
    client.force_login(coordinator.user)
    assert client.get(f"/o/{org.slug}/leden/{learner.pk}/").status_code == 200
    client.post(f"/o/{org.slug}/leden/{learner.pk}/", {"role": Role.CASE_HANDLER})
    assert entries(org, learner.user) == [
        ("membership.detail.read", "read", "accounts", coordinator.user_id),
        ("membership.role.update", "update", "accounts", coordinator.user_id),
    ]


def test_the_member_list_reads_only_the_members_shown(client, org, coordinator, member_factory):
    learners = [member_factory(org, Role.LEARNER) for _ in range(3)]
    client.force_login(coordinator.user)
    client.get(f"/o/{org.slug}/leden/", {"zoek": learners[0].user.email})
    assert [row[0] for row in entries(org, learners[0].user)] == ["membership.list.read"]
    assert entries(org, learners[1].user) == []


def test_another_organisations_member_page_writes_nothing(client, org, coordinator, member_factory):
    from tests.factories import SchoolFactory

    other = SchoolFactory()
    stranger = member_factory(other, Role.LEARNER)
    client.force_login(coordinator.user)
    assert client.get(f"/o/{org.slug}/leden/{stranger.pk}/").status_code == 404
    assert entries(org, stranger.user) == [] and entries(other, stranger.user) == []
