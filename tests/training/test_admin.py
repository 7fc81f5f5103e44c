"""The training models in the Django admin: answers and certificates are read-only."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory
from tests.training.builders import Q1, Q1_RIGHT
from tests.training.factories import AssignmentFactory, CertificateFactory
from training import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True, with_totp=True))
    return client


def test_admin_lists_and_shows_training_rows(admin_client, org, learner, module, lessons):
    answer = services.progress_record_answer(
        learner=learner.user, module=module, lesson=lessons[0], attempt_id=None, question_id=Q1, option_ids=[Q1_RIGHT]
    )
    certificate = CertificateFactory(user=learner.user, module=module)
    assignment = AssignmentFactory(organisation=org, module=module)
    for name, pk in [
        ("moduleattempt", answer.attempt_id),
        ("answer", answer.pk),
        ("certificate", certificate.pk),
        ("assignment", assignment.pk),
    ]:
        assert admin_client.get(f"/django-admin/training/{name}/").status_code == 200, name
        assert admin_client.get(f"/django-admin/training/{name}/{pk}/change/").status_code == 200, name
    assert certificate.display_code in admin_client.get("/django-admin/training/certificate/").text


@pytest.mark.parametrize("name", ["answer", "certificate", "moduleattempt"])
def test_records_cannot_be_added_or_edited(admin_client, name):
    assert admin_client.get(f"/django-admin/training/{name}/add/").status_code == 403
