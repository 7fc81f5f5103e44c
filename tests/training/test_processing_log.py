"""The training progress of the team is the members' personal data: reading the page
and downloading it are entries in the processing log, one per member shown."""

from __future__ import annotations

import pytest
from django_scopes import scope

from portal.models import ProcessingLogEntry
from portal.processing_log import staff_subject
from portal.roles import Role

pytestmark = pytest.mark.django_db


def entries(org, user):
    with scope(organisation=org):
        return list(
            ProcessingLogEntry.objects.filter(subject_ref=staff_subject(user.pk).ref)
            .order_by("pk")
            .values_list("name", "operation", "activity", "actor_id")
        )


def test_the_training_progress_page_and_its_download(login_as, org, coordinator, module, member_factory):
    learner = member_factory(org, Role.LEARNER)
    client = login_as(coordinator)
    assert client.get(f"/o/{org.slug}/training/overzicht/").status_code == 200
    response = client.get(f"/o/{org.slug}/training/overzicht/", {"formaat": "csv"})
    b"".join(response.streaming_content)
    assert entries(org, learner.user) == [
        ("training.progress.read", "read", "training", coordinator.user_id),
        ("training.progress.export", "export", "training", coordinator.user_id),
    ]
