"""Wagtail admin: the takedown-guide snippets, tenant rules for the page tree, and
who may download a document.

Editors hold a constant set of page permissions (see ``cms.setup``). What keeps
an organisation's editors inside their own section, and the national library
read-only for everyone but the platform's editors, is ``cms.permissions``: its
permission policy (registered in ``cms.apps``) narrows Wagtail's own checks
(buttons, explorer, search, choosers, reports), and the ``before_*`` hooks below
refuse, with a 403, any change outside the editor's areas, also if a broader
permission row is ever added by hand. Documents are served (``wagtaildocs_serve``,
mounted in ``portal.urls``) only past ``serve_document_to_members_only``.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import TakedownGuide
from cms.permissions import editor_scope
from cms.selectors import document_downloadable
from portal.errors import permission_denied


class TakedownGuideViewSet(SnippetViewSet):
    model = TakedownGuide
    icon = "link"
    menu_label = _("Handleidingen offline halen")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["platform", "slug", "account_needed", "works_with_stopncii"]
    search_fields = ["platform", "summary"]


register_snippet(TakedownGuideViewSet)


# --- Tenant rules for pages ---------------------------------------------------------


def _forbidden(request: HttpRequest) -> HttpResponse:
    # A response, not PermissionDenied: Wagtail turns that into a redirect to its dashboard.
    return permission_denied(request)


@hooks.register("before_edit_page")
@hooks.register("before_publish_page")
def refuse_edit_outside_areas(request: HttpRequest, page: Page) -> HttpResponse | None:
    if editor_scope(request.user).covers(page):
        return None
    return _forbidden(request)


@hooks.register("before_create_page")
def refuse_create_outside_areas(request: HttpRequest, parent_page: Page, page_class: type[Page]) -> HttpResponse | None:
    if editor_scope(request.user).covers(parent_page):
        return None
    return _forbidden(request)


@hooks.register("before_delete_page")
@hooks.register("before_unpublish_page")
@hooks.register("before_convert_alias_page")
def refuse_removal_outside_areas(request: HttpRequest, page: Page) -> HttpResponse | None:
    if editor_scope(request.user).covers_below(page):
        return None
    return _forbidden(request)


@hooks.register("before_move_page")
def refuse_move_outside_areas(request: HttpRequest, page: Page, destination: Page) -> HttpResponse | None:
    scope = editor_scope(request.user)
    if scope.covers_below(page) and scope.covers(destination):
        return None
    return _forbidden(request)


@hooks.register("before_copy_page")
def refuse_copy_outside_areas(request: HttpRequest, page: Page) -> HttpResponse | None:
    scope = editor_scope(request.user)
    if not scope.covers_below(page):
        return _forbidden(request)
    # The destination is only known from the submitted form; the form's own
    # validation rejects an unknown id, so only an existing page is checked here.
    destination_id = request.POST.get("new_parent_page")
    if request.method == "POST" and destination_id:
        try:
            destination = Page.objects.only("path", "depth").get(pk=int(destination_id))
        except (ValueError, ObjectDoesNotExist):
            return None
        if not scope.covers(destination):
            return _forbidden(request)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_action_outside_areas(request, action_type, objects, action_class_instance):
    if not issubclass(action_class_instance.model, Page):
        return None
    scope = editor_scope(request.user)
    if all(scope.covers_below(page) for page in objects):
        return None
    return _forbidden(request)


@hooks.register("construct_explorer_page_queryset")
def hide_foreign_sections_in_explorer(parent_page, pages, request):
    return editor_scope(request.user).hide_foreign_sections(pages)


@hooks.register("construct_page_chooser_queryset")
def hide_foreign_sections_in_chooser(pages, request):
    return editor_scope(request.user).hide_foreign_sections(pages)


# --- Documents --------------------------------------------------------------------


@hooks.register("before_serve_document")
def serve_document_to_members_only(document, request: HttpRequest) -> None:
    # Http404, not a response: the same 404 (portal.errors) as for a document id that
    # does not exist, so ids reveal nothing about other organisations' documents.
    if not document_downloadable(user=request.user, document=document):
        raise Http404("Document not found")
