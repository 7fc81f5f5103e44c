"""Fetching a case or a referral for a page, with the member's right to see it.

Like zulip's ``access_*`` helpers: "does not exist", "belongs to another organisation"
and "a signal someone else raised" all give the same 404, so ids never reveal what
other tenants (or colleagues) hold; a member who may see no case at all gets 403 after
the lookup. Every case page fetches through these, never with its own lookup.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from portal.roles import Action, can, require
from portal.tenancy import TenantRequest, access_object
from referrals.models import Case, Referral


def access_case(request: TenantRequest, case_id: int, *, handle: bool = False) -> Case:
    """The case, if this member may see it at all.

    Those who see cases get any case of the organisation; someone who may only
    raise signals gets only their own (any other id is a 404, as if missing);
    anyone else gets 403 after the lookup. With ``handle``, the member must also
    handle cases (403 otherwise).
    """
    case = case_visible(request, access_object(Case.objects.select_related("handler", "raised_by"), pk=case_id))
    if handle:
        require(request, Action.CASE_HANDLE)
    return case


def case_visible(request: TenantRequest, case: Case) -> Case:
    """``access_case`` for a case already fetched (through a referral, consent or link)."""
    case.organisation = request.organisation
    membership = request.membership
    if can(membership, Action.CASE_VIEW):
        return case
    if can(membership, Action.CASE_RAISE):
        if case.raised_by_id != request.user.pk:
            raise Http404("Case not found")
        return case
    raise PermissionDenied


def access_referral(request: TenantRequest, referral_id: int) -> Referral:
    """A referral of the organisation, for a case handler; the same 404/403 as ``access_case``."""
    referral = access_object(Referral.objects.select_related("case", "partner"), pk=referral_id)
    case_visible(request, referral.case)
    require(request, Action.CASE_HANDLE)
    referral.organisation = request.organisation
    return referral
