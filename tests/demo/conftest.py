"""Fixtures for the demo suites."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fresh_rule_set_caches():
    """The demo routes cases with the organisations' rule sets, as the referrals
    suites do: every test starts and ends with empty rule-set caches."""
    from referrals.selectors import clear_caches

    clear_caches()
    yield
    clear_caches()
