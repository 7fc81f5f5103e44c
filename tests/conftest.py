"""Fixtures shared by every suite: two organisations, so every test that touches
tenant data can check the other one stays out of reach."""

from __future__ import annotations

import sqlite3

import pytest
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections

from tests.factories import SchoolFactory
from tests.helpers import make_member


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and used TOTP codes live in the cache; every test starts clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def org(db):
    return SchoolFactory(name="Basisschool Eén", slug="basisschool-een")


@pytest.fixture
def other_org(db):
    return SchoolFactory(name="Andere School", slug="andere-school")


@pytest.fixture
def member_factory(db):
    return make_member


@pytest.fixture
def login_as(client):
    """Sign a member's user in without the login flow (the MFA stage is tested on its own)."""

    def _login(membership):
        client.force_login(membership.user)
        return client

    return _login


@pytest.fixture
def file_database(transactional_db, tmp_path):
    """Run the test on an SQLite file instead of the shared in-memory test database.

    Connections to a shared-cache in-memory database fail at once with "database
    table is locked" instead of waiting their turn, so two real connections cannot
    race there. A file database behaves as the demo's does (WAL, ``BEGIN IMMEDIATE``,
    a busy timeout): the second writer waits for the first. The schema is copied
    from the migrated in-memory database; on other databases this does nothing.
    """
    memory = connections[DEFAULT_DB_ALIAS]
    if memory.vendor != "sqlite" or not memory.is_in_memory_db():
        yield
        return
    path = str(tmp_path / "race.sqlite3")
    memory.ensure_connection()
    target = sqlite3.connect(path)
    memory.connection.backup(target)
    target.close()

    shared_settings = connections.settings[DEFAULT_DB_ALIAS]  # new threads' connections read this
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
