"""Thin views: validate a form, call one service, render. No business rules here."""

from __future__ import annotations

from typing import Any

from allauth.account.views import LoginView
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal import processing_log, selectors, services, worklist
from portal.forms import AcceptInvitationForm, InvitationForm, RoleForm, submit
from portal.models import Invitation, Membership
from portal.roles import Action, can, require
from portal.tenancy import SESSION_KEY, SignedInRequest, TenantRequest, access_object

MEMBERS_PER_PAGE = 50
# A member who may do none of these is here to learn: their start page opens with their training.
OTHER_WORK = (
    Action.CASE_VIEW,
    Action.REFERRAL_RECEIVE,
    Action.REFERRAL_AREA,
    Action.DASHBOARD_AREA,
    Action.MEMBERS_MANAGE,
    Action.CONTENT_EDIT,
)


@require_GET
@cache_control(public=True, max_age=86400)
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on every site, also for PDFs and admin pages
    that name no icon. Not permanent: the static name changes with its content."""
    return redirect(static("portal/favicon.svg"))


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "portal/landing.html")
    memberships = selectors.memberships_for_user(request.user)
    last = request.session.get(SESSION_KEY)
    for membership in memberships:
        if membership.organisation.slug == last or len(memberships) == 1:
            return redirect("portal:organisation_home", org_slug=membership.organisation.slug)
    return render(request, "portal/organisation_switch.html", {"memberships": memberships})


@login_required
@require_GET
def organisation_switch(request: SignedInRequest) -> HttpResponse:
    memberships = selectors.memberships_for_user(request.user)
    chosen = request.GET.get("organisatie")
    if chosen:
        for membership in memberships:
            if membership.organisation.slug == chosen:
                return redirect("portal:organisation_home", org_slug=chosen)
        messages.error(request, _("Je bent geen lid van die organisatie."))
    return render(request, "portal/organisation_switch.html", {"memberships": memberships})


@require_GET
def organisation_home(request: TenantRequest, org_slug: str) -> HttpResponse:
    """The start page: what waits for this member now (``portal.worklist``, a fixed
    number of queries), and every page of the organisation they may use."""
    organisation = request.organisation
    membership = request.membership
    work = worklist.work_for(membership, request.user)
    for item in work:
        if item.key == "meldingen":  # the header's badge shows the same count: count once
            request.notifications_unread = item.count
    context = {
        "work": work,
        "nothing_waiting": all(item.done for item in work),
        "training_first": can(membership, Action.TRAINING_TAKE)
        and not any(can(membership, action) for action in OTHER_WORK),
        "memberships": selectors.memberships_for_user(request.user),
        "children": selectors.child_organisations(organisation) if organisation.kind == "municipality" else [],
    }
    return render(request, "portal/organisation_home.html", context)


@require_GET
@cache_control(private=True, max_age=300)
def organisation_theme_css(request: TenantRequest, org_slug: str) -> HttpResponse:
    """The organisation's colour as a stylesheet, so no inline style is needed (CSP).

    Any colour can be chosen, so the header text is black or white, whichever
    contrasts more (at least 4.58:1, enough for WCAG AA)."""
    colour = request.organisation.brand_colour
    text = _readable_text_colour(colour)
    css = f":root {{ --portal-brand-colour: {colour}; --portal-brand-text: {text}; }}\n"
    return HttpResponse(css, content_type="text/css; charset=utf-8")


def _readable_text_colour(hex_colour: str) -> str:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return "#ffffff" if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 else "#000000"


@require_GET
def member_list(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.MEMBERS_VIEW)
    query = request.GET.get("zoek", "").strip()[:100]
    members = selectors.members_of_organisation()
    if query:
        members = members.filter(
            Q(user__email__icontains=query) | Q(user__first_name__icontains=query) | Q(user__last_name__icontains=query)
        )
    page = Paginator(members, MEMBERS_PER_PAGE).get_page(request.GET.get("pagina"))
    processing_log.staff_read(
        organisation_id=request.organisation.pk,
        user_ids=[member.user_id for member in page.object_list],
        name="membership.list.read",
    )
    context = {"page": page, "query": query}
    if request.htmx:
        return render(request, "portal/partials/member_table.html", context)
    return render(request, "portal/member_list.html", context)


@require_http_methods(["GET", "POST"])
def member_detail(request: TenantRequest, org_slug: str, membership_id: int) -> HttpResponse:
    require(request, Action.MEMBERS_VIEW)
    member = access_object(Membership.objects.select_related("user", "organisation"), pk=membership_id)
    form = RoleForm(request.POST or None, organisation=request.organisation, initial={"role": member.role})
    if request.method == "POST":
        require(request, Action.MEMBERS_MANAGE)
    if submit(
        request,
        form,
        lambda data: services.membership_change_role(
            actor_membership=request.membership, membership=member, role=data["role"]
        ),
    ):
        messages.success(request, _("De rol is gewijzigd."))
        return redirect("portal:member_detail", org_slug=org_slug, membership_id=member.pk)
    processing_log.staff_read(
        organisation_id=request.organisation.pk, user_ids=[member.user_id], name="membership.detail.read"
    )
    return render(request, "portal/member_detail.html", {"member": member, "form": form})


@require_POST
def member_deactivate(request: TenantRequest, org_slug: str, membership_id: int) -> HttpResponse:
    require(request, Action.MEMBERS_MANAGE)
    member = access_object(Membership.objects.select_related("user", "organisation"), pk=membership_id)
    try:
        services.membership_deactivate(actor_membership=request.membership, membership=member)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(name)s is gedeactiveerd en overal afgemeld.") % {"name": member.user})
    return redirect("portal:member_detail", org_slug=org_slug, membership_id=member.pk)


@require_POST
def member_reactivate(request: TenantRequest, org_slug: str, membership_id: int) -> HttpResponse:
    require(request, Action.MEMBERS_MANAGE)
    member = access_object(Membership.objects.select_related("user", "organisation"), pk=membership_id)
    services.membership_reactivate(actor_membership=request.membership, membership=member)
    messages.success(request, _("%(name)s is weer actief.") % {"name": member.user})
    return redirect("portal:member_detail", org_slug=org_slug, membership_id=member.pk)


@require_http_methods(["GET", "POST"])
def invitation_list(request: TenantRequest, org_slug: str) -> HttpResponse:
    require(request, Action.MEMBERS_INVITE)
    form = InvitationForm(request.POST or None, organisation=request.organisation)
    if submit(
        request,
        form,
        lambda data: services.invitation_create(
            actor_membership=request.membership, email=data["email"], role=data["role"]
        ),
    ):
        messages.success(
            request, _("De uitnodiging is verstuurd naar %(email)s.") % {"email": form.cleaned_data["email"]}
        )
        return redirect("portal:invitation_list", org_slug=org_slug)
    page = Paginator(selectors.invitations_of_organisation(), MEMBERS_PER_PAGE).get_page(request.GET.get("pagina"))
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/invitation_list.html", {"form": form, "page": page}, status=status)


@require_POST
def invitation_revoke(request: TenantRequest, org_slug: str, invitation_id: int) -> HttpResponse:
    require(request, Action.MEMBERS_INVITE)
    invitation = access_object(Invitation.objects.select_related("organisation"), pk=invitation_id)
    try:
        services.invitation_revoke(actor_membership=request.membership, invitation=invitation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De uitnodiging is ingetrokken."))
    return redirect("portal:invitation_list", org_slug=org_slug)


INVALID_INVITATION_STATUS = {"malformed": 400, "unknown": 404, "expired": 410, "revoked": 410, "accepted": 410}


@require_http_methods(["GET", "POST"])
@cache_control(no_store=True)
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.invitation_lookup(token=token)
    except services.InvitationInvalid as exc:
        return render(
            request,
            "portal/invitation_invalid.html",
            {"reason": exc.reason},
            status=INVALID_INVITATION_STATUS.get(exc.reason, 400),
        )

    user = request.user if request.user.is_authenticated else None
    account_exists = user is None and selectors.email_has_account(invitation.email)
    form = None
    if user is None and not account_exists:
        form = AcceptInvitationForm(request.POST or None, email=invitation.email)

    if request.method == "POST":
        if user is not None and (user.email or "").lower() != invitation.email.lower():
            return render(request, "portal/invitation_invalid.html", {"reason": "wrong_account"}, status=403)
        if account_exists:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if form is None or form.is_valid():
            data = form.cleaned_data if form is not None else {}
            try:
                membership = services.invitation_accept(
                    invitation=invitation,
                    user=user,
                    first_name=data.get("first_name", ""),
                    last_name=data.get("last_name", ""),
                    password=data.get("password1"),
                )
            except services.InvitationInvalid as exc:
                return render(
                    request,
                    "portal/invitation_invalid.html",
                    {"reason": exc.reason},
                    status=INVALID_INVITATION_STATUS.get(exc.reason, 400),
                )
            if user is None:
                login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request, _("Welkom bij %(organisation)s.") % {"organisation": invitation.organisation.name}
            )
            return redirect("portal:organisation_home", org_slug=invitation.organisation.slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "portal/invitation_accept.html",
        {"invitation": invitation, "form": form, "account_exists": account_exists},
        status=status,
    )


class AdminLoginView(LoginView):
    """The Django and Wagtail admin sign-in: allauth's login, with its rate limits and MFA stage.

    allauth sends a signed-in user on to ``?next=``; for a user without admin rights
    that is the admin again, which sends them back here: an endless redirect. They
    get the 403 page instead.
    """

    permission: str | None = None  # besides staff status

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not (
            user.is_staff and (self.permission is None or user.has_perm(self.permission))
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


@login_required
@require_GET
def mfa_required(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/mfa_required.html")


@require_GET
@cache_control(no_store=True)
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
