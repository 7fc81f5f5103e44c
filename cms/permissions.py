"""Who may edit which part of the page tree, without per-tenant permission rows.

The stored ``GroupPagePermission`` rows are a constant set (``cms.setup``): the
group "Editors" holds add/change/publish on the ``OrganisationsIndexPage`` and the
group "Platformredactie" holds them on the ``TrainingLibraryPage``. At request
time each editor's rows are narrowed to their *areas*:

* the ``OrganisationSectionPage`` of every organisation where they are an active
  content editor;
* the training library, but only for content editors of the platform organisation.

Platform administrators are superusers and keep Wagtail's own rules (everything).
The narrowing happens in two places that use the same ``EditorScope``:
``TenantPagePermissionPolicy`` (so Wagtail's buttons, explorer, search, choosers and
reports agree) and the hooks in ``cms.wagtail_hooks`` (which refuse any edit outside
the areas with a 403, even if someone later grants a broader row).

Images and documents are fenced the same way. Every organisation has its own
collection (``cms.OrganisationCollection``); the stored ``GroupCollectionPermission``
rows (Wagtail gives "Editors" add/change/choose on the root collection) are narrowed
to the collections of the organisations where the user is an active content editor
by ``TenantCollectionPermissionPolicy``, registered for the image and document
models in ``cms.apps``: listings, choosers, edit, replace and delete views and upload
targets all ask it. The site-history report is fenced by ``cms.reports``, and
document downloads by the ``before_serve_document`` hook in ``cms.wagtail_hooks``.

The scope costs at most three queries per request and is cached on the user object,
which Django loads fresh for every request.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django_scopes import scopes_disabled
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.models import OrganisationCollection, OrganisationsIndexPage
from portal.models import Membership
from portal.roles import OrganisationKind, Role

_CACHE_ATTRIBUTE = "_cms_editor_scope"
P = TypeVar("P", bound=Page)


@dataclass(frozen=True)
class EditorScope:
    """The subtrees of the page tree one user may edit."""

    is_superuser: bool
    areas: tuple[Page, ...] = ()
    index: Page | None = None  # the OrganisationsIndexPage, when it exists
    collections: tuple[Collection, ...] = ()  # of the organisations they edit for

    def covers(self, page: Page) -> bool:
        """True when ``page`` is an area or lies inside one."""
        return self.is_superuser or any(page.path.startswith(area.path) for area in self.areas)

    def covers_below(self, page: Page) -> bool:
        """True when ``page`` lies strictly inside an area.

        The area pages themselves (an organisation's section, the library) may be
        edited but not deleted, moved, copied or unpublished by editors: ``setup_cms``
        creates them, and they tie the page tree to the organisations.
        """
        return self.is_superuser or any(
            page.path.startswith(area.path) and page.depth > area.depth for area in self.areas
        )

    def hide_foreign_sections(self, pages: QuerySet[P]) -> QuerySet[P]:
        """``pages`` without the sections (and their pages) of other organisations.

        One condition per own area, never one per organisation.
        """
        if self.is_superuser or self.index is None:
            return pages
        below_index = Q(path__startswith=self.index.path, depth__gt=self.index.depth)
        own = Q(pk__in=[])
        for area in self.areas:
            if area.path.startswith(self.index.path):
                own |= Q(path__startswith=area.path)
        return pages.exclude(below_index & ~own)


def editor_scope(user) -> EditorScope:
    """The areas ``user`` may edit, computed once per request (cached on the user)."""
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    if not user.is_authenticated or not user.is_active:
        result = EditorScope(is_superuser=False)
    elif user.is_superuser:
        result = EditorScope(is_superuser=True)
    else:
        result = _editor_scope(user)
    setattr(user, _CACHE_ATTRIBUTE, result)
    return result


def _editor_scope(user) -> EditorScope:
    # A user's own memberships across organisations: the one cross-tenant read a
    # person is entitled to (as when switching organisations).
    with scopes_disabled():
        editor_orgs = list(
            Membership.objects.filter(
                user=user, is_active=True, role=Role.CONTENT_EDITOR, organisation__is_active=True
            ).values_list("organisation_id", "organisation__kind")
        )
    wanted = Q(organisationsindexpage__isnull=False)
    if editor_orgs:
        wanted |= Q(organisationsectionpage__organisation_id__in=[org_id for org_id, _kind in editor_orgs])
    if any(kind == OrganisationKind.PLATFORM for _org_id, kind in editor_orgs):
        wanted |= Q(traininglibrarypage__isnull=False)
    index_type = ContentType.objects.get_for_model(OrganisationsIndexPage)  # cached by Django
    index = None
    areas = []
    for page in Page.objects.filter(wanted).only("id", "path", "depth", "title", "content_type_id").order_by("path"):
        if page.content_type_id == index_type.pk:
            index = page
        else:
            areas.append(page)
    collections = tuple(
        link.collection
        for link in OrganisationCollection.objects.filter(
            organisation_id__in=[org_id for org_id, _kind in editor_orgs]
        ).select_related("collection")
    )
    return EditorScope(is_superuser=False, areas=tuple(areas), index=index, collections=collections)


def narrow_permissions(rows: Iterable[GroupPagePermission], areas: Iterable[Page]) -> list[GroupPagePermission]:
    """Intersect stored permission rows with the user's areas.

    A row on an ancestor of an area (the index, the Wagtail root) becomes an unsaved
    row on that area; a row inside an area stays; a row elsewhere is dropped.
    """
    areas = list(areas)
    narrowed: list[GroupPagePermission] = []
    for row in rows:
        for area in areas:
            if area.path.startswith(row.page.path):
                narrowed.append(GroupPagePermission(group_id=row.group_id, permission=row.permission, page=area))
            elif row.page.path.startswith(area.path):
                narrowed.append(row)
    return narrowed


class TenantPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with each editor's rows narrowed to their areas.

    Registered for every page type in ``cms.wagtail_hooks``. Superusers (platform
    administrators) are unaffected.
    """

    def get_all_permissions_for_user(self, user):
        rows = super().get_all_permissions_for_user(user)
        if not user.is_active or user.is_anonymous or user.is_superuser:
            return rows
        return narrow_permissions(rows, editor_scope(user).areas)


@dataclass(frozen=True, eq=False)
class NarrowedCollectionPermission:
    """A stored ``GroupCollectionPermission`` moved down onto one of the user's own
    collections; never saved. Wagtail keeps these in sets, so it is hashable (an
    unsaved model instance is not)."""

    group_id: int
    permission: Permission
    collection: Collection

    @property
    def collection_id(self) -> int:
        return self.collection.pk


def narrow_collection_permissions(
    rows: Iterable[GroupCollectionPermission], collections: Iterable[Collection]
) -> list[GroupCollectionPermission | NarrowedCollectionPermission]:
    """Intersect stored collection permission rows with the user's own collections,
    as ``narrow_permissions`` does for pages: a row on an ancestor (the root) becomes
    a row on the own collection; a row inside one stays; others are dropped."""
    collections = list(collections)
    narrowed: list[GroupCollectionPermission | NarrowedCollectionPermission] = []
    for row in rows:
        for collection in collections:
            if collection.path.startswith(row.collection.path):
                narrowed.append(
                    NarrowedCollectionPermission(
                        group_id=row.group_id, permission=row.permission, collection=collection
                    )
                )
            elif row.collection.path.startswith(collection.path):
                narrowed.append(row)
    return narrowed


class TenantCollectionPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's image and document policy, with each editor's collection rows
    narrowed to the collections of their own organisations. Superusers (platform
    administrators) are unaffected."""

    def get_all_permissions_for_user(self, user):
        rows = super().get_all_permissions_for_user(user)
        if not user.is_active or user.is_anonymous or user.is_superuser:
            return rows
        return narrow_collection_permissions(rows, editor_scope(user).collections)
