"""Production media: Wagtail documents are never reachable as files under
``MEDIA_URL``; every document link goes through ``wagtaildocs_serve`` and its
permission check (``cms.wagtail_hooks.serve_document_to_members_only``).

What Wagtail documents for its ``serve_view`` method: the serve method is the view,
and the web server does not serve ``MEDIA_ROOT/documents/`` (README, "Production").
The portal itself serves no media in production, and in the demo only images.
"""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.checks import run_checks
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import Resolver404, clear_url_caches, resolve
from wagtail.documents import get_document_model

from cms.setup import organisation_collection, setup_cms
from portal.roles import Role
from tests.helpers import make_member
from tests.portal.helpers import BASE_DIR, production

Document = get_document_model()
PDF = b"%PDF-1.4 protocol van de school"


@pytest.fixture
def document(db, settings, tmp_path, org, other_org):
    # A file on disk, as in production (the suite's in-memory storage has no path).
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }
    setup_cms()
    return Document.objects.create(
        title="Protocol",
        file=SimpleUploadedFile("protocol.pdf", PDF, content_type="application/pdf"),
        collection=organisation_collection(org),
    )


def test_production_serves_documents_through_the_view(tmp_path):
    """The production settings, loaded as production loads them."""
    script = "from django.conf import settings; print(settings.WAGTAILDOCS_SERVE_METHOD)"
    environment = {**production(), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "VAR_DIR": str(tmp_path / "var")}
    shown = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shown.stdout.strip().splitlines()[-1:] == ["serve_view"], shown.stderr
    assert django_settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


@pytest.mark.parametrize("method", ["redirect", "direct", None])
def test_check_deploy_refuses_any_other_serve_method(method):
    # Only the security-tagged deployment checks: others (Wagtail's) may read the
    # database, which this test has no access to.
    with override_settings(WAGTAILDOCS_SERVE_METHOD=method):
        errors = [e for e in run_checks(tags=["security"], include_deployment_checks=True) if e.id == "portal.E001"]
    assert len(errors) == 1
    assert not [e for e in run_checks(tags=["security"], include_deployment_checks=True) if e.id == "portal.E001"]


def test_a_document_link_is_the_checked_view_not_the_file(client, document, org, other_org):
    """The URL pages and the CMS hand out is the serve view's, never the file's."""
    url = document.url
    assert url.startswith("/documenten/") and not url.startswith(django_settings.MEDIA_URL)
    assert resolve(url).url_name == "wagtaildocs_serve"
    assert document.file.name.startswith("documents/")
    # Through the permission check: someone of another organisation, or nobody, gets 404.
    assert client.get(url).status_code == 404
    client.force_login(make_member(other_org, Role.ORG_COORDINATOR).user)
    assert client.get(url).status_code == 404
    client.force_login(make_member(org, Role.LEARNER).user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    response.close()


@pytest.mark.parametrize("mode", [{"DEMO_MODE": True}, {"DEBUG": True}, {"DEBUG": False, "DEMO_MODE": False}])
def test_the_portal_never_serves_the_documents_folder(mode):
    """The demo serves uploaded images itself (organisation logos), never documents;
    production serves no media at all."""
    import portal.urls

    try:
        with override_settings(**mode):
            importlib.reload(portal.urls)
            clear_url_caches()
            for path in ("/media/documents/protocol.pdf", "/media/documents/../documents/protocol.pdf"):
                with pytest.raises(Resolver404):
                    resolve(path, urlconf="portal.urls")
            serves_images = True
            try:
                resolve("/media/original_images/logo.png", urlconf="portal.urls")
            except Resolver404:
                serves_images = False
            assert serves_images is bool(mode.get("DEMO_MODE") or mode.get("DEBUG"))
    finally:
        importlib.reload(portal.urls)
        clear_url_caches()
