"""URL arguments of the case pages, for the URL walks in tests/portal/urlwalk.py.

``case_id`` and ``task_id`` name rows of one organisation.
"""

from __future__ import annotations

from tests.referrals.factories import make_case, make_task

TENANT_OBJECTS = {
    "case_id": lambda organisation: make_case(organisation).pk,
    "task_id": lambda organisation: make_task(organisation).pk,
}
