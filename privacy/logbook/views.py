"""The processing log about one person (/o/<org>/privacy/logboek/): a coordinator
picks a victim by case reference or a member, and reads every entry about them in
this organisation. Looking is itself an entry (``processing_log.read``)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal import processing_log
from portal.processing_log import Operation, Subject, staff_subject, subject_entries, victim_subject
from portal.roles import Action, require
from portal.tenancy import TenantRequest
from privacy.logbook import selectors
from privacy.logbook.forms import VICTIM, SubjectForm

PER_PAGE = 50


@require_GET
def logbook(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.PRIVACY_MANAGE)
    organisation = request.organisation
    form = SubjectForm(request.GET if "wie" in request.GET else None)
    context: dict[str, object] = {"form": form}
    if form.is_bound and form.is_valid():
        subject: Subject
        if form.cleaned_data["wie"] == VICTIM:
            reference = form.cleaned_data["kenmerk"].strip().upper()
            subject = victim_subject(organisation.pk, reference)
            context["about"] = reference
        else:
            member = form.cleaned_data["lid"]
            subject = staff_subject(member.user_id)
            context["about"] = str(member.user)
        page = Paginator(subject_entries(subject), PER_PAGE).get_page(request.GET.get("pagina"))
        entries = list(page.object_list)  # read before this look is logged
        processing_log.record(
            organisation_id=organisation.pk,
            operation=Operation.READ,
            name="processing_log.read",
            activity="security_logging",
            subject=subject,
            actor_organisation_id=organisation.pk,
        )
        query = request.GET.copy()
        query.pop("pagina", None)
        context.update(page=page, rows=selectors.rows(entries, organisation), filter_query=query.urlencode())
    return render(request, "privacy/logbook/logbook.html", context)
