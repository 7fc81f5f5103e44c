"""Set up the CMS side of the portal: the page tree's fixed pages, the editor groups
and their constant set of permissions.

Both services are idempotent: running them again creates nothing twice and puts
changed permissions back. ``setup_cms`` runs before or after ``load_course``: the
library's permissions are granted once the library exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, GroupPagePermission, Page, Site

from cms.models import (
    OrganisationCollection,
    OrganisationSectionPage,
    OrganisationsIndexPage,
    TakedownGuide,
    TrainingLibraryPage,
)
from portal.models import Organisation, User
from portal.roles import OrganisationKind, Role
from portal.services import EDITORS_GROUP, PLATFORM_EDITORS_GROUP

INDEX_TITLE = "Organisaties"
INDEX_SLUG = "organisaties"
# Organisations that publish their own pages. The platform edits the library instead.
SECTION_KINDS = (
    OrganisationKind.SCHOOL,
    OrganisationKind.SPORTS_CLUB,
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.PARTNER,
)
PAGE_PERMISSIONS = ("add", "change", "publish")
SNIPPET_PERMISSIONS = ("add", "change", "delete", "view")


@dataclass
class CmsSetupResult:
    index_created: bool = False
    sections_created: list[str] = field(default_factory=list)
    library_permissions: bool = False
    site_root: str = ""
    removed_welcome_page: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "index_created": self.index_created,
            "sections_created": list(self.sections_created),
            "library_permissions": self.library_permissions,
            "site_root": self.site_root,
            "removed_welcome_page": self.removed_welcome_page,
        }


def setup_cms() -> CmsSetupResult:
    """Create what the CMS needs, in one transaction; safe to run again.

    * the ``OrganisationsIndexPage`` under the Wagtail root, and a section for every
      active school, sports club, municipality and partner that has none;
    * a collection for every active organisation (the platform too) that has none;
    * the groups "Editors" (add/change/publish on the index, nowhere else) and
      "Platformredactie" (the same on the library once it exists, and the takedown
      guide snippets). These rows do not grow with the number of organisations:
      ``cms.permissions`` narrows them to each editor's own section at request time;
    * every active content editor of the platform organisation in "Platformredactie";
    * the default site's root page: the library, or the index until it exists.
    """
    result = CmsSetupResult()
    with transaction.atomic():
        # Serialises concurrent runs (on PostgreSQL) so no page is created twice.
        root = Page.objects.select_for_update().get(depth=1)
        index = OrganisationsIndexPage.objects.first()
        if index is None:
            index = OrganisationsIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG)
            root.add_child(instance=index)
            index.save_revision(log_action=True).publish(log_action=True)
            result.index_created = True

        organisations = Organisation.objects.filter(
            is_active=True, kind__in=SECTION_KINDS, cms_section__isnull=True
        ).order_by("name")
        for organisation in organisations:
            _section_create(index=index, organisation=organisation)
            result.sections_created.append(organisation.slug)
        for organisation in Organisation.objects.filter(is_active=True, cms_collection__isnull=True).order_by("pk"):
            organisation_collection(organisation)

        editors = _group_with_admin_access(EDITORS_GROUP)
        platform_editors = _group_with_admin_access(PLATFORM_EDITORS_GROUP)
        library = TrainingLibraryPage.objects.first()
        _set_page_permissions(editors, index)
        _set_page_permissions(platform_editors, library)
        result.library_permissions = library is not None
        _set_snippet_permissions(platform_editors, granted=True)
        _set_snippet_permissions(editors, granted=False)
        # People who became platform editors before the group existed
        # (``user_sync_staff_flags`` keeps it right from now on).
        platform_editors.user_set.set(
            User.objects.filter(
                memberships__role=Role.CONTENT_EDITOR,
                memberships__is_active=True,
                memberships__organisation__kind=OrganisationKind.PLATFORM,
            ).distinct()
        )

        site_root = library or index
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=site_root, is_default_site=True)
        elif site.root_page_id != site_root.pk:
            site.root_page = site_root
            site.save(update_fields=["root_page"])
        result.site_root = site_root.url_path
        result.removed_welcome_page = _remove_welcome_page()
    return result


def organisation_section_ensure(*, organisation: Organisation) -> OrganisationSectionPage:
    """The organisation's section, created under the index when missing.

    For flows that add an organisation after ``setup_cms`` ran; the index must exist.
    """
    section = OrganisationSectionPage.objects.filter(organisation=organisation).first()
    if section is not None:
        return section
    with transaction.atomic():
        index = OrganisationsIndexPage.objects.select_for_update().get()
        section = OrganisationSectionPage.objects.filter(organisation=organisation).first()
        return section or _section_create(index=index, organisation=organisation)


def _section_create(*, index: OrganisationsIndexPage, organisation: Organisation) -> OrganisationSectionPage:
    section = OrganisationSectionPage(title=organisation.name, slug=organisation.slug, organisation=organisation)
    index.add_child(instance=section)
    section.save_revision(log_action=True).publish(log_action=True)
    organisation_collection(organisation)
    return section


def organisation_collection(organisation: Organisation) -> Collection:
    """The organisation's own Wagtail collection (for its images and documents),
    created under the root collection when missing. Made with the organisation's
    section, and by ``setup_cms`` for every organisation; the data migration
    ``cms.0003`` made them for organisations that existed before."""
    link = OrganisationCollection.objects.select_related("collection").filter(organisation=organisation).first()
    if link is not None:
        return link.collection
    with transaction.atomic():
        first = Collection.get_first_root_node()
        if first is None:
            # Wagtail's migration makes the root collection; a database emptied
            # after migrating (a flush) has none, so make it as that migration does.
            first = Collection.add_root(name="Root")
        root = Collection.objects.select_for_update().get(pk=first.pk)
        link = OrganisationCollection.objects.filter(organisation=organisation).first()
        if link is not None:
            return link.collection
        collection = root.add_child(instance=Collection(name=organisation.name[:255]))
        OrganisationCollection.objects.create(organisation=organisation, collection=collection)
        return collection


def _group_with_admin_access(name: str) -> Group:
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


def _set_page_permissions(group: Group, page: Page | None) -> None:
    """Give ``group`` exactly add/change/publish on ``page`` and no other page rows."""
    page_type = ContentType.objects.get_for_model(Page)
    wanted = list(
        Permission.objects.filter(content_type=page_type, codename__in=[f"{p}_page" for p in PAGE_PERMISSIONS])
    )
    existing = GroupPagePermission.objects.filter(group=group)
    if page is None:
        existing.delete()
        return
    existing.exclude(page=page, permission__in=wanted).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _set_snippet_permissions(group: Group, *, granted: bool) -> None:
    guide_type = ContentType.objects.get_for_model(TakedownGuide)
    permissions = Permission.objects.filter(
        content_type=guide_type, codename__in=[f"{p}_takedownguide" for p in SNIPPET_PERMISSIONS]
    )
    if granted:
        group.permissions.add(*permissions)
    else:
        group.permissions.remove(*permissions)


def _remove_welcome_page() -> bool:
    """Delete Wagtail's untouched "Welcome to your new Wagtail site!" page.

    Only a plain page with the default slug, no children and no site pointing at it.
    """
    welcome = (
        Page.objects.filter(depth=2, slug="home", numchild=0, content_type=ContentType.objects.get_for_model(Page))
        .exclude(sites_rooted_here__isnull=False)
        .first()
    )
    if welcome is None:
        return False
    welcome.delete()
    return True
