"""URL arguments of the training views, for the URL walks in tests/portal/urlwalk.py.

``module_slug`` and ``lesson_slug`` name national training content that every
organisation may see; ``assignment_id`` is an organisation's row; ``code`` names a
certificate, which belongs to a learner and is reached in a tenant view only
through a member of the organisation in scope.
"""

from __future__ import annotations

from tests.training.builders import build_module
from tests.training.factories import assignment_in, certificate_code_in


def _module_slug(organisation) -> str:
    return build_module()[0].slug


def _lesson_slug(organisation) -> str:
    return build_module()[1][0].slug


TENANT_OBJECTS = {
    "assignment_id": lambda organisation: assignment_in(organisation).pk,
    "code": certificate_code_in,
}
SHARED_OBJECTS = {"module_slug": _module_slug, "lesson_slug": _lesson_slug}
NOT_TENANT_URLS = {
    "training_public:certificate_verify": (
        "public: the unguessable code is the key, and the page shows only name, module and validity; "
        "covered in tests/training/test_certificates.py"
    ),
}
