"""Member-facing CMS pages below /o/<org_slug>/: the platform's takedown guides and
the organisation's own pages. ``TenantMiddleware`` has already checked membership
and runs these views in the organisation's scope."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cms import selectors
from portal.tenancy import TenantRequest


@require_GET
def guide_list(request: TenantRequest, org_slug: str) -> HttpResponse:
    return render(request, "cms/takedown_guide_list.html", {"guides": selectors.takedown_guides()})


@require_GET
def guide_detail(request: TenantRequest, org_slug: str, guide_slug: str) -> HttpResponse:
    return render(request, "cms/takedown_guide_detail.html", {"guide": selectors.takedown_guide(slug=guide_slug)})


@require_GET
def page_list(request: TenantRequest, org_slug: str) -> HttpResponse:
    section = selectors.organisation_section(organisation=request.organisation)
    context = {"section": section, "pages": selectors.organisation_pages(section=section)}
    return render(request, "cms/organisation_page_list.html", context)


@require_GET
def page_detail(request: TenantRequest, org_slug: str, page_slug: str) -> HttpResponse:
    section = selectors.organisation_section(organisation=request.organisation)
    page = selectors.organisation_page(section=section, slug=page_slug)
    return render(request, "cms/organisation_content_page.html", {"page": page, "section": section})
