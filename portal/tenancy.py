"""Tenant resolution that fails closed.

Every URL below ``/o/<org_slug>/`` runs inside ``django_scopes.scope(organisation=…)``
for an organisation the signed-in user is an active member of. Anything else gets
the same 404 as an organisation that does not exist, so slugs reveal nothing.
Outside that prefix no scope is active, and a query on a tenant-owned model raises.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import Resolver404, resolve
from django_scopes import scope, scopes_disabled

from portal.selectors import tenant_membership

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from portal.models import Membership, Organisation, User

SESSION_KEY = "portal_organisation_slug"


class PortalRequest(HttpRequest):
    """Any request after the middleware (for type checking only: the class is never
    instantiated). Outside ``/o/<org_slug>/`` there is no organisation."""

    organisation: Organisation | None
    membership: Membership | None
    htmx: HtmxDetails  # django_htmx.middleware.HtmxMiddleware
    # Set by a view that has counted the unread notifications anyway, so the bell in
    # the page header needs no second count (read with getattr: often not set).
    notifications_unread: int


class SignedInRequest(PortalRequest):
    """The request a ``@login_required`` view receives (for type checking only)."""

    user: User


class TenantRequest(SignedInRequest):
    """The request a view under ``/o/<org_slug>/`` receives (for type checking only).

    ``TenantMiddleware`` has found the organisation and the signed-in user's active
    membership of it, or answered 404 (or the login redirect) before any view ran.
    """

    organisation: Organisation
    membership: Membership


class TenantMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: PortalRequest) -> HttpResponse:
        request.organisation = None
        request.membership = None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)

        if request.path_info.startswith(settings.ADMIN_CSP_PATH_PREFIXES) and request.user.is_staff:
            # The Django and Wagtail admin are for platform staff; they see across tenants.
            with scopes_disabled():
                return _rendered(self.get_response(request))

        slug = match.kwargs.get("org_slug")
        if slug is None:
            return self.get_response(request)
        if not request.user.is_authenticated:
            # Before anything is looked up, so the redirect says nothing about the slug.
            return redirect_to_login(request.get_full_path())

        membership = tenant_membership(request.user, slug)
        if membership is None:
            # The same 404 whether the organisation does not exist or is not the user's.
            raise Http404("Organisation not found")
        organisation = membership.organisation
        with scope(organisation=organisation):
            membership.user = request.user  # the same person: saves a query wherever membership.user is read
            request.organisation = organisation
            request.membership = membership
            if request.session.get(SESSION_KEY) != organisation.slug:
                request.session[SESSION_KEY] = organisation.slug
            return _rendered(self.get_response(request))


def _rendered(response: HttpResponse) -> HttpResponse:
    # Template rendering reads tenant data too: it must happen inside the scope.
    render = getattr(response, "render", None)
    if callable(render) and not getattr(response, "is_rendered", True):
        response = render()
    return response


def access_object[M: Model](queryset: QuerySet[M] | type[M], **lookup: Any) -> M:
    """Fetch one tenant-owned object in the active scope.

    "Does not exist" and "belongs to another organisation" give the same 404, so
    ids never reveal what other tenants hold.
    """
    return get_object_or_404(queryset, **lookup)
