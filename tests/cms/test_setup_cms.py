"""``setup_cms``: the fixed pages, a section per organisation, and a constant set of
permission rows, however many organisations there are; safe to run again."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, Site

from cms.models import OrganisationSectionPage, OrganisationsIndexPage, TrainingLibraryPage
from cms.setup import setup_cms
from portal.models import Organisation
from portal.roles import OrganisationKind, Role
from portal.services import EDITORS_GROUP, PLATFORM_EDITORS_GROUP, user_sync_staff_flags
from tests.cms.helpers import make_editor
from tests.factories import MunicipalityFactory, PartnerFactory, SchoolFactory


def _tree_snapshot():
    return sorted(Page.objects.values_list("path", "slug", "content_type__model"))


def _permission_snapshot():
    return sorted(GroupPagePermission.objects.values_list("group__name", "page__slug", "permission__codename"))


def test_creates_index_and_a_section_per_organisation(org, other_org, platform_org):
    partner = PartnerFactory()
    inactive = SchoolFactory(is_active=False, parent=org.parent)

    result = setup_cms()

    index = OrganisationsIndexPage.objects.get()
    assert (index.title, index.slug, index.depth) == ("Organisaties", "organisaties", 2)
    assert result.index_created
    sections = {s.organisation_id: s for s in OrganisationSectionPage.objects.child_of(index)}
    # Schools, their municipalities and partners; not the platform, not inactive ones.
    expected = {org, other_org, org.parent, other_org.parent, partner}
    assert set(sections) == {o.pk for o in expected}
    assert platform_org.pk not in sections
    assert inactive.pk not in sections
    assert sections[org.pk].slug == org.slug
    assert sections[org.pk].title == org.name
    assert sections[org.pk].live


def test_is_idempotent(org, other_org):
    call_command("setup_cms", stdout=_Null())
    tree, permissions = _tree_snapshot(), _permission_snapshot()
    groups = sorted(Group.objects.values_list("name", "permissions__codename"))

    second = setup_cms()

    assert not second.index_created
    assert second.sections_created == []
    assert _tree_snapshot() == tree
    assert _permission_snapshot() == permissions
    assert sorted(Group.objects.values_list("name", "permissions__codename")) == groups


def test_new_organisation_gets_a_section_on_the_next_run(org):
    setup_cms()
    newcomer = SchoolFactory(slug="nieuwe-school", parent=org.parent)
    assert setup_cms().sections_created == ["nieuwe-school"]
    assert OrganisationSectionPage.objects.filter(organisation=newcomer).exists()


@pytest.mark.parametrize("with_library", [False, True])
def test_permission_rows_do_not_grow_with_organisations(db, with_library):
    def count_after(total: int) -> int:
        municipality = MunicipalityFactory()
        while Organisation.objects.filter(kind=OrganisationKind.SCHOOL).count() < total:
            SchoolFactory(parent=municipality)
        setup_cms()
        return GroupPagePermission.objects.count()

    if with_library:
        Page.objects.get(depth=1).add_child(instance=TrainingLibraryPage(title="Trainingen", slug="trainingen"))
    few = count_after(3)
    many = count_after(30)
    assert OrganisationSectionPage.objects.count() >= 31
    assert few == many
    ours = GroupPagePermission.objects.filter(group__name__in=[EDITORS_GROUP, PLATFORM_EDITORS_GROUP])
    assert ours.count() == (6 if with_library else 3)


def test_editors_hold_exactly_add_change_publish_on_the_index(cms_tree):
    rows = set(
        GroupPagePermission.objects.filter(group__name=EDITORS_GROUP).values_list("page_id", "permission__codename")
    )
    # Wagtail's initial data gave Editors rights on the whole tree; those are gone.
    assert rows == {(cms_tree.pk, "add_page"), (cms_tree.pk, "change_page"), (cms_tree.pk, "publish_page")}
    editors = Group.objects.get(name=EDITORS_GROUP)
    assert editors.permissions.filter(codename="access_admin").exists()
    assert not editors.permissions.filter(content_type__app_label="cms").exists()


def test_library_permissions_only_once_the_library_exists(cms_tree):
    platform = Group.objects.get(name=PLATFORM_EDITORS_GROUP)
    assert not GroupPagePermission.objects.filter(group=platform).exists()
    assert set(platform.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "add_takedownguide",
        "change_takedownguide",
        "delete_takedownguide",
        "view_takedownguide",
    }

    library = TrainingLibraryPage(title="Trainingen", slug="trainingen")
    Page.objects.get(depth=1).add_child(instance=library)
    result = setup_cms()

    assert result.library_permissions
    rows = set(GroupPagePermission.objects.filter(group=platform).values_list("page_id", "permission__codename"))
    assert rows == {(library.pk, "add_page"), (library.pk, "change_page"), (library.pk, "publish_page")}


def test_default_site_points_at_the_library_or_the_index(org):
    setup_cms()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is OrganisationsIndexPage
    # Wagtail's placeholder page is gone; the site was kept.
    assert not Page.objects.filter(depth=2, slug="home").exists()

    library = TrainingLibraryPage(title="Trainingen", slug="trainingen")
    Page.objects.get(depth=1).add_child(instance=library)
    setup_cms()
    site.refresh_from_db()
    assert site.root_page_id == library.pk
    assert Site.objects.count() == 1


def test_platform_editors_who_existed_before_the_group_join_it(platform_org, org):
    early = make_editor(platform_org)
    school_editor = make_editor(org)
    assert not Group.objects.filter(name=PLATFORM_EDITORS_GROUP).exists()

    setup_cms()

    assert list(Group.objects.get(name=PLATFORM_EDITORS_GROUP).user_set.all()) == [early.user]
    assert school_editor.user.groups.filter(name=EDITORS_GROUP).exists()


def test_sync_puts_platform_editors_in_both_groups(cms_tree, platform_org, org, member_factory):
    platform_editor = make_editor(platform_org)
    school_editor = make_editor(org)
    learner = member_factory(org, Role.LEARNER)
    user_sync_staff_flags(user=learner.user)

    def groups(membership):
        return set(membership.user.groups.values_list("name", flat=True))

    assert groups(platform_editor) == {EDITORS_GROUP, PLATFORM_EDITORS_GROUP}
    assert groups(school_editor) == {EDITORS_GROUP}
    assert groups(learner) == set()


class _Null:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass
