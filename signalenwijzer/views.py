"""The Signalenwijzer's pages under ``/o/<org_slug>/signalenwijzer/``.

The walk is one view: a GET shows the start, every POST one screen further or back
(``signalenwijzer.walk``). Nothing of a walk is stored; only the anonymous monthly
count goes up when a walk starts, finishes or is handed to "Signaal melden".
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.roles import Action, can, require
from portal.tenancy import TenantRequest
from signalenwijzer import selectors, services
from signalenwijzer.forms import OrganisationContactForm
from signalenwijzer.models import GuidanceKey, StepKey
from signalenwijzer.walk import CERTAINTY_CHOICES, START, URGENCY_CHOICES, URGENT_ADVICE, Walk


class TemporaryRedirectWithBody(HttpResponseRedirect):
    """307: the browser sends the same POST (the walk's fields and its CSRF token)
    to the new address."""

    status_code = 307


@never_cache
@require_http_methods(["GET", "POST"])
def walk(request: TenantRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    content = selectors.walk_content(organisation)
    current = Walk()
    errors: list[str] = []
    if request.method == "POST":
        current = Walk.from_post(request.POST, content)
        if request.POST.get("ga") == "opnieuw":
            current = Walk()
        else:
            errors = current.go(content, "terug" if request.POST.get("ga") == "terug" else "verder")
        if current.screen != START and not current.counted:
            services.walk_count_record(organisation=organisation, event="started")
            current.counted = "gestart"
        if current.screen == StepKey.NEXT and current.counted == "gestart":
            services.walk_count_record(organisation=organisation, event="finished")
            current.counted = "af"
    if current.screen == StepKey.CONVERSATION:
        content.lessons = selectors.conversation_lessons()
    number, total = current.position(content)
    membership = request.membership
    context = {
        "walk": current,
        "content": content,
        "step": content.step(current.screen if current.screen != URGENT_ADVICE else StepKey.URGENCY),
        "number": number,
        "total": total,
        "errors": errors,
        "hidden": current.hidden(except_screen=current.screen),
        "hidden_all": current.hidden(),
        "certainty_choices": CERTAINTY_CHOICES,
        "urgency_choices": URGENCY_CHOICES,
        "urgent_shown": current.urgent_shown(content),
        "urgent_guidance": [content.guidance[key] for key in current.urgent_chosen if key in content.guidance],
        "danger": content.guidance.get(GuidanceKey.DANGER),
        "involve": [
            content.guidance[key]
            for key in (GuidanceKey.COLLEAGUE, GuidanceKey.CONFIDENTIAL, GuidanceKey.ADVICE_LINE)
            if key in content.guidance
        ],
        "may_raise": can(membership, Action.CASE_RAISE),
        "may_see_counts": can(membership, Action.MEMBERS_MANAGE),
    }
    if current.screen == StepKey.NEXT:
        context["signal_text"] = current.signal_text(content)
        context["chosen_signals"] = [content.signals[key] for key in current.signals]
    status = 400 if errors else 200
    return render(request, "signalenwijzer/walk.html", context, status=status)


@never_cache
@require_POST
def handoff(request: TenantRequest, org_slug: str) -> HttpResponse:
    """'Signaal melden' at the end of a walk: counted once, then the same POST goes
    on to the signal form, which shows the carried text to edit (nothing saved yet)."""
    require(request, Action.CASE_RAISE)
    services.walk_count_record(organisation=request.organisation, event="signalled")
    return TemporaryRedirectWithBody(reverse("cases:case_raise", kwargs={"org_slug": org_slug}))


@require_GET
def counts(request: TenantRequest, org_slug: str) -> HttpResponse:
    """How often the Signalenwijzer was used here, per month: counts only."""
    require(request, Action.MEMBERS_MANAGE)
    organisation = request.organisation
    table = selectors.walk_counts(organisation)
    return render(request, "signalenwijzer/counts.html", {"table": table})


@never_cache
@require_http_methods(["GET", "POST"])
def contact_settings(request: TenantRequest, org_slug: str) -> HttpResponse:
    """The coordinator names the organisation's own confidential contact."""
    require(request, Action.MEMBERS_MANAGE)
    membership = request.membership
    organisation = request.organisation
    current = selectors.organisation_contact(organisation)
    initial = {"name": current.name, "role": current.role, "how_to_reach": current.how_to_reach} if current else {}
    form = OrganisationContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.organisation_contact_set(actor_membership=membership, **form.cleaned_data)
        messages.success(request, _("De vertrouwenspersoon is opgeslagen."))
        return redirect("signalenwijzer:contact", org_slug=org_slug)
    return render(request, "signalenwijzer/contact.html", {"form": form})
