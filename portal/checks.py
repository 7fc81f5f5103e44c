"""System checks of the portal's own settings (``manage.py check``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def documents_through_the_serve_view(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Wagtail documents are served only by ``wagtaildocs_serve`` and its
    ``before_serve_document`` check (cms.wagtail_hooks). "redirect" or "direct"
    would hand out the storage's own URL under ``MEDIA_URL``: anyone with the link
    would get the file, past the check. The web server must not serve
    ``MEDIA_ROOT/documents/`` either (README, "Production")."""
    method = getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None)
    if method == "serve_view":
        return []
    return [
        Error(
            f"WAGTAILDOCS_SERVE_METHOD is {method!r}: documents would skip the permission check.",
            hint='Set WAGTAILDOCS_SERVE_METHOD = "serve_view".',
            id="portal.E001",
        )
    ]
