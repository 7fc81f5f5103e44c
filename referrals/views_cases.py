"""Case pages under ``/o/<org_slug>/casussen/``: thin views that validate a form
and call one service.

Every view here is wrapped by ``case_page`` in ``urls_cases.py``: the answer is
never cached (``Cache-Control: no-store``) and a request carrying a file is refused
with 400 – evidence is described, never uploaded.

Object lookups come before role checks, so an id of another organisation (or a
learner's look at someone else's signal) gets the same 404 as a missing id.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.handlers.exception import response_for_exception
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.roles import Action, can
from portal.tenancy import access_object
from referrals import forms, selectors, services
from referrals.models import Case, CaseTask

View = Callable[..., HttpResponse]

STEPS = (
    ("gesprek", gettext_lazy("Gesprek")),
    ("feiten", gettext_lazy("Feiten")),
    ("kwetsbaarheid", gettext_lazy("Kwetsbaarheid en hate crime")),
    ("bewijs", gettext_lazy("Bewijs")),
    ("wensen", gettext_lazy("Wensen en toestemming")),
    ("advies", gettext_lazy("Advies")),
)
STEP_NAMES = tuple(name for name, _label in STEPS)
LIST_PER_PAGE = 50


def case_page(view: View) -> View:
    """No caching anywhere, and no files: a request with an uploaded file is a 400."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.method == "POST" and request.content_type == "multipart/form-data" and request.FILES:
            for upload in request.FILES.values():
                upload.close()
            response: HttpResponse = HttpResponseBadRequest(_("Bestanden uploaden kan hier niet."))
        else:
            try:
                response = view(request, *args, **kwargs)
            except (Http404, PermissionDenied) as exc:
                # The error page too: it says whether a case id exists for this member.
                response = response_for_exception(request, exc)
        add_never_cache_headers(response)
        patch_cache_control(response, no_store=True, private=True)
        return response

    return wrapped


def _require(request: HttpRequest, action: Action) -> None:
    if not can(request.membership, action):  # type: ignore[attr-defined]
        raise PermissionDenied


def _case(request: HttpRequest, case_id: int) -> Case:
    """The case, if this member may see it at all.

    Those who see cases get any case of the organisation; someone who may only
    raise signals gets only their own (any other id is a 404, as if missing);
    anyone else gets 403 after the lookup.
    """
    case = access_object(Case.objects.select_related("handler", "raised_by"), pk=case_id)
    case.organisation = request.organisation  # type: ignore[attr-defined]
    membership = request.membership  # type: ignore[attr-defined]
    if can(membership, Action.CASE_VIEW):
        return case
    if can(membership, Action.CASE_RAISE):
        if case.raised_by_id != request.user.pk:
            raise Http404("Case not found")
        return case
    raise PermissionDenied


def _handled_case(request: HttpRequest, case_id: int) -> Case:
    case = _case(request, case_id)
    _require(request, Action.CASE_HANDLE)
    return case


def _apply_errors(form, exc: ValidationError) -> None:  # type: ignore[no-untyped-def]
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _to_case(case: Case, anchor: str = "") -> HttpResponse:
    response = redirect("cases:case_detail", org_slug=case.organisation.slug, case_id=case.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


# --- List, raise, detail ------------------------------------------------------------


@require_GET
def case_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    if not (can(membership, Action.CASE_VIEW) or can(membership, Action.CASE_RAISE)):
        raise PermissionDenied
    page = Paginator(selectors.cases_for_member(membership), LIST_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request, "referrals/cases/case_list.html", {"page": page, "sees_cases": can(membership, Action.CASE_VIEW)}
    )


@require_http_methods(["GET", "POST"])
def case_raise(request: HttpRequest, org_slug: str) -> HttpResponse:
    _require(request, Action.CASE_RAISE)
    form = forms.SignalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_open(actor_membership=request.membership, **form.cleaned_data)  # type: ignore[attr-defined]
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Je signaal is gemeld met kenmerk %(ref)s.") % {"ref": case.reference})
            if can(request.membership, Action.CASE_HANDLE):  # type: ignore[attr-defined]
                return redirect("cases:wizard_gesprek", org_slug=org_slug, case_id=case.pk)
            return _to_case(case)
    return render(request, "referrals/cases/case_raise.html", {"form": form})


@require_GET
def case_detail(request: HttpRequest, org_slug: str, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    membership = request.membership  # type: ignore[attr-defined]
    context: dict[str, object] = {"case": case, "steps": STEPS}
    if can(membership, Action.CASE_VIEW):
        context.update(selectors.case_detail(case))
        context.update(
            sees_case=True,
            handles=can(membership, Action.CASE_HANDLE) and case.status == Case.Status.OPEN,
            note_form=forms.NoteForm(),
            reveal_form=forms.RevealForm(),
        )
    return render(request, "referrals/cases/case_detail.html", context)


# --- The intake wizard --------------------------------------------------------------


def _wizard_context(case: Case, step: str) -> dict[str, object]:
    index = STEP_NAMES.index(step)
    return {
        "case": case,
        "steps": STEPS,
        "step": step,
        "step_number": index + 1,
        "step_title": STEPS[index][1],
        "previous_step": STEP_NAMES[index - 1] if index else None,
        "next_step": STEP_NAMES[index + 1] if index + 1 < len(STEP_NAMES) else None,
    }


def _next(case: Case, step: str) -> HttpResponse:
    index = STEP_NAMES.index(step)
    following = STEP_NAMES[index + 1] if index + 1 < len(STEP_NAMES) else step
    return redirect(f"cases:wizard_{following}", org_slug=case.organisation.slug, case_id=case.pk)


@require_http_methods(["GET", "POST"])
def wizard(request: HttpRequest, org_slug: str, case_id: int, step: str) -> HttpResponse:
    """One step of the intake: each a plain form posted on its own."""
    case = _handled_case(request, case_id)
    if case.status != Case.Status.OPEN:
        messages.info(request, _("Deze casus is afgesloten."))
        return _to_case(case)
    return WIZARD_STEPS[step](request, case)


def _step_conversation(request: HttpRequest, case: Case) -> HttpResponse:
    form = forms.ConversationForm(request.POST or None, initial={"first_impressions": case.first_impressions})
    if request.method == "POST" and form.is_valid():
        services.case_record_conversation(
            actor_membership=request.membership,  # type: ignore[attr-defined]
            case=case,
            first_impressions=form.cleaned_data["first_impressions"],
        )
        return _next(case, "gesprek")
    return render(request, "referrals/cases/wizard_gesprek.html", {**_wizard_context(case, "gesprek"), "form": form})


def _facts_step(request: HttpRequest, case: Case, step: str, form_class: type) -> HttpResponse:
    initial = forms.facts_initial(case.facts or {}, form_class.fact_fields)
    if not initial.get("country"):
        initial["country"] = case.organisation.country
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_update_facts(
                actor_membership=request.membership,  # type: ignore[attr-defined]
                case=case,
                changes=forms.facts_changes(form),
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            return _next(case, step)
    return render(request, f"referrals/cases/wizard_{step}.html", {**_wizard_context(case, step), "form": form})


def _step_facts(request: HttpRequest, case: Case) -> HttpResponse:
    return _facts_step(request, case, "feiten", forms.FactsForm)


def _step_vulnerability(request: HttpRequest, case: Case) -> HttpResponse:
    return _facts_step(request, case, "kwetsbaarheid", forms.VulnerabilityForm)


def _step_evidence(request: HttpRequest, case: Case) -> HttpResponse:
    form = forms.EvidenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.evidence_record(actor_membership=request.membership, case=case, **form.cleaned_data)  # type: ignore[attr-defined]
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Het bewijs is vastgelegd."))
            return redirect("cases:wizard_bewijs", org_slug=case.organisation.slug, case_id=case.pk)
    evidence = list(case.evidence.order_by("created_at", "pk"))
    return render(
        request,
        "referrals/cases/wizard_bewijs.html",
        {**_wizard_context(case, "bewijs"), "form": form, "evidence": evidence},
    )


def _step_wishes(request: HttpRequest, case: Case) -> HttpResponse:
    initial = {
        "victim_wishes": (case.facts or {}).get("victim_wishes", []),
        "wishes_note": case.wishes_note,
        "consent_contact": case.consent_contact,
        "consent_referral": case.consent_referral,
    }
    form = forms.WishesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.case_record_wishes(
                actor_membership=request.membership,  # type: ignore[attr-defined]
                case=case,
                victim_wishes=data["victim_wishes"] or None,
                consent_contact=data["consent_contact"],
                consent_referral=data["consent_referral"],
                wishes_note=data["wishes_note"],
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            return _next(case, "wensen")
    return render(request, "referrals/cases/wizard_wensen.html", {**_wizard_context(case, "wensen"), "form": form})


def _step_advice(request: HttpRequest, case: Case) -> HttpResponse:
    from cms.models import TakedownGuide

    route_errors: list[str] = []
    if request.method == "POST" and request.POST.get("action") == "route":
        try:
            services.case_route(actor_membership=request.membership, case=case)  # type: ignore[attr-defined]
        except ValidationError as exc:
            route_errors = exc.messages
        else:
            return redirect("cases:wizard_advies", org_slug=case.organisation.slug, case_id=case.pk)
    labels = selectors.destination_labels(case) if case.routing_result else {}
    guides = list(TakedownGuide.objects.only("slug", "platform").order_by("platform"))
    choose = request.method == "POST" and request.POST.get("action") == "choose"
    form = forms.ActionsForm(
        request.POST if choose else None, recommendations=case.recommendations, labels=labels, guides=guides
    )
    if choose and form.is_valid():
        try:
            tasks = services.case_choose_actions(
                actor_membership=request.membership,  # type: ignore[attr-defined]
                case=case,
                destinations=form.cleaned_data["destinations"],
                platform_guide_slugs=form.cleaned_data["platforms"],
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("%(count)d taken aangemaakt.") % {"count": len(tasks)})
            return _to_case(case, "taken")
    recommendations = [{**r, "label": labels.get(r["destination"], r["destination"])} for r in case.recommendations]
    return render(
        request,
        "referrals/cases/wizard_advies.html",
        {
            **_wizard_context(case, "advies"),
            "form": form,
            "recommendations": recommendations,
            "flags": (case.routing_result or {}).get("flags", []),
            "route_errors": route_errors,
        },
    )


WIZARD_STEPS: dict[str, Callable[[HttpRequest, Case], HttpResponse]] = {
    "gesprek": _step_conversation,
    "feiten": _step_facts,
    "kwetsbaarheid": _step_vulnerability,
    "bewijs": _step_evidence,
    "wensen": _step_wishes,
    "advies": _step_advice,
}
assert tuple(WIZARD_STEPS) == STEP_NAMES


# --- Notes, tasks, contact, closing ---------------------------------------------------


@require_POST
def note_add(request: HttpRequest, org_slug: str, case_id: int) -> HttpResponse:
    case = _handled_case(request, case_id)
    form = forms.NoteForm(request.POST)
    if form.is_valid():
        try:
            services.case_add_note(actor_membership=request.membership, case=case, text=form.cleaned_data["text"])  # type: ignore[attr-defined]
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("Schrijf een notitie."))
    return _to_case(case, "notities")


@require_POST
def task_complete(request: HttpRequest, org_slug: str, task_id: int) -> HttpResponse:
    task = access_object(CaseTask.objects.select_related("case"), pk=task_id)
    case = _handled_case(request, task.case_id)
    try:
        services.task_complete(actor_membership=request.membership, task=task)  # type: ignore[attr-defined]
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _to_case(case, "taken")


@require_http_methods(["GET", "POST"])
def contact_set(request: HttpRequest, org_slug: str, case_id: int) -> HttpResponse:
    """Store contact details (only with consent). The form is always empty: showing
    the stored details is a logged read (``contact_show``)."""
    case = _handled_case(request, case_id)
    form = forms.ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.victim_contact_set(actor_membership=request.membership, case=case, **form.cleaned_data)  # type: ignore[attr-defined]
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("De contactgegevens zijn versleuteld opgeslagen."))
            return _to_case(case)
    return render(request, "referrals/cases/contact_set.html", {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
def contact_show(request: HttpRequest, org_slug: str, case_id: int) -> HttpResponse:
    """Show the contact details after asking why; every showing is logged."""
    case = _handled_case(request, case_id)
    form = forms.RevealForm(request.POST or None)
    contact = None
    shown = False
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.victim_contact_read(
                actor_membership=request.membership,  # type: ignore[attr-defined]
                case=case,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            shown = True
    return render(
        request, "referrals/cases/contact_show.html", {"case": case, "form": form, "contact": contact, "shown": shown}
    )


@require_http_methods(["GET", "POST"])
def case_close(request: HttpRequest, org_slug: str, case_id: int) -> HttpResponse:
    case = _handled_case(request, case_id)
    form = forms.CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_close(actor_membership=request.membership, case=case, outcome=form.cleaned_data["outcome"])  # type: ignore[attr-defined]
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("De casus is afgesloten."))
            return _to_case(case)
    return render(request, "referrals/cases/case_close.html", {"case": case, "form": form})


@require_GET
def access_log(request: HttpRequest, org_slug: str) -> HttpResponse:
    _require(request, Action.ACCESS_LOG_VIEW)
    page = Paginator(selectors.access_log(), LIST_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(request, "referrals/cases/access_log.html", {"page": page})
