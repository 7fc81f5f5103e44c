"""An organisation's own pages: visible only to its members, only when published,
and only ever looked up inside its own section."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.models import LessonPage, OrganisationContentPage
from cms.setup import setup_cms
from portal.roles import Role
from tests.cms.factories import TakedownGuideFactory
from tests.cms.helpers import build_organisation_page
from tests.factories import MembershipFactory

NOT_FOUND_TEXT = "Deze pagina bestaat niet"


def list_url(organisation):
    return reverse("cms:page_list", kwargs={"org_slug": organisation.slug})


def detail_url(organisation, slug):
    return reverse("cms:page_detail", kwargs={"org_slug": organisation.slug, "page_slug": slug})


@pytest.fixture
def member(org, member_factory):
    return member_factory(org, Role.LEARNER)


def test_members_see_their_pages(cms_tree, org, member, login_as):
    page = build_organisation_page(
        org,
        slug="protocol",
        title="Ons protocol",
        body=[
            {"type": "text", "value": "<p>Bel eerst de vertrouwenspersoon.</p>"},
            {"type": "callout", "value": {"kind": "let_op", "title": "Gevaar?", "text": "<p>Bel 112.</p>"}},
            {"type": "checklist", "value": {"title": "Doe dit", "items": ["Luister", "Bewaar bewijs"]}},
            {
                "type": "contact_person",
                "value": {"name": "Vera Veenstra", "role": "Vertrouwenspersoon", "how_to_reach": "vera@example.org"},
            },
        ],
    )
    client = login_as(member)

    response = client.get(list_url(org))
    assert response.status_code == 200
    assert page.title in response.text
    assert detail_url(org, "protocol") in response.text

    response = client.get(detail_url(org, "protocol"))
    assert response.status_code == 200
    text = response.text
    assert "<h1>Ons protocol</h1>" in text
    assert "Bel eerst de vertrouwenspersoon." in text
    assert "block-callout--let_op" in text and "Gevaar?" in text
    assert 'type="checkbox"' in text and "Bewaar bewijs" in text
    assert "Vera Veenstra" in text
    assert 'href="mailto:vera@example.org"' in text
    assert "style=" not in text.split("<main", 1)[1]


def test_guide_link_block_points_into_the_organisation(cms_tree, org, member, login_as):
    guide = TakedownGuideFactory(slug="tiktok", platform="TikTok")
    build_organisation_page(
        org,
        slug="offline",
        body=[{"type": "checklist", "value": {"title": "Eerst", "items": ["Bewijs"]}}],
    )
    # Organisation pages have no guide-link block; render it as a lesson would.
    block = LessonPage.body.field.stream_block.child_blocks["takedown_guide"]
    value = block.to_python({"guide": guide.pk, "note": "Voor video's"})
    client = login_as(member)
    request = client.get(list_url(org)).wsgi_request
    html = block.render(value, context={"request": request})
    assert f'href="/o/{org.slug}/handleidingen/tiktok/"' in html
    assert "Voor video&#x27;s" in html or "Voor video's" in html
    assert OrganisationContentPage.objects.count() == 1

    # Without an organisation (the Wagtail preview), nothing is clickable.
    html = block.render(value, context={"request": None})
    assert "<a " not in html
    assert "TikTok" in html


def test_drafts_are_not_shown(cms_tree, org, member, login_as):
    build_organisation_page(org, slug="concept", title="Nog niet klaar", live=False)
    client = login_as(member)
    assert "Nog niet klaar" not in client.get(list_url(org)).text
    response = client.get(detail_url(org, "concept"))
    assert response.status_code == 404
    assert NOT_FOUND_TEXT in response.text


def test_other_organisations_member_gets_404(cms_tree, org, other_org, member_factory, login_as):
    build_organisation_page(org, slug="protocol")
    outsider = member_factory(other_org, Role.ORG_COORDINATOR)
    client = login_as(outsider)
    for path in (list_url(org), detail_url(org, "protocol")):
        response = client.get(path)
        assert response.status_code == 404, path
        assert NOT_FOUND_TEXT in response.text


def test_another_sections_page_under_own_slug_is_404(cms_tree, org, other_org, member, login_as):
    build_organisation_page(other_org, slug="alleen-daar", title="Geheim van de andere school")
    client = login_as(member)
    response = client.get(detail_url(org, "alleen-daar"))
    assert response.status_code == 404
    assert NOT_FOUND_TEXT in response.text
    assert "Geheim van de andere school" not in client.get(list_url(org)).text


def test_same_slug_in_two_sections_shows_own_page(cms_tree, org, other_org, member, login_as):
    build_organisation_page(org, slug="protocol", title="Protocol hier")
    build_organisation_page(other_org, slug="protocol", title="Protocol daar")
    client = login_as(member)
    text = client.get(detail_url(org, "protocol")).text
    assert "Protocol hier" in text
    assert "Protocol daar" not in text


def test_member_of_both_sees_each_in_its_own_scope(cms_tree, org, other_org, member, login_as):
    build_organisation_page(org, slug="hier", title="Pagina hier")
    build_organisation_page(other_org, slug="daar", title="Pagina daar")
    MembershipFactory(organisation=other_org, user=member.user, role=Role.LEARNER)
    client = login_as(member)
    assert "Pagina daar" not in client.get(list_url(org)).text
    assert "Pagina daar" in client.get(list_url(other_org)).text
    assert client.get(detail_url(other_org, "hier")).status_code == 404


def test_organisation_without_section_has_an_empty_list(db, org, member, login_as):
    client = login_as(member)
    response = client.get(list_url(org))
    assert response.status_code == 200
    assert "nog geen pagina" in response.text
    assert client.get(detail_url(org, "protocol")).status_code == 404


def test_anonymous_is_sent_to_login(cms_tree, org):
    response = Client().get(list_url(org))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_only_get(cms_tree, org, member, login_as, method):
    build_organisation_page(org, slug="protocol")
    client = login_as(member)
    assert getattr(client, method)(detail_url(org, "protocol")).status_code == 405


def _list_queries(client, organisation) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(list_url(organisation))
    assert response.status_code == 200
    return len(queries), response.text.count('class="portal-card"')


def test_list_query_count_does_not_grow(cms_tree, org, member, login_as):
    client = login_as(member)
    client.get(list_url(org))  # the first request also writes the session
    for n in range(2):
        build_organisation_page(org, slug=f"pagina-{n}", title=f"Pagina {n}")
    few, shown = _list_queries(client, org)
    assert shown == 2
    for n in range(2, 20):
        build_organisation_page(org, slug=f"pagina-{n}", title=f"Pagina {n}")
    many, shown = _list_queries(client, org)
    assert shown == 20
    assert many == few <= 8  # incl. the unread-notification count in the header


def test_setup_runs_after_pages_exist(cms_tree, org):
    build_organisation_page(org, slug="protocol")
    setup_cms()
    assert OrganisationContentPage.objects.filter(slug="protocol").count() == 1


def test_wagtail_preview_renders_without_organisation(cms_tree, org):
    """The admin preview has no organisation: the page still renders, with no portal links."""
    page = build_organisation_page(org, slug="protocol", title="Ons protocol")
    response = page.make_preview_request()
    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>Ons protocol</h1>" in text
    assert "/paginas/" not in text

    section = page.get_parent().specific
    assert section.make_preview_request().status_code == 200
