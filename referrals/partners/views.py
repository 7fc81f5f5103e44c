"""The partner's side of a referral: the inbox and a received referral under
``/o/<org_slug>/doorverwijzingen/`` (scope = the partner organisation), and the
one-time link page at ``/verwijzing/<token>/`` for a partner without an account.

Thin views: each validates a form and calls one service of
``referrals.cases.referral_services``, which holds every rule (who may act, which status change
is allowed, what consent covers). Every view is wrapped by ``case_page`` in its
urls module: no caching, no uploaded files.

Lookups come before role checks, so the id of a referral to another organisation
(or one still in draft) is the same 404 as a missing id. A partner sees victim
data only through ``referral_summary_read`` and ``referral_contact_read``, which
check the referral's status and the consent on every request and log the read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_scopes import scope

from portal.forms import apply_errors, submit
from portal.roles import Action, require
from portal.tenancy import TenantRequest, access_object
from referrals import selectors
from referrals.cases import referral_services
from referrals.cases.forms import FORM_LABELS
from referrals.cases.referral_services import LinkInvalid, TransitionNotAllowed
from referrals.cases.views import LIST_PER_PAGE, transition_refused
from referrals.models import PartnerLink, Referral, ReferralUpdate
from referrals.partners import forms as forms_partner

S = Referral.Status

# The inbox's tabs: ``?status=<key>``; no key shows every received referral.
TABS: dict[str, tuple[str, ...]] = {
    "new": (S.SENT,),
    "open": (S.ACKNOWLEDGED, S.ACCEPTED, S.DECLINED),
    "closed": (S.CLOSED,),
}
TAB_LABELS = (
    ("", gettext_lazy("Alle")),
    ("new", gettext_lazy("Nieuw")),
    ("open", gettext_lazy("Lopend")),
    ("closed", gettext_lazy("Afgesloten")),
)
# The inbox reads these columns only: no pseudonym, no summary, nothing of the victim.
INBOX_FIELDS = (
    "id",
    "status",
    "urgency",
    "destination_label",
    "sent_at",
    "acknowledged_at",
    "organisation",
    "organisation__name",
    "case",
    "case__reference",
)


def _received(request: TenantRequest, received_id: int) -> Referral:
    """A referral sent to this organisation (a draft is not sent yet: 404), then the role check."""
    referral = access_object(
        Referral.received.exclude(status=S.DRAFT).select_related("organisation", "case"), pk=received_id
    )
    require(request, Action.REFERRAL_RECEIVE)
    referral.partner = request.organisation
    return referral


def _waiting_days(referral: Referral, now: datetime) -> int:
    """Days since the referral was sent; the count stops when it is acknowledged."""
    end = referral.acknowledged_at or now
    return max(0, (end - referral.sent_at).days) if referral.sent_at else 0


# --- The inbox ------------------------------------------------------------------------


@require_GET
def inbox(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.REFERRAL_RECEIVE)
    received = Referral.received.exclude(status=S.DRAFT)
    status = request.GET.get("status", "")
    invalid_status = bool(status) and status not in TABS
    if invalid_status:
        status = ""
    listing = received.filter(status__in=TABS[status]) if status else received
    listing = listing.select_related("organisation", "case").only(*INBOX_FIELDS).order_by("-sent_at", "-pk")
    page = Paginator(listing, LIST_PER_PAGE).get_page(request.GET.get("pagina"))
    now = timezone.now()
    rows = [{"referral": r, "waiting_days": _waiting_days(r, now)} for r in page.object_list]
    counts = received.aggregate(
        all=Count("pk"), **{key: Count("pk", filter=Q(status__in=statuses)) for key, statuses in TABS.items()}
    )
    tabs = [{"key": key, "label": label, "count": counts[key or "all"]} for key, label in TAB_LABELS]
    return render(
        request,
        "referrals/partner/inbox.html",
        {"page": page, "rows": rows, "tabs": tabs, "status": status, "invalid_status": invalid_status},
    )


# --- One received referral ---------------------------------------------------------------


def _detail(
    request: TenantRequest, referral: Referral, *, bound: dict[str, Form] | None = None, status: int = 200
) -> HttpResponse:
    """The referral page; ``bound`` holds a posted form with its errors (status 400)."""
    membership = request.membership
    summary = referral_services.referral_summary_read(referral=referral, actor_membership=membership)
    shared = referral_services.shared_with_partner(referral)
    # Declined or closed (also withdrawn or redirected): nothing about the person any more.
    # Messages may hold victim data too: only while consent covers the summary.
    updates = list(ReferralUpdate.received.filter(referral=referral).order_by("created_at", "pk")) if summary else []
    allowed = referral_services.TRANSITIONS[referral.status]
    context: dict[str, Any] = {
        "referral": referral,
        "contact": selectors.referrer_contact(referral),
        "summary": summary,
        "form_labels": [FORM_LABELS.get(code, code) for code in summary["forms"]] if summary else [],
        "contact_shared": shared.contact,
        "sharing_ended": shared.ended,
        "updates": updates,
        "can_acknowledge": S.ACKNOWLEDGED in allowed,
        "can_decide": S.ACCEPTED in allowed,
        "can_close": S.CLOSED in allowed and referral.status in (S.ACCEPTED, S.DECLINED),
        "can_update": referral.status not in (S.DRAFT, S.CLOSED),
        "accept_form": forms_partner.AcceptForm(),
        "decline_form": forms_partner.DeclineForm(),
        "update_form": forms_partner.UpdateForm(),
        "close_form": forms_partner.CloseForm(),
        "contact_form": forms_partner.ContactForm(),
        **(bound or {}),
    }
    return render(request, "referrals/partner/referral_detail.html", context, status=status)


@require_GET
def referral_detail(request: TenantRequest, org_slug: str, received_id: int) -> HttpResponse:
    return _detail(request, _received(request, received_id))


def _act(
    request: TenantRequest,
    received_id: int,
    *,
    form_name: str | None,
    form_class: type[Form] | None,
    call: Callable[[Referral, dict[str, Any]], object],
    success: str,
) -> HttpResponse:
    """Validate the posted form, call one service, and go back to the referral."""
    referral = _received(request, received_id)
    form = form_class(request.POST) if form_class else None
    if form is None or form.is_valid():
        try:
            call(referral, form.cleaned_data if form else {})
        except TransitionNotAllowed as exc:
            return transition_refused(request, exc)
        except PermissionError:
            raise PermissionDenied from None
        except ValidationError as exc:
            if form is None:
                messages.error(request, " ".join(exc.messages))
                return redirect("partner:referral_detail", org_slug=request.organisation.slug, received_id=referral.pk)
            apply_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect("partner:referral_detail", org_slug=request.organisation.slug, received_id=referral.pk)
    return _detail(request, referral, bound={form_name: form} if form_name and form else None, status=400)


@require_POST
def referral_acknowledge(request: TenantRequest, org_slug: str, received_id: int) -> HttpResponse:
    return _act(
        request,
        received_id,
        form_name=None,
        form_class=None,
        call=lambda referral, _data: referral_services.referral_acknowledge(
            referral=referral,
            actor_membership=request.membership,
        ),
        success=_("Je hebt bevestigd dat jullie de doorverwijzing hebben ontvangen."),
    )


@require_POST
def referral_accept(request: TenantRequest, org_slug: str, received_id: int) -> HttpResponse:
    return _act(
        request,
        received_id,
        form_name="accept_form",
        form_class=forms_partner.AcceptForm,
        call=lambda referral, data: referral_services.referral_accept(
            referral=referral,
            message=data["message"],
            actor_membership=request.membership,
        ),
        success=_("Jullie hebben de doorverwijzing aangenomen. De verwijzer krijgt dit te zien."),
    )


@require_POST
def referral_decline(request: TenantRequest, org_slug: str, received_id: int) -> HttpResponse:
    return _act(
        request,
        received_id,
        form_name="decline_form",
        form_class=forms_partner.DeclineForm,
        call=lambda referral, data: referral_services.referral_decline(
            referral=referral,
            reason=data["reason"],
            actor_membership=request.membership,
        ),
        success=_("Jullie hebben de doorverwijzing afgewezen. De verwijzer krijgt de reden te zien."),
    )


@require_POST
def referral_update(request: TenantRequest, org_slug: str, received_id: int) -> HttpResponse:
    return _act(
        request,
        received_id,
        form_name="update_form",
        form_class=forms_partner.UpdateForm,
        call=lambda referral, data: referral_services.referral_post_update(
            referral=referral,
            text=data["text"],
            actor_membership=request.membership,
        ),
        success=_("Je bericht is verstuurd."),
    )


@require_POST
def referral_close(request: TenantRequest, org_slug: str, received_id: int) -> HttpResponse:
    return _act(
        request,
        received_id,
        form_name="close_form",
        form_class=forms_partner.CloseForm,
        call=lambda referral, data: referral_services.referral_close(
            referral=referral,
            outcome=data["outcome"],
            actor_membership=request.membership,
        ),
        success=_("De doorverwijzing is afgesloten."),
    )


@require_POST
def referral_contact(request: TenantRequest, org_slug: str, received_id: int) -> HttpResponse:
    """Show the victim's contact details after asking why: on this response only
    (never stored in a page to come back to), and every showing is logged."""
    referral = _received(request, received_id)
    form = forms_partner.ContactForm(request.POST)
    try:
        done = submit(
            request,
            form,
            lambda data: referral_services.referral_contact_read(
                referral=referral, actor_membership=request.membership, reason=data["reason"]
            ),
        )
    except PermissionError:
        raise PermissionDenied from None
    if done:
        return render(request, "referrals/partner/contact.html", {"referral": referral, "contact": done.value})
    return _detail(request, referral, bound={"contact_form": form}, status=400)


# --- The one-time link -------------------------------------------------------------------

LINK_INVALID_STATUS = {"unknown": 404, "expired": 410, "used": 410, "revoked": 410}


def _link_headers(response: HttpResponse) -> HttpResponse:
    # The token is in the URL: never pass it on, never index the page.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def _link_invalid(request: HttpRequest, state: str) -> HttpResponse:
    """Why the link does not work, and whom to call: nothing about the referral."""
    return render(
        request, "referrals/partner/link_invalid.html", {"state": state}, status=LINK_INVALID_STATUS.get(state, 410)
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def link_page(request: HttpRequest, token: str) -> HttpResponse:
    """A partner without an account reads the referral, confirms receipt, accepts or
    declines it, then writes to the referrer and reports the outcome, closing the
    referral: one link from the first e-mail until the referral is closed (declining
    ends it at once). The page says how to reach the referrer (organisation, the
    handler's name and work e-mail), never the victim. No sign-in: the token is the
    credential.

    Exempt from the CSRF check, on purpose. ``Referrer-Policy: no-referrer`` keeps
    the token out of every Referer header, and with it browsers send ``Origin: null``
    on this page's own form posts, which Django's CSRF check refuses. Nothing here
    rests on a cookie: what a post may do depends only on the secret token in its
    URL, never on the session or a signed-in user (the services record no user for
    a link), so a forged cross-site post is impossible without the token itself.
    """
    try:
        link = referral_services.partner_link_resolve(token)
    except LinkInvalid as exc:
        return _link_headers(_link_invalid(request, exc.state))
    # Outside /o/ no scope is active; the services write the referrer's rows
    # (chronology, access log, the link itself), so act in the referrer's scope.
    with scope(organisation=link.referral.organisation):
        return _link_headers(_link_answer(request, link))


def _link_answer(request: HttpRequest, link: PartnerLink) -> HttpResponse:
    referral = link.referral
    A = forms_partner.LinkAction
    forms: dict[str, Form] = {
        "accept_form": forms_partner.AcceptForm(),
        "decline_form": forms_partner.DeclineForm(),
        "update_form": forms_partner.UpdateForm(),
        "close_form": forms_partner.CloseForm(),
    }
    form_of = {A.ACCEPT: "accept_form", A.DECLINE: "decline_form", A.UPDATE: "update_form", A.CLOSE: "close_form"}
    form_class = {
        A.ACCEPT: forms_partner.AcceptForm,
        A.DECLINE: forms_partner.DeclineForm,
        A.UPDATE: forms_partner.UpdateForm,
        A.CLOSE: forms_partner.CloseForm,
    }
    action_error = False
    status = 200
    if request.method == "POST":
        status = 400
        action = A(request.POST)
        chosen = action.cleaned_data["action"] if action.is_valid() else None
        form: Form | None = None
        if chosen in form_of:
            form = forms[form_of[chosen]] = form_class[chosen](request.POST)
        action_error = chosen is None
        try:
            if chosen == A.ACKNOWLEDGE:
                referral_services.referral_acknowledge(referral=referral, link=link)
                messages.success(
                    request, _("Dank je. Je hebt bevestigd dat jullie de doorverwijzing hebben ontvangen.")
                )
                return redirect(request.path)
            if form is not None and form.is_valid():
                data = form.cleaned_data
                if chosen == A.ACCEPT:
                    referral_services.referral_accept(referral=referral, link=link, message=data["message"])
                    messages.success(
                        request,
                        _(
                            "Jullie hebben de doorverwijzing aangenomen. Met deze link stuur je berichten aan de "
                            "verwijzer en geef je later de uitkomst door."
                        ),
                    )
                    return redirect(request.path)
                if chosen == A.UPDATE:
                    referral_services.referral_post_update(referral=referral, link=link, text=data["text"])
                    messages.success(request, _("Je bericht is verstuurd."))
                    return redirect(request.path)
                if chosen == A.DECLINE:
                    referral_services.referral_decline(referral=referral, link=link, reason=data["reason"])
                else:
                    referral_services.referral_close(referral=referral, link=link, outcome=data["outcome"])
                return render(
                    request,
                    "referrals/partner/link_thanks.html",
                    {"answer": chosen, "referrer": referral.organisation},
                )
        except TransitionNotAllowed as exc:
            return transition_refused(request, exc)
        except PermissionError:
            # The link was used or revoked between reading and answering.
            return _link_invalid(request, "used")
        except ValidationError as exc:
            if form is not None:
                apply_errors(form, exc)
    summary = referral_services.referral_summary_read(referral=referral, link=link)
    # Messages may hold victim data too: only while consent covers the summary.
    updates = list(ReferralUpdate.objects.filter(referral=referral).order_by("created_at", "pk")) if summary else []
    return render(
        request,
        "referrals/partner/link_page.html",
        {
            "referral": referral,
            "referrer": referral.organisation,
            "contact": selectors.referrer_contact(referral),
            "summary": summary,
            "form_labels": [FORM_LABELS.get(code, code) for code in summary["forms"]] if summary else [],
            "updates": updates,
            "can_acknowledge": referral.status == S.SENT,
            "can_decide": referral.status == S.ACKNOWLEDGED,
            "can_update": referral.status in (S.ACKNOWLEDGED, S.ACCEPTED),
            "can_close": referral.status == S.ACCEPTED,
            **forms,
            "action_error": action_error,
            "expires_at": link.expires_at,
        },
        status=status,
    )
