"""Training and tenancy: another organisation's member changes and sees nothing here.
(Every training URL is also in the URL walk of tests/portal/test_tenant_isolation.py.)"""

from __future__ import annotations

import pytest
from django_scopes import scope

from portal.roles import Role
from tests.training.builders import Q1, Q1_RIGHT
from tests.training.factories import AssignmentFactory, CertificateFactory
from training.models import Answer, Assignment, ModuleAttempt

pytestmark = pytest.mark.django_db


def test_outsider_writes_change_nothing(client, org, other_org, member_factory, learner, module, lessons):
    outsider = member_factory(other_org, Role.ORG_COORDINATOR)
    assignment = AssignmentFactory(organisation=org, module=module)
    client.force_login(outsider.user)
    lesson = f"/o/{org.slug}/training/{module.slug}/{lessons[0].slug}/"
    responses = [
        client.post(lesson + "antwoord/", {"vraag": Q1, "antwoord": Q1_RIGHT}),
        client.post(lesson + "afronden/", {}),
        client.post(f"/o/{org.slug}/training/{module.slug}/opnieuw/"),
        client.post(
            f"/o/{org.slug}/training/toewijzingen/", {"module": module.pk, "role": "learner", "due_date": "2099-01-01"}
        ),
        client.post(f"/o/{org.slug}/training/toewijzingen/{assignment.pk}/verwijderen/"),
        # Own organisation, another organisation's assignment id.
        client.post(f"/o/{other_org.slug}/training/toewijzingen/{assignment.pk}/verwijderen/"),
    ]
    assert [r.status_code for r in responses] == [404] * len(responses)
    assert ModuleAttempt.objects.count() == 0 and Answer.objects.count() == 0
    with scope(organisation=org):
        assert list(Assignment.objects.all()) == [assignment]


def test_coordinator_sees_no_certificates_of_former_members(login_as, org, coordinator, learner, module):
    certificate = CertificateFactory(user=learner.user, module=module)
    client = login_as(coordinator)
    assert client.get(f"/o/{org.slug}/training/certificaten/{certificate.code}.pdf").status_code == 200
    with scope(organisation=org):
        learner.is_active = False
        learner.save()
    assert client.get(f"/o/{org.slug}/training/certificaten/{certificate.code}.pdf").status_code == 404
    assert learner.user.get_full_name() not in client.get(f"/o/{org.slug}/training/overzicht/").text
