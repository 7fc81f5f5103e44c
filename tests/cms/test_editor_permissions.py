"""Who may edit what in the Wagtail admin (/cms/).

An organisation's content editors edit only their own section; the national
library is edited only by the platform's content editors; platform administrators
edit everything; nobody else reaches the admin. The stored permission rows are the
same for every organisation (``cms.setup``); ``cms.permissions`` narrows them.

Wagtail refuses what its (narrowed) permissions do not allow by redirecting to the
admin dashboard with a message; the ``before_*`` hooks refuse what slips past that
with a 403. Both are "refused" below; the hooks are also tested on their own, with
rows broad enough that only the hook stands in the way.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse
from django_scopes import scope
from wagtail.models import GroupPagePermission, Page
from wagtail.permissions import policy_registry

from cms import wagtail_hooks
from cms.models import LessonPage, OrganisationContentPage, OrganisationSectionPage
from cms.permissions import TenantPagePermissionPolicy, editor_scope
from cms.setup import setup_cms
from portal.models import Membership
from portal.roles import Role
from portal.services import EDITORS_GROUP, user_sync_staff_flags
from tests.cms.helpers import build_organisation_page, make_editor, section_of
from tests.factories import MembershipFactory, SchoolFactory

ADMIN_HOME = "/cms/"


def assert_refused(response, path):
    refused_by_wagtail = response.status_code == 302 and response["Location"] == ADMIN_HOME
    assert refused_by_wagtail or response.status_code == 403, f"{path}: {response.status_code}"


@pytest.fixture
def pages(cms_tree, library, org, other_org):
    return {
        "own": build_organisation_page(org),
        "foreign": build_organisation_page(other_org),
        "lesson": LessonPage.objects.get(),
        "module": library.get_children().get(),
        "library": library,
    }


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_org_editor_edits_own_section(client, pages, org):
    editor = make_editor(org)
    client.force_login(editor.user)

    assert client.get(edit_url(pages["own"])).status_code == 200
    assert client.get(edit_url(section_of(org))).status_code == 200
    add = reverse("wagtailadmin_pages:add", args=["cms", "organisationcontentpage", section_of(org).pk])
    assert client.get(add).status_code == 200


def test_org_editor_saves_own_page(client, pages, org):
    """A real round trip through the edit form: the editor's change is stored."""
    editor = make_editor(org)
    client.force_login(editor.user)
    page = pages["own"]
    response = client.get(edit_url(page))
    form = response.context["form"]
    data = {name: form[name].value() for name in ("title", "slug")}
    data.update(_stream_post_data(page))
    data["title"] = "Ons nieuwe protocol"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Ons nieuwe protocol"


def _stream_post_data(page):
    data = {"body-count": "1", "body-0-type": "text", "body-0-deleted": "", "body-0-order": "0", "body-0-id": ""}
    data["body-0-value"] = (
        '{"blocks":[{"key":"a","text":"Nieuwe tekst","type":"unstyled","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}'
    )
    return data


@pytest.mark.parametrize("target", ["foreign", "lesson", "module", "library"])
def test_org_editor_is_refused_elsewhere(client, pages, org, target):
    editor = make_editor(org)
    client.force_login(editor.user)
    path = edit_url(pages[target])
    assert_refused(client.get(path), path)


def test_org_editor_cannot_change_another_sections_page(client, pages, org, other_org):
    editor = make_editor(org)
    client.force_login(editor.user)
    foreign = pages["foreign"]
    paths = [
        edit_url(foreign),
        reverse("wagtailadmin_pages:delete", args=[foreign.pk]),
        reverse("wagtailadmin_pages:unpublish", args=[foreign.pk]),
        reverse("wagtailadmin_pages:add", args=["cms", "organisationcontentpage", section_of(other_org).pk]),
        reverse("wagtailadmin_pages:edit", args=[section_of(other_org).pk]),
    ]
    for path in paths:
        assert_refused(client.post(path, {"title": "Overgenomen", "slug": "overgenomen"}), path)
    foreign.refresh_from_db()
    assert foreign.title == f"Protocol van {other_org.name}"
    assert foreign.live
    assert OrganisationContentPage.objects.child_of(section_of(other_org)).count() == 1


def test_org_editor_cannot_remove_own_section(client, pages, org):
    editor = make_editor(org)
    client.force_login(editor.user)
    section = section_of(org)
    for name in ("delete", "unpublish", "copy"):
        path = reverse(f"wagtailadmin_pages:{name}", args=[section.pk])
        assert_refused(client.post(path), path)
    assert OrganisationSectionPage.objects.filter(pk=section.pk, live=True).exists()


def test_org_editor_does_not_see_or_choose_the_organisation_field(client, pages, org, other_org):
    editor = make_editor(org)
    client.force_login(editor.user)
    response = client.get(edit_url(section_of(org)))
    assert "organisation" not in response.context["form"].fields
    assert other_org.name not in response.text


def test_platform_editor_edits_the_library_only(client, pages, platform_org, org):
    editor = make_editor(platform_org)
    client.force_login(editor.user)

    for target in ("lesson", "module", "library"):
        assert client.get(edit_url(pages[target])).status_code == 200, target
    add = reverse("wagtailadmin_pages:add", args=["cms", "lessonpage", pages["module"].pk])
    assert client.get(add).status_code == 200
    # Editing the library does not open the organisations' own sections.
    path = edit_url(pages["own"])
    assert_refused(client.get(path), path)
    # And the takedown guides are theirs too.
    assert client.get(reverse("wagtailsnippets_cms_takedownguide:list")).status_code == 200


def test_org_editor_cannot_edit_takedown_guides(client, pages, org):
    editor = make_editor(org)
    client.force_login(editor.user)
    path = reverse("wagtailsnippets_cms_takedownguide:list")
    assert_refused(client.get(path), path)


def test_platform_admin_edits_everything(client, pages, platform_org, member_factory):
    admin = member_factory(platform_org, Role.PLATFORM_ADMIN)
    user_sync_staff_flags(user=admin.user)
    client.force_login(admin.user)
    for target in ("own", "foreign", "lesson", "library"):
        assert client.get(edit_url(pages[target])).status_code == 200, target


@pytest.mark.parametrize("role", [Role.LEARNER, Role.CASE_HANDLER, Role.ORG_COORDINATOR])
def test_other_roles_cannot_reach_the_admin(client, pages, org, member_factory, role):
    member = member_factory(org, role)
    user_sync_staff_flags(user=member.user)
    client.force_login(member.user)
    for path in (ADMIN_HOME, edit_url(pages["own"]), reverse("wagtailadmin_explore", args=[section_of(org).pk])):
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/login/?next=" in response["Location"], path


def test_deactivated_editor_loses_the_section(client, pages, org, editor_factory):
    editor = editor_factory(org)
    with scope(organisation=org):
        Membership.objects.filter(pk=editor.pk).update(is_active=False)
    # Even before the staff flags are synced, the scope has no area left.
    client.force_login(editor.user)
    path = edit_url(pages["own"])
    assert_refused(client.get(path), path)


# --- Explorer, search and chooser -------------------------------------------------


def test_explorer_opens_in_own_section_and_hides_others(client, pages, org, other_org, cms_tree):
    editor = make_editor(org)
    client.force_login(editor.user)

    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[section_of(org).pk])

    response = client.get(reverse("wagtailadmin_explore", args=[section_of(org).pk]))
    assert pages["own"].title in response.text
    # Another section: sent back to their own.
    response = client.get(reverse("wagtailadmin_explore", args=[section_of(other_org).pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[section_of(org).pk])


def test_explorer_hook_hides_other_sections(rf, pages, org, other_org, cms_tree):
    editor = make_editor(org)
    request = rf.get("/cms/pages/")
    request.user = editor.user
    children = wagtail_hooks.hide_foreign_sections_in_explorer(cms_tree, cms_tree.get_children(), request)
    assert list(children) == [section_of(org).page_ptr]
    everything = wagtail_hooks.hide_foreign_sections_in_chooser(Page.objects.all(), request)
    assert pages["own"].page_ptr in everything
    assert pages["lesson"].page_ptr in everything  # the library stays choosable (for links)
    assert pages["foreign"].page_ptr not in everything
    assert section_of(other_org).page_ptr not in everything


def test_editor_of_two_organisations_sees_both_sections(rf, pages, org, other_org, cms_tree):
    editor = make_editor(org)
    MembershipFactory(organisation=other_org, user=editor.user, role=Role.CONTENT_EDITOR)
    request = rf.get("/cms/pages/")
    request.user = editor.user
    children = wagtail_hooks.hide_foreign_sections_in_explorer(cms_tree, cms_tree.get_children(), request)
    assert set(children) == {section_of(org).page_ptr, section_of(other_org).page_ptr}


def test_admin_search_finds_only_own_pages(client, pages, org, other_org):
    editor = make_editor(org)
    client.force_login(editor.user)
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "Protocol"})
    assert response.status_code == 200
    assert pages["own"].title in response.text
    assert pages["foreign"].title not in response.text


# --- The hooks on their own ----------------------------------------------------------


@pytest.fixture
def broad_rows(pages):
    """Editors with rights on the whole tree, as Wagtail's initial data gives them."""
    editors = Group.objects.get(name=EDITORS_GROUP)
    root = Page.objects.get(depth=1)
    for permission_type in ("add", "change", "publish"):
        GroupPagePermission.objects.create(group=editors, page=root, permission_type=permission_type)
    return pages


def _request(user, method="get", data=None):
    request = getattr(RequestFactory(), method)("/cms/", data or {})
    request.user = user
    return request


def test_hooks_refuse_outside_the_areas_with_403(broad_rows, org, other_org):
    editor = make_editor(org)
    request = _request(editor.user)
    own, foreign, lesson = broad_rows["own"], broad_rows["foreign"], broad_rows["lesson"]
    own_section, foreign_section = section_of(org), section_of(other_org)

    assert wagtail_hooks.refuse_edit_outside_areas(request, own) is None
    assert wagtail_hooks.refuse_edit_outside_areas(request, own_section) is None
    assert wagtail_hooks.refuse_create_outside_areas(request, own_section, OrganisationContentPage) is None
    assert wagtail_hooks.refuse_removal_outside_areas(request, own) is None
    assert wagtail_hooks.refuse_move_outside_areas(request, own, own_section) is None
    assert wagtail_hooks.refuse_copy_outside_areas(request, own) is None

    refused = [
        wagtail_hooks.refuse_edit_outside_areas(request, foreign),
        wagtail_hooks.refuse_edit_outside_areas(request, lesson),
        wagtail_hooks.refuse_edit_outside_areas(request, foreign_section),
        wagtail_hooks.refuse_create_outside_areas(request, foreign_section, OrganisationContentPage),
        wagtail_hooks.refuse_create_outside_areas(request, broad_rows["module"], LessonPage),
        wagtail_hooks.refuse_removal_outside_areas(request, foreign),
        wagtail_hooks.refuse_removal_outside_areas(request, own_section),
        wagtail_hooks.refuse_move_outside_areas(request, own, foreign_section),
        wagtail_hooks.refuse_move_outside_areas(request, foreign, own_section),
        wagtail_hooks.refuse_copy_outside_areas(request, foreign),
        wagtail_hooks.refuse_copy_outside_areas(
            _request(editor.user, "post", {"new_parent_page": foreign_section.pk}), own
        ),
    ]
    assert [response.status_code for response in refused] == [403] * len(refused)


def test_hooks_refuse_in_the_admin_even_with_broad_rows(client, broad_rows, org):
    """Rows on the Wagtail root are narrowed too; whatever is left, nothing opens."""
    editor = make_editor(org)
    client.force_login(editor.user)
    for target in ("foreign", "lesson"):
        path = edit_url(broad_rows[target])
        assert_refused(client.get(path), path)
    assert client.get(edit_url(broad_rows["own"])).status_code == 200


def test_bulk_actions_outside_the_areas_are_refused(broad_rows, org):
    editor = make_editor(org)
    request = _request(editor.user)

    class Action:
        model = Page

    assert wagtail_hooks.refuse_bulk_action_outside_areas(request, "delete", [broad_rows["own"]], Action()) is None
    response = wagtail_hooks.refuse_bulk_action_outside_areas(
        request, "delete", [broad_rows["own"], broad_rows["foreign"]], Action()
    )
    assert response.status_code == 403


def test_platform_admin_passes_every_hook(broad_rows, platform_org, other_org, member_factory):
    admin = member_factory(platform_org, Role.PLATFORM_ADMIN)
    user_sync_staff_flags(user=admin.user)
    request = _request(admin.user)
    assert wagtail_hooks.refuse_edit_outside_areas(request, broad_rows["foreign"]) is None
    assert wagtail_hooks.refuse_removal_outside_areas(request, section_of(other_org)) is None


# --- Cost ------------------------------------------------------------------------------


@pytest.mark.parametrize("organisations", [2, 20])
def test_scope_costs_three_queries_however_many_organisations(
    cms_tree, org, platform_org, django_assert_num_queries, organisations
):
    for _ in range(organisations):
        SchoolFactory(parent=org.parent)
    setup_cms()
    editor = make_editor(org)
    MembershipFactory(organisation=platform_org, user=editor.user, role=Role.CONTENT_EDITOR)
    user = type(editor.user).objects.get(pk=editor.user.pk)
    with django_assert_num_queries(3):  # memberships, pages, collections
        scope = editor_scope(user)
    with django_assert_num_queries(0):
        assert editor_scope(user) is scope
    assert [area.pk for area in scope.areas] == [section_of(org).pk]  # no library yet
    assert len(scope.collections) == 2  # the school's and the platform's


def test_the_narrowing_policy_is_registered_at_start_up():
    assert isinstance(policy_registry.get_by_type(Page), TenantPagePermissionPolicy)
    assert isinstance(policy_registry.get_by_type(OrganisationContentPage), TenantPagePermissionPolicy)
