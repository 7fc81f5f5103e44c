"""Fixtures for the training suites: a small course, learners, a coordinator."""

from __future__ import annotations

import pytest

from portal.roles import Role
from tests.training.factories import make_module


@pytest.fixture
def course(db):
    """A module with three lessons: q1 (one answer), a scenario and q2 (several
    answers), q3 (one answer). Pass mark 60%: two of three questions right."""
    module, lessons = make_module()
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


@pytest.fixture
def file_database(transactional_db, tmp_path):
    """Run a race test on an SQLite file instead of the shared in-memory database,
    where a second connection fails at once instead of waiting for the first
    (same approach as tests/portal/test_invitations.py). Elsewhere: does nothing."""
    import sqlite3

    from django.db import DEFAULT_DB_ALIAS, connections

    memory = connections[DEFAULT_DB_ALIAS]
    if memory.vendor != "sqlite" or not memory.is_in_memory_db():
        yield
        return
    path = str(tmp_path / "race.sqlite3")
    memory.ensure_connection()
    target = sqlite3.connect(path)
    memory.connection.backup(target)
    target.close()
    shared_settings = connections.settings[DEFAULT_DB_ALIAS]
    memory_name = shared_settings["NAME"]
    on_file = memory.copy()
    on_file.settings_dict["NAME"] = path
    shared_settings["NAME"] = path
    connections[DEFAULT_DB_ALIAS] = on_file
    try:
        yield
    finally:
        on_file.close()
        connections[DEFAULT_DB_ALIAS] = memory
        shared_settings["NAME"] = memory_name
