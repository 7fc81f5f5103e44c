"""Images and documents are fenced by organisation, as the page tree is.

Every organisation has its own Wagtail collection (``cms.OrganisationCollection``,
made with the organisation). A content editor uploads into, sees, chooses and
changes only what is in the collections of the organisations they edit for; the
site-history report shows them only their own images, documents and pages.
"""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.models import OrganisationCollection
from cms.setup import organisation_collection, organisation_section_ensure, setup_cms
from portal.models import Organisation
from tests.cms.helpers import build_organisation_page, make_editor
from tests.factories import SchoolFactory

pytestmark = [
    pytest.mark.django_db,
    # Making a thumbnail, Wagtail leaves a temporary file to the garbage collector.
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

Image = get_image_model()
Document = get_document_model()


def png(name: str = "logo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def image_in(organisation, title: str):
    image = Image.objects.create(title=title, file=png(), collection=organisation_collection(organisation))
    image.collection.refresh_from_db()
    return image


@pytest.fixture
def tree(cms_tree, org, other_org, platform_org):
    setup_cms()
    return cms_tree


def test_every_organisation_has_its_own_collection(tree, org, other_org, platform_org):
    collections = {o.pk: organisation_collection(o) for o in (org, other_org, platform_org)}
    assert len({c.pk for c in collections.values()}) == 3
    root = Collection.get_first_root_node()
    for organisation in (org, other_org, platform_org):
        collection = collections[organisation.pk]
        assert collection.get_parent() == root
        assert collection.name == organisation.name
    setup_cms()  # idempotent
    assert OrganisationCollection.objects.count() == Organisation.objects.filter(is_active=True).count()


def test_a_new_organisation_gets_its_collection_with_its_section(tree):
    new = SchoolFactory(name="Nieuwe School", slug="nieuwe-school")
    organisation_section_ensure(organisation=new)
    assert organisation_collection(new).name == "Nieuwe School"


def test_an_editor_cannot_replace_another_organisations_image(client, tree, org, other_org):
    theirs = image_in(other_org, "Logo Andere School")
    mine = image_in(org, "Logo Basisschool")
    client.force_login(make_editor(org).user)
    edit = reverse("wagtailimages:edit", args=[theirs.pk])
    assert client.get(edit).status_code in (302, 403, 404)
    client.post(edit, {"title": "Overgenomen", "file": png("evil.png"), "collection": theirs.collection_id})
    theirs.refresh_from_db()
    assert theirs.title == "Logo Andere School"
    assert client.post(reverse("wagtailimages:delete", args=[theirs.pk])).status_code in (302, 403, 404)
    assert Image.objects.filter(pk=theirs.pk).exists()
    assert client.get(reverse("wagtailimages:edit", args=[mine.pk])).status_code == 200


def test_an_editor_sees_and_chooses_only_own_images(client, tree, org, other_org):
    image_in(other_org, "Logo Andere School")
    image_in(org, "Logo Basisschool")
    client.force_login(make_editor(org).user)
    listing = client.get(reverse("wagtailimages:index")).text
    assert "Logo Basisschool" in listing and "Logo Andere School" not in listing
    chooser = client.get(reverse("wagtailimages_chooser:choose")).text
    assert "Logo Basisschool" in chooser and "Logo Andere School" not in chooser


def test_an_editor_uploads_only_into_own_collection(client, tree, org, other_org):
    client.force_login(make_editor(org).user)
    response = client.get(reverse("wagtailimages:add"))
    assert response.status_code == 200
    choices = (
        {c.pk for c in response.context["form"].fields["collection"].queryset}
        if "collection" in response.context["form"].fields
        else {organisation_collection(org).pk}
    )
    assert choices == {organisation_collection(org).pk}
    client.post(
        reverse("wagtailimages:add"),
        {"title": "Ons logo", "file": png(), "collection": organisation_collection(other_org).pk},
    )
    assert not Image.objects.filter(collection=organisation_collection(other_org)).exists()


def test_an_editor_cannot_touch_another_organisations_document(client, tree, org, other_org):
    theirs = Document.objects.create(
        title="Protocol Andere School",
        file=SimpleUploadedFile("protocol.pdf", b"%PDF-1.4 test"),
        collection=organisation_collection(other_org),
    )
    client.force_login(make_editor(org).user)
    assert "Protocol Andere School" not in client.get(reverse("wagtaildocs:index")).text
    assert client.get(reverse("wagtaildocs:edit", args=[theirs.pk])).status_code in (302, 403, 404)


def test_site_history_shows_only_own_images_and_pages(client, tree, org, other_org):
    from wagtail.log_actions import log

    theirs = image_in(other_org, "Logo Andere School")
    mine = image_in(org, "Logo Basisschool")
    log(theirs, "wagtail.create")
    log(mine, "wagtail.create")
    build_organisation_page(other_org, title="Geheim protocol Andere School")
    build_organisation_page(org, title="Ons eigen protocol")
    client.force_login(make_editor(org).user)
    report = client.get(reverse("wagtailadmin_reports:site_history"))
    assert report.status_code == 200
    assert "Logo Basisschool" in report.text and "Ons eigen protocol" in report.text
    assert "Geheim protocol Andere School" not in report.text
    assert "Logo Andere School" not in report.text


@pytest.fixture
def history(tree, org, other_org):
    """Log entries of both organisations' images, documents and pages, each by one of
    their own editors."""
    from wagtail.log_actions import log

    ours, theirs = make_editor(org).user, make_editor(other_org, first_name="Olga", last_name="Anderszoon").user
    log(image_in(other_org, "Logo Andere School"), "wagtail.create", user=theirs)
    log(image_in(org, "Logo Basisschool"), "wagtail.create", user=ours)
    for organisation, title, user in ((other_org, "Handboek Andere School", theirs), (org, "Ons handboek", ours)):
        document = Document.objects.create(
            title=title,
            file=SimpleUploadedFile("handboek.pdf", b"%PDF-1.4"),
            collection=organisation_collection(organisation),
        )
        log(document, "wagtail.create", user=user)
    log(build_organisation_page(other_org, title="Geheim protocol Andere School"), "wagtail.edit", user=theirs)
    log(build_organisation_page(org, title="Ons eigen protocol"), "wagtail.edit", user=ours)
    return ours


OURS = ("Logo Basisschool", "Ons handboek", "Ons eigen protocol")
THEIRS = ("Logo Andere School", "Handboek Andere School", "Geheim protocol Andere School", "Anderszoon")


@pytest.mark.parametrize(
    ("url_name", "query"),
    [
        ("wagtailadmin_reports:site_history", ""),
        ("wagtailadmin_reports:site_history_results", ""),
        ("wagtailadmin_reports:site_history", "?export=csv"),
    ],
)
def test_site_history_report_results_and_export_are_fenced(client, history, url_name, query):
    client.force_login(history)
    response = client.get(reverse(url_name) + query)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode() if response.streaming else response.text
    for name in OURS:
        assert name in text
    for name in THEIRS:
        assert name not in text


def test_site_history_filters_offer_only_own_editors_and_types(client, history, other_org):
    client.force_login(history)
    report = client.get(reverse("wagtailadmin_reports:site_history"))
    users = report.context["filters"].form.fields["user"].queryset
    assert set(users) == {history}
    assert "Anderszoon" not in report.text


def test_site_history_for_a_platform_administrator_shows_everything(client, history, platform_org):
    from portal.roles import Role
    from portal.services import user_sync_staff_flags
    from tests.helpers import make_member

    admin = make_member(platform_org, Role.PLATFORM_ADMIN)
    user_sync_staff_flags(user=admin.user)
    client.force_login(admin.user)
    report = client.get(reverse("wagtailadmin_reports:site_history"))
    assert report.status_code == 200
    for name in (*OURS, *THEIRS):
        assert name in report.text
