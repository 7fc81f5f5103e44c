"""Thin views for the training: validate, call one selector or service, render.

Every view below /o/<org_slug>/ runs inside the organisation's scope (TenantMiddleware).
Pages about the signed-in learner are ``Cache-Control: private``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cms.models import LessonPage, ModulePage
from portal import processing_log
from portal.exports import csv_safe
from portal.forms import submit
from portal.roles import Action, can, require
from portal.tenancy import TenantRequest, access_object
from training import selectors, services
from training.certificates import certificate_pdf
from training.forms import AnswerForm, AssignmentForm, AttemptForm, CertificateLookupForm, MatrixFilterForm
from training.models import Assignment

MATRIX_PER_PAGE = 100
SEARCH_MAX_LENGTH = 100


def _bad_request(request: TenantRequest, message: str) -> HttpResponse:
    return render(request, "training/bad_request.html", {"message": message}, status=400)


def _lesson_url(org_slug: str, module: ModulePage, lesson: LessonPage) -> str:
    return reverse(
        "training:lesson", kwargs={"org_slug": org_slug, "module_slug": module.slug, "lesson_slug": lesson.slug}
    )


def _country(request: TenantRequest) -> str | None:
    """The learner's country for the lesson content: their organisation's, here."""
    return getattr(request.organisation, "country", "") or None


def _module_and_lessons(module_slug: str) -> tuple[ModulePage, list[LessonPage]]:
    module = selectors.module_by_slug(module_slug)
    return module, selectors.lessons_of_module(module)


# --- Learning --------------------------------------------------------------------


@require_GET
@cache_control(private=True)
def library(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.TRAINING_TAKE)
    page, rows = selectors.library_for_learner(user=request.user, organisation=request.organisation)
    return render(request, "training/library.html", {"library": page, "rows": rows})


@require_GET
@cache_control(private=True)
def search(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.TRAINING_TAKE)
    typed = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    query = typed.replace("\x00", "")  # never echoed back: PostgreSQL and browsers refuse it
    error = ""
    if typed and not selectors.search_words(typed):
        error = _("Vul bij “Waar zoek je naar?” een woord in, met letters of cijfers.")
    results = selectors.search_training(organisation=request.organisation, query=query)
    context = {"query": query, "results": results, "error": error}
    if request.htmx:
        return render(request, "training/partials/search_results.html", context)
    return render(request, "training/search.html", context)


@require_GET
@cache_control(private=True)
def module_detail(request: TenantRequest, org_slug: str, module_slug: str) -> HttpResponse:
    require(request, Action.TRAINING_TAKE)
    module, lessons = _module_and_lessons(module_slug)
    context = {
        "module": module,
        "progress": selectors.module_progress(user=request.user, module=module, lessons=lessons),
        "attempts": selectors.attempts_of_learner(user=request.user, module=module),
        "certificate": selectors.latest_certificate(user=request.user, module=module),
    }
    return render(request, "training/module_detail.html", context)


@require_POST
def module_restart(request: TenantRequest, org_slug: str, module_slug: str) -> HttpResponse:
    require(request, Action.TRAINING_TAKE)
    module, lessons = _module_and_lessons(module_slug)
    attempt = services.attempt_start(learner=request.user, module=module)
    messages.success(request, _("Je bent begonnen aan poging %(number)s.") % {"number": attempt.number})
    if lessons:
        return redirect(_lesson_url(org_slug, module, lessons[0]))
    return redirect("training:module", org_slug=org_slug, module_slug=module.slug)


def _render_lesson(
    request: TenantRequest, module: ModulePage, view: selectors.LessonView, status: int = 200
) -> HttpResponse:
    return render(
        request, "training/lesson.html", {"module": module, "lesson": view.lesson, "view": view}, status=status
    )


@require_GET
@cache_control(private=True)
def lesson_detail(request: TenantRequest, org_slug: str, module_slug: str, lesson_slug: str) -> HttpResponse:
    require(request, Action.TRAINING_TAKE)
    module, lessons = _module_and_lessons(module_slug)
    lesson = selectors.lesson_by_slug(lessons, lesson_slug)
    view = selectors.lesson_view(
        user=request.user,
        module=module,
        lessons=lessons,
        lesson=lesson,
        country=_country(request),
        scenario=request.GET.get("scenario"),
        path=request.GET.get("pad"),
    )
    return _render_lesson(request, module, view)


@require_POST
def lesson_answer(request: TenantRequest, org_slug: str, module_slug: str, lesson_slug: str) -> HttpResponse:
    """Record one answer. Without JavaScript: redirect back to the question, which now
    shows its feedback. With htmx: the question's feedback, swapped in place, and the
    lesson's knowledge-check counter, which replaces itself out of band."""
    require(request, Action.TRAINING_TAKE)
    module, lessons = _module_and_lessons(module_slug)
    lesson = selectors.lesson_by_slug(lessons, lesson_slug)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _bad_request(
            request, _("Dit antwoord kunnen we niet verwerken. Laad de les opnieuw en probeer het nog eens.")
        )
    question_id = form.cleaned_data["vraag"]
    errors: dict[str, str] = {}
    try:
        services.progress_record_answer(
            learner=request.user,
            module=module,
            lesson=lesson,
            attempt_id=form.cleaned_data["poging"],
            question_id=question_id,
            option_ids=form.option_ids,
            country=_country(request),
        )
    except services.AnswerRejected as exc:
        return _bad_request(request, exc.message)
    except ValidationError as exc:
        errors[question_id] = " ".join(exc.messages)

    if not errors and not request.htmx:
        return redirect(f"{_lesson_url(org_slug, module, lesson)}#vraag-{question_id}")
    view = selectors.lesson_view(
        user=request.user,
        module=module,
        lessons=lessons,
        lesson=lesson,
        country=_country(request),
        errors=errors,
    )
    if request.htmx:
        check = next(check for check in view.checks if check.id == question_id)
        context = {"module": module, "lesson": lesson, "check": check, "view": view, "swapped": True}
        # htmx swaps 2xx only: a form error is shown as a normal answer in place.
        return render(request, "training/partials/answer_swap.html", context)
    return _render_lesson(request, module, view, status=400)


@require_POST
def lesson_complete(request: TenantRequest, org_slug: str, module_slug: str, lesson_slug: str) -> HttpResponse:
    require(request, Action.TRAINING_TAKE)
    module, lessons = _module_and_lessons(module_slug)
    lesson = selectors.lesson_by_slug(lessons, lesson_slug)
    form = AttemptForm(request.POST)
    if not form.is_valid():
        return _bad_request(request, _("Dit verzoek kunnen we niet verwerken. Laad de les opnieuw."))
    try:
        done = services.progress_complete_lesson(
            learner=request.user,
            module=module,
            lesson=lesson,
            attempt_id=form.cleaned_data["poging"],
            country=_country(request),
            organisation=request.organisation,
        )
    except services.AnswerRejected as exc:
        return _bad_request(request, exc.message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(f"{_lesson_url(org_slug, module, lesson)}#afronden")

    if not done.module_finished:
        assert done.next_lesson is not None
        return redirect(_lesson_url(org_slug, module, done.next_lesson))
    attempt = done.attempt
    if done.certificate is not None:
        messages.success(
            request,
            _("Gefeliciteerd! Je hebt de module afgerond met een score van %(score)s%%. Je certificaat staat klaar.")
            % {"score": attempt.score},
        )
    else:
        messages.warning(
            request,
            _(
                "Je score is %(score)s%%. Je hebt %(pass_mark)s%% nodig. Lees de uitleg bij de vragen en probeer het opnieuw."
            )
            % {"score": attempt.score, "pass_mark": module.pass_mark},
        )
    return redirect("training:module", org_slug=org_slug, module_slug=module.slug)


@require_GET
@cache_control(private=True)
def my_training(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.TRAINING_TAKE)
    overview = selectors.my_training(membership=request.membership, user=request.user)
    return render(request, "training/my_training.html", {"overview": overview})


@require_GET
@cache_control(private=True)
def certificate_download(request: TenantRequest, org_slug: str, code: str) -> HttpResponse:
    require(request, Action.TRAINING_TAKE)
    certificate = selectors.certificate_for_download(
        code=code,
        user=request.user,
        may_view_members=can(request.membership, Action.TRAINING_VIEW_MATRIX),
    )
    pdf = certificate_pdf(certificate=certificate, organisation=request.organisation)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificaat-{certificate.code}.pdf"'
    return response


# --- Coordinators ----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@cache_control(private=True)
def assignment_list(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.TRAINING_ASSIGN)
    organisation = request.organisation
    modules = selectors.modules_for_organisation(organisation)
    form = AssignmentForm(request.POST or None, organisation=organisation, modules=modules)
    if submit(
        request,
        form,
        lambda data: services.assignment_create(
            actor_membership=request.membership,
            module=data["module"],
            due_date=data["due_date"],
            role=data["role"],
            membership=data["membership"],
        ),
    ):
        messages.success(request, _("De module is toegewezen."))
        return redirect("training:assignments", org_slug=org_slug)
    context = {"form": form, "assignments": list(selectors.assignments_of_organisation()), "modules": modules}
    return render(request, "training/assignment_list.html", context, status=400 if request.method == "POST" else 200)


@require_POST
def assignment_delete(request: TenantRequest, org_slug: str, assignment_id: int) -> HttpResponse:
    # Looked up first: another organisation's id is a 404 for everyone, whatever their role.
    assignment = access_object(Assignment.objects.select_related("module"), pk=assignment_id)
    require(request, Action.TRAINING_ASSIGN)
    services.assignment_delete(actor_membership=request.membership, assignment=assignment)
    messages.success(request, _("De toewijzing van %(module)s is verwijderd.") % {"module": assignment.module.title})
    return redirect("training:assignments", org_slug=org_slug)


CSV_HEADER = ["Naam", "E-mailadres", "Rol", "Module", "Status", "Klaar voor", "Certificaat geldig tot"]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(rows: Iterable[list[str]]) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff"  # so spreadsheet programs read UTF-8
    yield writer.writerow(CSV_HEADER)
    for row in rows:
        yield writer.writerow([csv_safe(cell) for cell in row])


def _matrix_csv_rows(matrix: selectors.Matrix) -> list[list[str]]:
    """One line per person and module, so a spreadsheet can filter and count."""
    return [
        [
            row.name,
            row.membership.user.email or "",
            str(row.membership.get_role_display()),
            cell.module.title,
            str(cell.status_label),
            cell.due_date.isoformat() if cell.due_date else "",
            timezone.localdate(cell.certificate.expires_at).isoformat() if cell.certificate else "",
        ]
        for row in matrix.rows
        for cell in row.cells
    ]


@require_GET
@cache_control(private=True)
def matrix(request: TenantRequest, org_slug: str) -> HttpResponse | StreamingHttpResponse:
    require(request, Action.TRAINING_VIEW_MATRIX)
    organisation = request.organisation
    modules = selectors.modules_for_organisation(organisation)
    form = MatrixFilterForm(request.GET, organisation=organisation, modules=modules)
    filters = form.cleaned_data if form.is_valid() else {}
    result = selectors.training_matrix(
        organisation=organisation,
        role=filters.get("rol") or "",
        module_id=filters.get("module"),
        status=filters.get("status") or "",
        modules=modules,
    )
    if request.GET.get("formaat") == "csv":
        processing_log.record_many(
            organisation_id=organisation.pk,
            operation=processing_log.Operation.EXPORT,
            name="training.progress.export",
            activity="training",
            subjects=[processing_log.staff_subject(row.membership.user_id) for row in result.rows],
            actor_organisation_id=organisation.pk,
        )
        # Rows are complete lists here, built inside the tenant scope; the stream only formats them.
        stream = StreamingHttpResponse(_csv_lines(_matrix_csv_rows(result)), content_type="text/csv; charset=utf-8")
        name = f"voortgang-{organisation.slug}-{timezone.localdate().isoformat()}.csv"
        stream["Content-Disposition"] = f'attachment; filename="{name}"'
        return stream
    page = Paginator(result.rows, MATRIX_PER_PAGE).get_page(request.GET.get("pagina"))
    processing_log.staff_read(
        organisation_id=organisation.pk,
        user_ids=[row.membership.user_id for row in page.object_list],
        name="training.progress.read",
        activity="training",
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    query.pop("formaat", None)
    context = {
        "form": form,
        "matrix": result,
        "page": page,
        "filter_query": query.urlencode(),
        "show_certificates": True,
    }
    return render(request, "training/matrix.html", context)


# --- Public verification ---------------------------------------------------------


@require_GET
@cache_control(no_cache=True)
def certificate_lookup(request: HttpRequest) -> HttpResponse:
    form = CertificateLookupForm(request.GET if "code" in request.GET else None)
    if form.is_bound and form.is_valid():
        code = services.normalise_certificate_code(form.cleaned_data["code"])
        return redirect("training_public:certificate_verify", code=code)
    return render(request, "training/certificate_lookup.html", {"form": form}, status=400 if form.is_bound else 200)


@require_GET
@cache_control(no_cache=True)
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: name, module and whether it is valid. Nothing else about the person."""
    canonical = services.normalise_certificate_code(code)
    if canonical != code and canonical:
        return redirect("training_public:certificate_verify", code=canonical)
    certificate = selectors.certificate_for_verification(canonical)
    if certificate is None:
        # An unknown code is an answer, not a broken page: the check page says so and
        # offers the form again with the code filled in (still a 404 for scripts).
        shown = "-".join(canonical[i : i + 4] for i in range(0, len(canonical), 4))
        response = render(
            request,
            "training/certificate_lookup.html",
            {"form": CertificateLookupForm(initial={"code": shown}), "unknown_code": shown},
            status=404,
        )
    else:
        response = render(
            request,
            "training/certificate_verify.html",
            {"certificate": certificate, "is_valid": certificate.is_valid()},
        )
    response["X-Robots-Tag"] = "noindex"
    return response
