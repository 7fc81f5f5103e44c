"""The pages of subject access and erasure requests, under ``/o/<slug>/privacy/verzoeken/``.

Every page needs ``Action.PRIVACY_MANAGE`` (else 403); a request of another
organisation is the same 404 as a missing id (``access_object`` in the scope). All are
wrapped in ``case_page`` in ``privacy/urls.py``: never cached, the ZIP downloads too.

* list: open requests first by due date (days left, overdue marked), then answered
  ones; below them the counts of requests past their retention.
* register: kind, the person (a victim by case references and pseudonym, or a
  member), the date received; the due date follows from it.
* detail: status, due date, what to do next; for an access request "Maak het
  overzicht" (a small one downloads at once, a large one becomes a job whose progress
  the page shows, asking again every 2 seconds with htmx or by the "Vernieuwen" link);
  for an erasure request the plan (what will be erased, what is kept and why) and the
  button that applies it, then what was done.
* extend, answer: a form each.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal import exports
from portal.forms import submit
from portal.models import ExportJob, Membership
from portal.roles import Action, require
from portal.tenancy import TenantRequest, access_object
from privacy.erasure import erasure_plan
from privacy.models import SubjectRequest
from privacy.requests import forms, selectors, services
from privacy.subject_data import StaffSubject, VictimSubject

PER_PAGE = 25


def _request_of(request: TenantRequest, request_id: int) -> SubjectRequest:
    require(request, Action.PRIVACY_MANAGE)
    return access_object(SubjectRequest.objects.select_related("subject_user", "handled_by", "export"), pk=request_id)


def _to_detail(subject_request: SubjectRequest, anchor: str = "") -> HttpResponse:
    response = redirect(
        "privacy:request_detail", org_slug=subject_request.organisation.slug, request_id=subject_request.pk
    )
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@require_GET
def request_list(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.PRIVACY_MANAGE)
    page = Paginator(selectors.requests_listed(), PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "privacy/requests/list.html",
        {
            "page": page,
            "reduced": selectors.reduced_counts(),
            "keep_months": settings.SUBJECT_REQUESTS_KEEP_MONTHS,
        },
    )


@require_http_methods(["GET", "POST"])
def request_register(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.PRIVACY_MANAGE)
    form = forms.RegisterForm(request.POST if request.method == "POST" else None)

    def register(data: dict[str, Any]) -> SubjectRequest:
        person: VictimSubject | StaffSubject
        if data["subject_type"] == SubjectRequest.SubjectType.VICTIM:
            person = VictimSubject(case_references=tuple(data["case_references"]), pseudonym=data["pseudonym"].strip())
        else:
            person = StaffSubject(user_id=data["member"].user_id)
        try:
            return services.subject_request_register(
                organisation=request.organisation,
                actor_membership=request.membership,
                kind=data["kind"],
                person=person,
                received_on=data["received_on"],
            )
        except ValidationError as exc:
            # subject_validate names the account "user"; on this form it is the member field.
            if hasattr(exc, "error_dict") and "user" in exc.error_dict:
                exc.error_dict["member"] = exc.error_dict.pop("user")
            raise

    done = submit(request, form, register)
    if done:
        messages.success(
            request,
            _("Het verzoek is geregistreerd. Het antwoord moet er zijn op %(date)s.")
            % {"date": done.value.due_on.strftime("%d-%m-%Y")},
        )
        return _to_detail(done.value)
    return render(
        request, "privacy/requests/register.html", {"form": form}, status=400 if form.is_bound and form.errors else 200
    )


def _user_error(form_errors: ValidationError) -> list[str]:
    return [str(message) for message in form_errors.messages]


@require_GET
def request_detail(request: TenantRequest, org_slug: str, request_id: int) -> HttpResponse:
    subject_request = _request_of(request, request_id)
    context: dict[str, object] = {
        "item": subject_request,
        "job": subject_request.export,
        "inline_max": services.inline_max(),
        "may_extend": subject_request.is_open
        and not subject_request.is_reduced
        and timezone.localdate() <= subject_request.final_due_on
        and subject_request.final_due_on < services.extension_limit(subject_request),
        "extension_limit": services.extension_limit(subject_request),
    }
    if request.htmx:
        return render(request, "privacy/requests/_overview_status.html", context)
    plan_error: list[str] = []
    if (
        subject_request.kind == SubjectRequest.Kind.ERASURE
        and subject_request.is_open
        and not subject_request.is_reduced
        and subject_request.erasure_done_at is None
    ):
        try:
            context["plan"] = erasure_plan(
                organisation=request.organisation, subject=services.request_person(subject_request)
            )
        except ValidationError as exc:
            plan_error = _user_error(exc)
    context["plan_error"] = plan_error
    context["logbook_links"] = _logbook_links(request, subject_request)
    return render(request, "privacy/requests/detail.html", context)


def _logbook_links(request: TenantRequest, subject_request: SubjectRequest) -> list[tuple[str, str]]:
    """Where the processing log about the request's person is: per case reference, or
    the member's (while the request still says whom it is about)."""
    base = reverse("privacy:logbook", kwargs={"org_slug": request.organisation.slug})
    if subject_request.subject_user_id is not None:
        membership = Membership.objects.filter(user_id=subject_request.subject_user_id).only("pk").first()
        return [] if membership is None else [(str(_("van dit lid")), f"{base}?wie=medewerker&lid={membership.pk}")]
    return [
        (reference, f"{base}?{urlencode({'wie': 'slachtoffer', 'kenmerk': reference})}")
        for reference in subject_request.case_references or []
    ]


@require_POST
def request_export(request: TenantRequest, org_slug: str, request_id: int) -> HttpResponse:
    """Make the overview: a small one is the answer (a ZIP), a large one a job."""
    subject_request = _request_of(request, request_id)
    try:
        overview = services.subject_request_export(request=subject_request, actor_membership=request.membership)
    except ValidationError as exc:
        for message in _user_error(exc):
            messages.error(request, message)
        return _to_detail(subject_request)
    if overview.content is not None:
        response = HttpResponse(overview.content, content_type=exports.ZIP_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{_file_name(subject_request)}"'
        return response
    messages.info(request, _("Het overzicht wordt gemaakt. Je ziet hieronder hoe ver het is."))
    return _to_detail(subject_request, "overzicht")


def _file_name(subject_request: SubjectRequest) -> str:
    return f"inzage-verzoek-{subject_request.pk}-{timezone.localdate().isoformat()}.zip"


@require_GET
def request_download(request: TenantRequest, org_slug: str, request_id: int) -> HttpResponse | FileResponse:
    """The overview a worker made, as an attachment; every download is audited and logged."""
    subject_request = _request_of(request, request_id)
    job = subject_request.export
    if job is None or job.status != ExportJob.Status.DONE:
        # Nothing to download (yet): the request's page says why.
        return _to_detail(subject_request, "overzicht")
    path = exports.job_path(job)
    if path is None or not path.is_file():
        raise Http404
    handle = path.open("rb")
    exports.export_downloaded(
        organisation=request.organisation,
        user=request.user,
        kind=job.kind,
        file_format=job.format,
        rows=job.rows_done,
        job=job,
    )
    return FileResponse(
        handle, as_attachment=True, filename=_file_name(subject_request), content_type=exports.ZIP_CONTENT_TYPE
    )


@require_POST
def request_erase(request: TenantRequest, org_slug: str, request_id: int) -> HttpResponse:
    subject_request = _request_of(request, request_id)
    try:
        items = services.subject_request_erase(request=subject_request, actor_membership=request.membership)
    except ValidationError as exc:
        for message in _user_error(exc):
            messages.error(request, message)
        return _to_detail(subject_request)
    erased = sum(1 for item in items if item.erased)
    messages.success(
        request,
        _("Klaar: %(erased)s onderdelen verwijderd, %(kept)s bewaard. Je ziet hieronder wat en waarom.")
        % {"erased": erased, "kept": len(items) - erased},
    )
    return _to_detail(subject_request, "verwijderen")


@require_http_methods(["GET", "POST"])
def request_extend(request: TenantRequest, org_slug: str, request_id: int) -> HttpResponse:
    subject_request = _request_of(request, request_id)
    form = forms.ExtendForm(request.POST if request.method == "POST" else None)
    done = submit(
        request,
        form,
        lambda data: services.subject_request_extend(
            request=subject_request, actor_membership=request.membership, months=data["months"], reason=data["reason"]
        ),
    )
    if done:
        messages.success(
            request,
            _("De uiterste datum is nu %(date)s.") % {"date": done.value.final_due_on.strftime("%d-%m-%Y")},
        )
        return _to_detail(done.value)
    return render(
        request,
        "privacy/requests/extend.html",
        {"item": subject_request, "form": form, "extension_limit": services.extension_limit(subject_request)},
        status=400 if form.is_bound and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def request_answer(request: TenantRequest, org_slug: str, request_id: int) -> HttpResponse:
    subject_request = _request_of(request, request_id)
    form = forms.AnswerForm(request.POST if request.method == "POST" else None)
    done = submit(
        request,
        form,
        lambda data: services.subject_request_answer(
            request=subject_request,
            actor_membership=request.membership,
            answer=data["answer"],
            answered_on=data["answered_on"],
        ),
    )
    if done:
        messages.success(request, _("Het verzoek is afgerond."))
        return _to_detail(done.value)
    return render(
        request,
        "privacy/requests/answer.html",
        {"item": subject_request, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )
