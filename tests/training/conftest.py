"""Fixtures for the training suites: a small course, learners, a coordinator."""

from __future__ import annotations

import pytest

from portal.roles import Role
from tests.training.builders import build_module


@pytest.fixture
def course(db):
    """A module with three lessons: q1 (one answer), a scenario and q2 (several
    answers), q3 (one answer). Pass mark 60%: two of three questions right."""
    module, lessons = build_module()
    return module, lessons


@pytest.fixture
def module(course):
    return course[0]


@pytest.fixture
def lessons(course):
    return course[1]


@pytest.fixture
def learner(org, member_factory):
    return member_factory(org, Role.LEARNER, first_name="Lotte", last_name="Leerling")


@pytest.fixture
def other_learner(org, member_factory):
    return member_factory(org, Role.LEARNER, first_name="Otto", last_name="Ander")


@pytest.fixture
def coordinator(org, member_factory):
    return member_factory(org, Role.ORG_COORDINATOR, first_name="Cor", last_name="Dinator")
