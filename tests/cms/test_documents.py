"""Documents uploaded in the CMS are served only inside their organisation.

A document lies in its organisation's collection (``cms.OrganisationCollection``).
Its download (``wagtaildocs_serve``) answers the organisation's active members, of
any role, and platform administrators; everyone else, anonymous visitors included,
gets the same 404 as for a document that does not exist. No cache may keep it.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.setup import organisation_collection, setup_cms
from portal.roles import Role
from portal.services import user_sync_staff_flags
from tests.cms.helpers import make_editor
from tests.helpers import make_member

pytestmark = pytest.mark.django_db

Document = get_document_model()
PDF = b"%PDF-1.4 protocol van de school"


@pytest.fixture(autouse=True)
def _files_on_disk(settings, tmp_path):
    # As in production: the serve view streams a local file. (The suite's in-memory
    # storage claims a local path that is not there.)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }


@pytest.fixture
def tree(cms_tree, org, other_org, platform_org):
    setup_cms()
    return cms_tree


@pytest.fixture
def document(tree, org):
    return Document.objects.create(
        title="Protocol Basisschool",
        file=SimpleUploadedFile("protocol.pdf", PDF, content_type="application/pdf"),
        collection=organisation_collection(org),
    )


def download(client, document):
    """The response, with a streamed file read into ``response.body`` and closed."""
    response = client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))
    if response.streaming:
        response.body = b"".join(response.streaming_content)
        response.close()
    else:
        response.body = response.content
    return response


def page_without_request_details(response) -> str:
    """The 404 page without what differs per request (nonce, CSRF token, the path)."""
    return re.sub(r'(nonce|value)="[^"]*"', "", response.text)


def test_documents_are_never_handed_out_by_their_storage_url():
    # "redirect" or "direct" would skip the check below and the no-store header.
    assert django_settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_an_editor_uploads_a_document_and_the_list_answers(client, tree, org):
    client.force_login(make_editor(org).user)
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Protocol Basisschool",
            "file": SimpleUploadedFile("protocol.pdf", PDF, content_type="application/pdf"),
            "collection": organisation_collection(org).pk,
        },
    )
    assert response.status_code == 302
    uploaded = Document.objects.get(title="Protocol Basisschool")
    assert uploaded.collection == organisation_collection(org)

    listing = client.get(reverse("wagtaildocs:index"))
    assert listing.status_code == 200
    assert "Protocol Basisschool" in listing.text
    assert uploaded.url in listing.text
    # The editor is a member of the organisation: the link in the list works for them.
    assert download(client, uploaded).status_code == 200


@pytest.mark.parametrize("role", [Role.LEARNER, Role.CASE_HANDLER, Role.CONTENT_EDITOR])
def test_a_member_of_the_organisation_downloads_it(client, document, org, role):
    client.force_login(make_member(org, role).user)
    response = download(client, document)
    assert response.status_code == 200
    assert response.body == PDF
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_a_platform_administrator_downloads_it(client, document, platform_org):
    admin = make_member(platform_org, Role.PLATFORM_ADMIN)
    user_sync_staff_flags(user=admin.user)
    client.force_login(admin.user)
    assert download(client, document).status_code == 200


def test_another_organisations_member_gets_the_same_404_as_for_nothing(client, document, other_org):
    client.force_login(make_member(other_org, Role.ORG_COORDINATOR).user)
    response = download(client, document)
    assert response.status_code == 404
    missing = client.get(reverse("wagtaildocs_serve", args=[document.pk + 1000, document.filename]))
    assert missing.status_code == 404
    assert page_without_request_details(response) == page_without_request_details(missing)
    assert PDF not in response.body


def test_another_organisations_editor_gets_404(client, document, other_org):
    client.force_login(make_editor(other_org).user)
    assert download(client, document).status_code == 404


def test_anonymous_gets_404(client, document):
    response = download(client, document)
    assert response.status_code == 404
    assert PDF not in response.body


def test_a_deactivated_member_gets_404(client, document, org):
    membership = make_member(org, Role.LEARNER)
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    client.force_login(membership.user)
    assert download(client, document).status_code == 404


def test_a_document_outside_every_organisation_is_for_platform_administrators_only(client, tree, org, platform_org):
    loose = Document.objects.create(
        title="Los document",
        file=SimpleUploadedFile("los.pdf", PDF, content_type="application/pdf"),
        collection=Collection.get_first_root_node(),
    )
    client.force_login(make_member(org, Role.LEARNER).user)
    assert download(client, loose).status_code == 404
    admin = make_member(platform_org, Role.PLATFORM_ADMIN)
    user_sync_staff_flags(user=admin.user)
    client.force_login(admin.user)
    assert download(client, loose).status_code == 200
