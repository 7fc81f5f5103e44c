"""Case pages under ``/o/<org_slug>/casussen/``: thin views that validate a form
and call one service.

Every view here is wrapped by ``case_page`` in ``urls.py``: the answer is
never cached (``Cache-Control: no-store``) and a request carrying a file is refused
with 400 – evidence is described, never uploaded.

Object lookups (``referrals.cases.access``) come before role checks, so an id of another organisation (or a
learner's look at someone else's signal) gets the same 404 as a missing id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.forms import submit
from portal.roles import Action, can, require
from portal.tenancy import TenantRequest, access_object
from referrals import selectors, services
from referrals.cases import forms, referral_services
from referrals.cases.access import access_case, access_referral, case_visible
from referrals.cases.referral_services import TransitionNotAllowed
from referrals.models import Case, CaseEvent, CaseTask, PartnerLink, PersonalDataAccess, Referral, ReferralConsent
from referrals.routing.vocabulary import URGENCIES, URGENCY_RANK

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

STEPS = (
    ("gesprek", gettext_lazy("Gesprek")),
    ("feiten", gettext_lazy("Feiten")),
    ("kwetsbaarheid", gettext_lazy("Veiligheid en kwetsbaarheid")),
    ("bewijs", gettext_lazy("Bewijs")),
    ("wensen", gettext_lazy("Wensen en toestemming")),
    ("advies", gettext_lazy("Advies")),
)
STEP_NAMES = tuple(name for name, _label in STEPS)
# Which step asks which fact, from the step forms themselves: the advice page links
# each open question back to the step (and the field) that asks it.
FACT_STEPS = {
    fact: step
    for step, form_class in (
        ("feiten", forms.FactsForm),
        ("kwetsbaarheid", forms.VulnerabilityForm),
        ("wensen", forms.WishesForm),
    )
    for fact in form_class.fact_fields
}
LIST_PER_PAGE = 50


def transition_refused(request: HttpRequest, exc: TransitionNotAllowed) -> HttpResponse:
    """An illegal referral status change: HTTP 409 with the state machine's message.
    Shared by the referrer's, the partner's and the municipality's pages."""
    return render(request, "referrals/conflict.html", {"message": exc.message}, status=exc.status_code)


def _read(request: TenantRequest, case: Case, reason: str) -> None:
    """Log that this page shows the case file (pseudonym, signal, notes, evidence)."""
    membership = request.membership
    if membership.user_id == request.user.pk:
        membership.user = request.user  # the signed-in user, already loaded: no query for the log row
    referral_services.case_file_read(actor_membership=membership, case=case, reason=reason)


def _to_case(case: Case, anchor: str = "") -> HttpResponse:
    response = redirect("cases:case_detail", org_slug=case.organisation.slug, case_id=case.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


# --- List, raise, detail ------------------------------------------------------------


@require_GET
def case_list(request: TenantRequest, org_slug: str) -> HttpResponse:
    """The case list: search by reference, filters and sort in the URL.

    A value the page does not know (``?urgentie=morgen``) is not an error page: the
    page says which filter it could not use and shows the list without filters.
    Those who may only raise signals see their own, with fewer columns ("Mijn signalen").
    """
    membership = request.membership
    sees_cases = can(membership, Action.CASE_VIEW)
    if not (sees_cases or can(membership, Action.CASE_RAISE)):
        raise PermissionDenied
    handlers = selectors.case_handlers(membership.organisation_id) if sees_cases else []
    form = forms.CaseListForm(request.GET, handlers=handlers, sees_cases=sees_cases)
    filter_errors: list[str] = []
    if form.is_valid():
        filters = form.filters()
        filtered = form.is_filtered()
    else:
        filter_errors = [
            _("%(field)s: deze keuze kennen we niet. Je ziet daarom alle casussen, zonder filters.")
            % {"field": form.fields[name].label if name in form.fields else name}
            for name in form.errors
        ]
        form = forms.CaseListForm(handlers=handlers, sees_cases=sees_cases)
        filters, filtered = {"sort": forms.DEFAULT_CASE_SORT}, False
    if filters.get("handler") == forms.HANDLER_ME:
        filters["handler"] = request.user.pk
    elif filters.get("handler") == forms.HANDLER_NOBODY:
        filters["handler"] = "nobody"
    rows = selectors.case_list(membership, form_labels=forms.FORM_LABELS, **filters)
    page = Paginator(rows, LIST_PER_PAGE).get_page(request.GET.get("pagina"))
    for case in page.object_list:
        _list_columns(case)
    # Links keep the filters: sort links drop the page, page links keep the sort.
    kept = {name: value for name, value in form.cleaned_data.items() if value} if form.is_bound else {}
    sort = filters["sort"]
    return render(
        request,
        "referrals/cases/case_list.html",
        {
            "page": page,
            "sees_cases": sees_cases,
            "form": form,
            "filter_errors": filter_errors,
            "filtered": filtered,
            "sort": sort,
            "columns": _sort_columns(kept, sort, sees_cases),
            "page_query": urlencode({**kept, "sort": sort} if sort != forms.DEFAULT_CASE_SORT else kept),
        },
    )


def _list_columns(case: Case) -> None:
    """The words of a row: forms of online violence, the highest urgency and the phase."""
    case.stage_label = forms.CASE_STAGE_LABELS.get(case.stage, "")  # type: ignore[attr-defined]
    labels = forms.FORM_LABELS
    case.form_labels = [labels[code] for code in (case.facts or {}).get("forms") or () if code in labels]  # type: ignore[attr-defined]
    urgencies = URGENCIES
    case.urgency = urgencies[case.urgency_rank] if case.urgency_rank < len(urgencies) else ""  # type: ignore[attr-defined]


def _sort_columns(kept: dict[str, str], sort: str, sees_cases: bool) -> list[dict[str, str | StrPromise]]:
    """Each column header: its label, the link that sorts by it (the other way round
    when it is the current sort) and its ``aria-sort``."""
    keys = forms.CASE_SORT_LABELS if sees_cases else forms.RAISER_SORTS
    columns: list[dict[str, str | StrPromise]] = []
    filters = {name: value for name, value in kept.items() if name not in ("sort", "pagina")}
    for key in keys:
        current = sort.lstrip("-") == key
        descending = sort.startswith("-")
        target = f"-{key}" if current and not descending else key
        columns.append(
            {
                "key": key,
                "label": forms.CASE_SORT_LABELS[key],
                "href": "?" + urlencode({**filters, "sort": target}),
                "aria_sort": ("descending" if descending else "ascending") if current else "",
            }
        )
    return columns


@require_http_methods(["GET", "POST"])
def case_raise(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.CASE_RAISE)
    # Handed over by the Signalenwijzer (a 307 that repeats its POST): its text is a
    # proposal to edit, shown in the form; nothing is saved until the member sends it.
    from_walk = request.method == "POST" and request.POST.get("voorinvullen") == "signalenwijzer"
    if from_walk:
        form = forms.SignalForm(initial={"signal": request.POST.get("signal", "")[:2000]})
    else:
        form = forms.SignalForm(request.POST or None)
    # From the walk the form is unbound (a proposal), so it never submits.
    if done := submit(request, form, lambda data: services.case_open(actor_membership=request.membership, **data)):
        case = done.value
        messages.success(request, _("Je signaal is gemeld met kenmerk %(ref)s.") % {"ref": case.reference})
        if can(request.membership, Action.CASE_HANDLE):
            return redirect("cases:wizard_gesprek", org_slug=org_slug, case_id=case.pk)
        return _to_case(case)
    return render(request, "referrals/cases/case_raise.html", {"form": form, "from_walk": from_walk})


@require_GET
def case_detail(request: TenantRequest, org_slug: str, case_id: int) -> HttpResponse:
    """The case page: a summary first, then its sections (tasks, referrals, evidence,
    notes, chronology) behind an in-page menu. ``?soort=<kind>`` shows one kind of
    line in the chronology; an unknown kind shows them all, with a message."""
    case = access_case(request, case_id)
    membership = request.membership
    context: dict[str, object] = {"case": case, "steps": STEPS}
    if can(membership, Action.CASE_VIEW):
        details = selectors.case_detail(case)
        handles = can(membership, Action.CASE_HANDLE) and case.status == Case.Status.OPEN
        if handles:
            for referral in details["referrals"]:
                _referral_actions(referral)
        context.update(details)
        context.update(
            sees_case=True,
            handles=handles,
            may_handle=can(membership, Action.CASE_HANDLE),
            may_see_processing_log=can(membership, Action.PRIVACY_MANAGE),
            note_form=forms.NoteForm(),
            reveal_form=forms.RevealForm(),
            may_draft=handles and any(r.get("kind") == "referral" for r in case.recommendations),
            **_summary(case, details["tasks"], details["referrals"]),
            **_chronology(request, details["events"]),
        )
        _read(request, case, _("Casus bekeken"))
    else:
        # Someone who raised the signal sees only its status; the look is logged all the same.
        _read(request, case, _("Eigen signaal bekeken"))
    return render(request, "referrals/cases/case_detail.html", context)


def _summary(case: Case, tasks: list[CaseTask], referrals: list[Referral]) -> dict[str, object]:
    """The case page's summary: the facts in the wizard's words, the advice's highest
    urgency, the open tasks and the one due first, and the stage (as in the list)."""
    open_tasks = [task for task in tasks if task.status == CaseTask.Status.OPEN]
    open_tasks.sort(key=lambda task: (task.due_date is None, task.due_date, task.pk))
    urgencies = [u for r in case.recommendations if isinstance(u := r.get("urgency"), str) and u in URGENCY_RANK]
    highest = min(urgencies, key=URGENCY_RANK.__getitem__) if urgencies else ""
    return {
        "facts_in_words": forms.facts_in_words(case.facts or {}),
        "urgency": highest,
        "urgency_label": forms.URGENCY_LABELS.get(highest, ""),
        "open_tasks": open_tasks,
        "next_task": open_tasks[0] if open_tasks else None,
        "stage": (stage := selectors.case_stage(case, referrals)),
        "stage_label": forms.CASE_STAGE_LABELS[stage],
    }


def _chronology(request: TenantRequest, events: list[CaseEvent]) -> dict[str, object]:
    """The chronology, filtered by ``?soort=``: the kinds this case has, with counts."""
    counts: dict[str, int] = {}
    for event in events:
        counts[event.kind] = counts.get(event.kind, 0) + 1
    labels = dict(CaseEvent.Kind.choices)
    kinds = [(kind, labels.get(kind, kind), count) for kind, count in counts.items()]
    kinds.sort(key=lambda row: str(row[1]).casefold())
    chosen = request.GET.get("soort", "")
    error = ""
    if chosen and chosen not in counts:
        if chosen not in labels:
            error = _("Soort: deze keuze kennen we niet. Je ziet daarom de hele chronologie.")
        chosen = "" if chosen not in labels else chosen
    shown = [event for event in events if event.kind == chosen] if chosen else events
    return {
        "events": shown,
        "events_total": len(events),
        "event_kinds": kinds,
        "event_kind": chosen,
        "event_kind_label": labels.get(chosen, ""),
        "chronology_error": error,
    }


def _referral_actions(referral: Referral) -> None:
    """What a case handler can do with ``referral`` now (the state machine decides),
    and the message form, with ids of its own on a page with several referrals."""
    status = Referral.Status
    under_way = referral.status in referral_services.ACTIVE_STATUSES
    referral.may_consent = referral.status != status.CLOSED  # type: ignore[attr-defined]
    referral.may_send = status.SENT in referral_services.TRANSITIONS[referral.status]  # type: ignore[attr-defined]
    referral.may_cancel = referral.status == status.DRAFT  # type: ignore[attr-defined]
    referral.may_withdraw = under_way  # type: ignore[attr-defined]
    referral.may_message = under_way  # type: ignore[attr-defined]
    # A partner without an account uses one link until the referral is closed; a new one
    # replaces it (wrong address, or expired before the outcome was reported).
    linkable = (status.SENT, status.ACKNOWLEDGED, status.ACCEPTED)
    referral.may_link = referral.partner_id is None and referral.status in linkable  # type: ignore[attr-defined]
    if referral.may_message:  # type: ignore[attr-defined]
        referral.update_form = forms.ReferralUpdateForm(auto_id=f"id_r{referral.pk}_%s")  # type: ignore[attr-defined]


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
def wizard(request: TenantRequest, org_slug: str, case_id: int, step: str) -> HttpResponse:
    """One step of the intake: each a plain form posted on its own."""
    case = access_case(request, case_id, handle=True)
    if case.status != Case.Status.OPEN:
        messages.info(request, _("Deze casus is afgesloten."))
        return _to_case(case)
    response = WIZARD_STEPS[step](request, case)
    if response.status_code == 200:
        # The step page itself (not a redirect after saving) shows the case file.
        label = STEPS[STEP_NAMES.index(step)][1]
        _read(request, case, _("Intake: %(step)s") % {"step": label})
    return response


def _step_conversation(request: TenantRequest, case: Case) -> HttpResponse:
    form = forms.ConversationForm(request.POST or None, initial={"first_impressions": case.first_impressions})
    if request.method == "POST" and form.is_valid():
        services.case_record_conversation(
            actor_membership=request.membership,
            case=case,
            first_impressions=form.cleaned_data["first_impressions"],
        )
        return _next(case, "gesprek")
    return render(request, "referrals/cases/wizard_gesprek.html", {**_wizard_context(case, "gesprek"), "form": form})


def _facts_step(request: TenantRequest, case: Case, step: str, form_class: type[forms.FactStepForm]) -> HttpResponse:
    initial = forms.facts_initial(case.facts or {}, form_class.fact_fields)
    if "country" in initial and not initial["country"]:
        initial["country"] = case.organisation.country
    if "setting" in initial and not initial["setting"]:
        initial["setting"] = forms.setting_for(case.organisation)
    form = form_class(request.POST or None, initial=initial)
    if submit(
        request,
        form,
        lambda data: services.case_update_facts(
            actor_membership=request.membership, case=case, changes=forms.facts_changes(form)
        ),
    ):
        return _next(case, step)
    return render(request, f"referrals/cases/wizard_{step}.html", {**_wizard_context(case, step), "form": form})


def _step_facts(request: TenantRequest, case: Case) -> HttpResponse:
    return _facts_step(request, case, "feiten", forms.FactsForm)


def _step_vulnerability(request: TenantRequest, case: Case) -> HttpResponse:
    return _facts_step(request, case, "kwetsbaarheid", forms.VulnerabilityForm)


def _step_evidence(request: TenantRequest, case: Case) -> HttpResponse:
    form = forms.EvidenceForm(request.POST or None)
    if submit(
        request, form, lambda data: services.evidence_record(actor_membership=request.membership, case=case, **data)
    ):
        messages.success(request, _("Het bewijs is vastgelegd."))
        return redirect("cases:wizard_bewijs", org_slug=case.organisation.slug, case_id=case.pk)
    evidence = list(case.evidence.order_by("created_at", "pk"))
    return render(
        request,
        "referrals/cases/wizard_bewijs.html",
        {**_wizard_context(case, "bewijs"), "form": form, "evidence": evidence, "platforms": selectors.platforms()},
    )


def _step_wishes(request: TenantRequest, case: Case) -> HttpResponse:
    initial = {
        "victim_wishes": (case.facts or {}).get("victim_wishes", []),
        "wishes_note": case.wishes_note,
        "consent_contact": case.consent_contact,
        "consent_referral": case.consent_referral,
    }
    form = forms.WishesForm(request.POST or None, initial=initial)
    if submit(
        request,
        form,
        lambda data: services.case_record_wishes(
            actor_membership=request.membership,
            case=case,
            victim_wishes=data["victim_wishes"] or None,
            consent_contact=data["consent_contact"],
            consent_referral=data["consent_referral"],
            wishes_note=data["wishes_note"],
        ),
    ):
        return _next(case, "wensen")
    return render(request, "referrals/cases/wizard_wensen.html", {**_wizard_context(case, "wensen"), "form": form})


def _with_step(question: dict[str, object]) -> dict[str, object]:
    """An open question with the wizard step that asks its fact (None: no step does)."""
    step = FACT_STEPS.get(str(question.get("fact")))
    if step is None:
        return {**question, "step": None}
    index = STEP_NAMES.index(step)
    return {**question, "step": step, "step_number": index + 1, "step_label": STEPS[index][1]}


def _step_advice(request: TenantRequest, case: Case) -> HttpResponse:
    """The advice: open questions (each linked to the step that asks it), cautions,
    then the recommendations by urgency with their contact details; the chosen ones
    become tasks. Posting ``action=route`` makes the advice (again) from the facts."""
    route_errors: list[str] = []
    if request.method == "POST" and request.POST.get("action") == "route":
        try:
            services.case_route(actor_membership=request.membership, case=case)
        except ValidationError as exc:
            route_errors = exc.messages
        else:
            return redirect("cases:wizard_advies", org_slug=case.organisation.slug, case_id=case.pk)
    advice = selectors.case_advice(case)
    choose = request.method == "POST" and request.POST.get("action") == "choose"
    form = forms.ActionsForm(
        request.POST if choose else None,
        recommendations=advice["recommendations"],
        guides=advice["guides"],
        initial={"platforms": advice["guides_named"]},
    )
    # Bound only when "choose" was posted, so it never submits on "route".
    if done := submit(
        request,
        form,
        lambda data: services.case_choose_actions(
            actor_membership=request.membership,
            case=case,
            destinations=data["destinations"],
            platform_guide_slugs=data["platforms"],
        ),
    ):
        messages.success(request, _("%(count)d taken aangemaakt.") % {"count": len(done.value)})
        return _to_case(case, "taken")
    return render(
        request,
        "referrals/cases/wizard_advies.html",
        {
            **_wizard_context(case, "advies"),
            "form": form,
            "advice": advice,
            "questions": [_with_step(question) for question in advice["questions"]],
            "chosen": set(form["destinations"].value() or ()),
            "route_errors": route_errors,
        },
    )


WIZARD_STEPS: dict[str, Callable[[TenantRequest, Case], HttpResponse]] = {
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
def note_add(request: TenantRequest, org_slug: str, case_id: int) -> HttpResponse:
    case = access_case(request, case_id, handle=True)
    form = forms.NoteForm(request.POST)
    if form.is_valid():
        try:
            services.case_add_note(actor_membership=request.membership, case=case, text=form.cleaned_data["text"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("Schrijf een notitie."))
    return _to_case(case, "notities")


@require_POST
def task_complete(request: TenantRequest, org_slug: str, task_id: int) -> HttpResponse:
    task = access_object(CaseTask.objects.select_related("case"), pk=task_id)
    case = access_case(request, task.case_id, handle=True)
    try:
        services.task_complete(actor_membership=request.membership, task=task)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _to_case(case, "taken")


@require_http_methods(["GET", "POST"])
def contact_set(request: TenantRequest, org_slug: str, case_id: int) -> HttpResponse:
    """Store contact details (only with consent). The form is always empty: showing
    the stored details is a logged read (``contact_show``)."""
    case = access_case(request, case_id, handle=True)
    form = forms.ContactForm(request.POST or None)
    if submit(
        request, form, lambda data: services.victim_contact_set(actor_membership=request.membership, case=case, **data)
    ):
        messages.success(request, _("De contactgegevens zijn versleuteld opgeslagen."))
        return _to_case(case)
    return render(request, "referrals/cases/contact_set.html", {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
def contact_show(request: TenantRequest, org_slug: str, case_id: int) -> HttpResponse:
    """Show the contact details after asking why; every showing is logged."""
    case = access_case(request, case_id, handle=True)
    form = forms.RevealForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.victim_contact_read(
            actor_membership=request.membership, case=case, reason=data["reason"]
        ),
    )
    contact = done.value if done else None
    return render(
        request,
        "referrals/cases/contact_show.html",
        {"case": case, "form": form, "contact": contact, "shown": done is not None},
    )


@require_http_methods(["GET", "POST"])
def case_close(request: TenantRequest, org_slug: str, case_id: int) -> HttpResponse:
    case = access_case(request, case_id, handle=True)
    form = forms.CloseForm(request.POST or None)
    if submit(
        request,
        form,
        lambda data: services.case_close(actor_membership=request.membership, case=case, outcome=data["outcome"]),
    ):
        messages.success(request, _("De casus is afgesloten."))
        return _to_case(case)
    return render(request, "referrals/cases/case_close.html", {"case": case, "form": form})


@require_GET
def access_log(request: TenantRequest, org_slug: str) -> HttpResponse:
    """Every read of victim data, newest first; ``?soort=`` filters by what was read."""
    require(request, Action.ACCESS_LOG_VIEW)
    form = forms.AccessLogFilterForm(request.GET if "soort" in request.GET else None)
    kind = ""
    if form.is_bound:
        if form.is_valid():
            kind = form.cleaned_data["soort"]
        else:
            messages.error(request, _("Dit filter bestaat niet. Je ziet alle inzages."))
            form = forms.AccessLogFilterForm()
    page = Paginator(selectors.access_log(kind or None), LIST_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "referrals/cases/access_log.html",
        {"page": page, "form": form, "kind": kind, "kind_label": dict(PersonalDataAccess.Kind.choices).get(kind)},
    )


# --- Referrals: the referrer's side -----------------------------------------------------
#
# Each action has a page of its own (GET shows the form, POST acts), so a mistake
# comes back with field errors and everything typed kept. The case page shows the
# same actions as links and small forms that post here.


def _posted(request: TenantRequest):
    """The form data of a POST, also when empty (a form without fields is still sent)."""
    return request.POST if request.method == "POST" else None


def _to_referral(referral: Referral) -> HttpResponse:
    return _to_case(referral.case, f"doorverwijzing-{referral.pk}")


@require_http_methods(["GET", "POST"])
def referral_draft(request: TenantRequest, org_slug: str, case_id: int) -> HttpResponse:
    """Prepare a referral to one organisation of the advice, with a summary for the partner."""
    case = access_case(request, case_id, handle=True)
    if case.status != Case.Status.OPEN:
        messages.info(request, _("Deze casus is afgesloten."))
        return _to_case(case)
    labels = selectors.destination_labels(case) if case.routing_result else {}
    recommendations: list[dict[str, object]] = []
    choices: list[tuple[str, str]] = []
    for r in case.recommendations:
        if r.get("kind") == "referral" and isinstance(destination := r["destination"], str):
            label = labels.get(destination, destination)
            recommendations.append({**r, "label": label})
            choices.append((destination, label))
    form = forms.ReferralDraftForm(_posted(request), choices=choices)
    if done := submit(
        request,
        form,
        lambda data: referral_services.referral_draft(
            actor_membership=request.membership,
            case=case,
            destination=data["destination"],
            summary=data["summary"],
        ),
    ):
        referral = done.value
        messages.success(
            request,
            _("De doorverwijzing naar %(name)s is voorbereid. Leg nu de toestemming vast.")
            % {"name": referral.destination_label},
        )
        return redirect("cases:consent_record", org_slug=org_slug, referral_id=referral.pk)
    return render(
        request,
        "referrals/cases/referral_draft.html",
        {"case": case, "form": form, "recommendations": recommendations},
    )


@require_http_methods(["GET", "POST"])
def consent_record(request: TenantRequest, org_slug: str, referral_id: int) -> HttpResponse:
    """Add an entry to the consent ledger: what may be shared, who consents, until when."""
    referral = access_referral(request, referral_id)
    form = forms.ConsentForm(_posted(request))
    try:
        done = submit(
            request,
            form,
            lambda data: referral_services.consent_record(
                actor_membership=request.membership, referral=referral, **form.service_kwargs()
            ),
        )
    except TransitionNotAllowed as exc:
        return transition_refused(request, exc)
    if done:
        messages.success(request, _("De toestemming is vastgelegd."))
        if referral.status == Referral.Status.DRAFT:
            return redirect("cases:referral_send", org_slug=org_slug, referral_id=referral.pk)
        return _to_referral(referral)
    case = referral.case
    country = (case.facts or {}).get("country") or case.organisation.country
    # The page shows the summary the victim consents to sharing.
    _read(request, case, _("Doorverwijzing: toestemming vastleggen"))
    return render(
        request,
        "referrals/cases/consent_record.html",
        {
            "case": case,
            "referral": referral,
            "form": form,
            "victim_age": (case.facts or {}).get("victim_age"),
            "consent_age": referral_services.consent_age(country),
        },
    )


@require_http_methods(["GET", "POST"])
def referral_send(request: TenantRequest, org_slug: str, referral_id: int) -> HttpResponse:
    """Send a draft. A partner by link: the page shows the link once, instead of a redirect."""
    referral = access_referral(request, referral_id)
    form = forms.SendForm(_posted(request), referral=referral)
    try:
        done = submit(
            request,
            form,
            lambda data: referral_services.referral_send(
                actor_membership=request.membership, referral=referral, partner_email=data.get("partner_email", "")
            ),
        )
    except TransitionNotAllowed as exc:
        return transition_refused(request, exc)
    if done:
        if done.value is not None:
            return _link_shown(request, referral, done.value, sent=True)
        messages.success(
            request,
            _("De doorverwijzing is verstuurd. %(name)s krijgt een e-mail met alleen een link naar het portaal.")
            % {"name": referral.destination_label},
        )
        return _to_referral(referral)
    return render(
        request,
        "referrals/cases/referral_send.html",
        {
            "case": referral.case,
            "referral": referral,
            "form": form,
            "shared": referral_services.shared_with_partner(referral),
        },
    )


def _link_shown(
    request: TenantRequest, referral: Referral, created: referral_services.LinkCreated, *, sent: bool
) -> HttpResponse:
    """The one time the link is shown (never cached: ``case_page``); it was mailed too."""
    return render(
        request,
        "referrals/cases/link_created.html",
        {"case": referral.case, "referral": referral, "link": created.link, "url": created.url, "sent": sent},
    )


@require_http_methods(["GET", "POST"])
def referral_close(request: TenantRequest, org_slug: str, referral_id: int) -> HttpResponse:
    """Cancel a draft, or withdraw a sent referral (after a confirmation)."""
    referral = access_referral(request, referral_id)
    outcome = Referral.Outcome.CANCELLED if referral.status == Referral.Status.DRAFT else Referral.Outcome.WITHDRAWN
    form = forms.ReferralCloseForm(_posted(request), referral=referral, initial={"outcome": outcome})
    errors: list[str] = []
    if request.method == "POST":
        if form.is_valid():
            try:
                referral_services.referral_close(
                    referral=referral,
                    outcome=form.cleaned_data["outcome"],
                    actor_membership=request.membership,
                )
            except ValidationError as exc:
                errors = exc.messages
            except TransitionNotAllowed as exc:
                return transition_refused(request, exc)
            else:
                if form.cleaned_data["outcome"] == Referral.Outcome.CANCELLED:
                    messages.success(request, _("Het concept is weggegooid."))
                else:
                    messages.success(
                        request, _("De doorverwijzing is ingetrokken. Links voor de partner werken niet meer.")
                    )
                return _to_referral(referral)
        else:
            errors = [str(error) for errors in form.errors.values() for error in errors]
        # Ask again, for what the referral is now.
        form = forms.ReferralCloseForm(referral=referral, initial={"outcome": outcome})
    return render(
        request,
        "referrals/cases/referral_close.html",
        {"case": referral.case, "referral": referral, "form": form, "errors": errors, "outcome": outcome},
    )


@require_http_methods(["GET", "POST"])
def referral_update(request: TenantRequest, org_slug: str, referral_id: int) -> HttpResponse:
    """A message to the partner on a sent referral."""
    referral = access_referral(request, referral_id)
    form = forms.ReferralUpdateForm(_posted(request))
    try:
        done = submit(
            request,
            form,
            lambda data: referral_services.referral_post_update(
                referral=referral, text=data["text"], actor_membership=request.membership
            ),
        )
    except TransitionNotAllowed as exc:
        return transition_refused(request, exc)
    if done:
        messages.success(request, _("Je bericht staat bij de doorverwijzing."))
        return _to_referral(referral)
    return render(
        request, "referrals/cases/referral_update.html", {"case": referral.case, "referral": referral, "form": form}
    )


@require_http_methods(["GET", "POST"])
def consent_withdraw(request: TenantRequest, org_slug: str, consent_id: int) -> HttpResponse:
    """Withdraw a consent entry, after a confirmation: sharing stops at once."""
    consent = access_object(
        ReferralConsent.objects.select_related("referral", "referral__case", "recorded_by"), pk=consent_id
    )
    case = case_visible(request, consent.referral.case)
    require(request, Action.CASE_HANDLE)
    if request.method == "POST":
        referral_services.consent_withdraw(actor_membership=request.membership, consent=consent)
        messages.success(
            request,
            _("De toestemming is ingetrokken. %(name)s ziet vanaf nu niets meer van wat deze toestemming dekte.")
            % {"name": consent.recipient_label},
        )
        return _to_referral(consent.referral)
    return render(
        request,
        "referrals/cases/consent_withdraw.html",
        {"case": case, "referral": consent.referral, "consent": consent, "state": selectors.consent_state(consent)},
    )


@require_http_methods(["GET", "POST"])
def link_create(request: TenantRequest, org_slug: str, referral_id: int) -> HttpResponse:
    """A new link for a partner without an account; earlier links stop working."""
    referral = access_referral(request, referral_id)
    form = forms.LinkForm(_posted(request))
    try:
        done = submit(
            request,
            form,
            lambda data: referral_services.partner_link_create(
                actor_membership=request.membership, referral=referral, email=data["partner_email"]
            ),
        )
    except TransitionNotAllowed as exc:
        return transition_refused(request, exc)
    if done:
        return _link_shown(request, referral, done.value, sent=False)
    return render(
        request, "referrals/cases/link_create.html", {"case": referral.case, "referral": referral, "form": form}
    )


@require_POST
def link_revoke(request: TenantRequest, org_slug: str, link_id: int) -> HttpResponse:
    link = access_object(PartnerLink.objects.select_related("referral", "referral__case"), pk=link_id)
    case_visible(request, link.referral.case)
    require(request, Action.CASE_HANDLE)
    referral_services.partner_link_revoke(actor_membership=request.membership, link=link)
    messages.success(request, _("De link is ingetrokken en werkt niet meer."))
    return _to_referral(link.referral)
