"""URL arguments of the privacy views, for the URL walks in tests/portal/urlwalk.py:
``request_id`` names a subject access or erasure request of one organisation."""

from __future__ import annotations

from tests.privacy.factories import SubjectRequestFactory


def _request_id(organisation) -> int:
    return SubjectRequestFactory(organisation=organisation).pk


TENANT_OBJECTS = {"request_id": _request_id}
