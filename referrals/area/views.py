"""The municipality's pages under ``/o/<org_slug>/`` (scope = the municipality):
the referrals in its area (``/gebied/doorverwijzingen/``) and its local directory
(``/sociale-kaart/``). Thin views: validate a form, call one service.

A municipal coordinator never sees victim data: the referral pages read through
``referrals.area.selectors``, which loads no case, pseudonym, summary, decline reason or
message. Every view is wrapped by ``case_page`` in ``urls.py``.

Object lookups come before role checks, so an id of another municipality gets the
same 404 as a missing id; a member without the role gets 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.forms import submit
from portal.roles import Action, OrganisationKind, require
from portal.tenancy import TenantRequest, access_object
from referrals import services
from referrals.area import forms, selectors
from referrals.cases import referral_services
from referrals.cases.referral_services import TransitionNotAllowed
from referrals.cases.views import transition_refused
from referrals.models import LocalDestination, Referral

LIST_PER_PAGE = 50


def _require_directory(request: TenantRequest) -> None:
    """The social map belongs to a municipality and its coordinators."""
    require(request, Action.DIRECTORY_MANAGE)
    if request.organisation.kind != OrganisationKind.MUNICIPALITY:
        raise PermissionDenied


def _country(request: TenantRequest) -> str:
    return request.organisation.country


# --- Referrals in the area ------------------------------------------------------------


@require_GET
def referral_list(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.REFERRAL_AREA)
    now = timezone.now()
    country = _country(request)
    destinations, organisations = selectors.filter_choices()
    form = forms.ReferralFilterForm(request.GET, destinations=destinations, organisations=organisations)
    bad_filter = form.is_filtering and not form.is_valid()
    referrals = selectors.filter_referrals(selectors.area_referrals(), **form.filters(), now=now, country=country)
    page = Paginator(referrals, LIST_PER_PAGE).get_page(request.GET.get("pagina"))
    rows = selectors.area_rows(page.object_list, now=now, country=country)
    return render(
        request,
        "referrals/area/referral_list.html",
        {
            "form": form,
            "bad_filter": bad_filter,
            "filtering": form.is_filtering and not bad_filter,
            "page": page,
            "rows": rows,
            "escalate_after": selectors.ESCALATE_AFTER_WORKING_DAYS,
        },
    )


def _area_referral(request: TenantRequest, area_referral_id: int) -> tuple[Referral, selectors.AreaReferral]:
    """The referral (only the fields ``referrals.area.selectors`` loads) and its row."""
    referral = access_object(selectors.area_referral_lookup(), pk=area_referral_id)
    require(request, Action.REFERRAL_AREA)
    return referral, selectors.area_row(referral, now=timezone.now(), country=_country(request))


def _detail(
    request: TenantRequest, row: selectors.AreaReferral, form: forms.RedirectForm | None = None
) -> HttpResponse:
    organisation = request.organisation
    if form is None and row.is_active:
        form = forms.RedirectForm(choices=selectors.redirect_choices(organisation, exclude=row.destination))
    return render(
        request,
        "referrals/area/referral_detail.html",
        {
            "row": row,
            "form": form if row.is_active else None,
            **selectors.related_referrals(row, country=_country(request)),
            "escalate_after": selectors.ESCALATE_AFTER_WORKING_DAYS,
        },
    )


@require_GET
def referral_detail(request: TenantRequest, org_slug: str, area_referral_id: int) -> HttpResponse:
    _referral, row = _area_referral(request, area_referral_id)
    return _detail(request, row)


@require_POST
def referral_redirect(request: TenantRequest, org_slug: str, area_referral_id: int) -> HttpResponse:
    """Send a referral on to another organisation (``referral_services.referral_redirect``).
    The new referral is a draft: the case handler records consent and sends it."""
    referral, row = _area_referral(request, area_referral_id)
    if not row.is_active:
        # Checked before the form, so a closed referral is a 409 whatever was posted.
        return transition_refused(request, TransitionNotAllowed(referral, Referral.Status.CLOSED))
    organisation = request.organisation
    form = forms.RedirectForm(request.POST, choices=selectors.redirect_choices(organisation, exclude=row.destination))
    try:
        done = submit(
            request,
            form,
            lambda data: referral_services.referral_redirect(
                actor_membership=request.membership,
                referral=referral,
                destination=data["destination"],
                reason=data["reason"],
            ),
        )
    except TransitionNotAllowed as exc:
        return transition_refused(request, exc)
    except PermissionError:
        raise PermissionDenied from None
    if done:
        new = done.value
        messages.success(
            request,
            _(
                "De doorverwijzing is omgeleid naar %(label)s. De aandachtsfunctionaris van %(referrer)s "
                "legt nu toestemming vast voor deze organisatie en verstuurt de nieuwe doorverwijzing."
            )
            % {"label": new.destination_label, "referrer": row.referrer},
        )
        return redirect("area:referral_detail", org_slug=org_slug, area_referral_id=new.pk)
    return _detail(request, row, form)


# --- The local directory (social map) -------------------------------------------------


@require_GET
def directory(request: TenantRequest, org_slug: str) -> HttpResponse:
    _require_directory(request)
    return render(request, "referrals/area/directory_list.html", {"entries": selectors.directory()})


DESTINATION_FIELDS = ("label", "kind", "url", *services.CONTACT_FIELDS)


def _save_destination(request: TenantRequest, form: forms.DestinationForm, code: str | None) -> bool:
    """On a POST with a valid form, call the service with its data; True when saved, else
    (errors on the form, or nothing posted) False.
    ``code`` None: a new organisation, whose code the service makes from its name."""
    try:
        done = submit(
            request,
            form,
            lambda data: services.local_destination_save(
                actor_membership=request.membership,
                code=code,
                **{name: data[name] for name in DESTINATION_FIELDS},
            ),
        )
    except PermissionError:
        raise PermissionDenied from None
    if not done:
        return False
    messages.success(request, _("%(label)s staat op de sociale kaart.") % {"label": done.value.label})
    return True


@require_http_methods(["GET", "POST"])
def directory_add(request: TenantRequest, org_slug: str) -> HttpResponse:
    _require_directory(request)
    form = forms.DestinationForm(request.POST or None)
    if _save_destination(request, form, None):
        return redirect("area:directory", org_slug=org_slug)
    return render(request, "referrals/area/directory_form.html", {"form": form, "destination": None})


@require_http_methods(["GET", "POST"])
def directory_edit(request: TenantRequest, org_slug: str, destination_id: int) -> HttpResponse:
    destination = access_object(LocalDestination, pk=destination_id)
    _require_directory(request)
    initial = {name: getattr(destination, name) for name in DESTINATION_FIELDS}
    form = forms.DestinationForm(request.POST or None, initial=initial)
    if _save_destination(request, form, destination.code):
        return redirect("area:directory", org_slug=org_slug)
    return render(request, "referrals/area/directory_form.html", {"form": form, "destination": destination})


@require_http_methods(["GET", "POST"])
def directory_delete(request: TenantRequest, org_slug: str, destination_id: int) -> HttpResponse:
    """A confirmation page; the POST deletes, unless a local rule still uses the entry."""
    destination = access_object(LocalDestination, pk=destination_id)
    _require_directory(request)
    errors: list[str] = []
    if request.method == "POST":
        try:
            services.local_destination_delete(
                actor_membership=request.membership,
                code=destination.code,
            )
        except PermissionError:
            raise PermissionDenied from None
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("%(label)s is van de sociale kaart gehaald.") % {"label": destination.label})
            return redirect("area:directory", org_slug=org_slug)
    return render(
        request,
        "referrals/area/directory_delete.html",
        {"destination": destination, "errors": errors},
    )
