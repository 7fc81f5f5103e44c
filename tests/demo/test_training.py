"""The training demo data: assignments and progress, idempotent, and quiet without a course."""

from __future__ import annotations

import pytest
from django_scopes import scope

from demo.accounts import seed_demo
from demo.training import DEMO_LEARNER, DEMO_ORGANISATION, seed_training_demo
from portal.models import Membership, Organisation
from tests.training.builders import build_module
from training.models import Assignment, LessonProgress, ModuleAttempt
from training.selectors import TrainingStatus, my_training

pytestmark = pytest.mark.django_db


def test_without_a_course_it_does_nothing(db):
    assert seed_training_demo() == {"assignments": 0, "attempts": 0}
    seed_demo()
    assert seed_training_demo() == {"assignments": 0, "attempts": 0}
    assert ModuleAttempt.objects.count() == 0


def test_demo_school_gets_assignments_and_the_learner_progress(db):
    seed_demo()
    build_module()
    build_module(slug="doxing", title="Doxing herkennen")
    assert seed_training_demo() == {"assignments": 2, "attempts": 1}
    assert seed_training_demo() == {"assignments": 0, "attempts": 0}

    school = Organisation.objects.get(slug=DEMO_ORGANISATION)
    with scope(organisation=school):
        assert Assignment.objects.count() == 2
        learner = Membership.objects.select_related("user").get(user__email=DEMO_LEARNER)
        statuses = sorted(row.status for row in my_training(membership=learner, user=learner.user).assigned)
    assert statuses == sorted([TrainingStatus.IN_PROGRESS, TrainingStatus.OVERDUE])
    assert LessonProgress.objects.filter(attempt__user=learner.user).count() == 1
