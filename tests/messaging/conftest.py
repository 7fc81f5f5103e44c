"""Fixtures for the messaging suites: a case handler to receive reminders, and fresh
rule-set caches (the reminders of referrals are planned by routing real cases)."""

from __future__ import annotations

import pytest

from portal.roles import Role


@pytest.fixture(autouse=True)
def _fresh_rule_set_caches():
    from referrals.selectors import clear_caches

    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def case_handler(org, member_factory):
    return member_factory(org, Role.CASE_HANDLER)
