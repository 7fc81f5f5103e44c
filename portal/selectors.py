"""Reads for tenancy and accounts. Each selector owns its joins."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.db.models import Exists, OuterRef, Q, QuerySet
from django_scopes import scopes_disabled

from portal.models import AuditEvent, Invitation, Membership, Organisation, User
from portal.roles import MANAGER_ROLES, MFA_ROLES


def memberships_for_user(user: User) -> list[Membership]:
    """The user's own active memberships across organisations (for switching).

    Runs unscoped on purpose: it reads only rows of this user, never another's.
    """
    with scopes_disabled():
        return list(
            Membership.objects.filter(user=user, is_active=True, organisation__is_active=True)
            .select_related("organisation", "organisation__parent")
            .order_by("organisation__name")
        )


def user_requires_mfa(user: User) -> bool:
    """True for superusers and for anyone with an active role that can see case data."""
    if user.is_superuser:
        return True
    with scopes_disabled():
        return Membership.objects.filter(user=user, is_active=True, role__in=MFA_ROLES).exists()


def user_lacks_required_mfa(user: User, *, trusted_organisation_id: int | None = None) -> bool:
    """True when ``user_requires_mfa`` holds and the user has no second factor (an
    authenticator app or a security key): the check every request makes, in one query.

    ``trusted_organisation_id``: roles in that organisation are covered by the second
    factor its identity provider asserted at this sign-in (``portal.mfa``)."""
    with scopes_disabled():
        roles_needing_mfa = Membership.objects.filter(user=OuterRef("pk"), is_active=True, role__in=MFA_ROLES)
        if trusted_organisation_id is not None:
            roles_needing_mfa = roles_needing_mfa.exclude(organisation_id=trusted_organisation_id)
        requires = Q(is_superuser=True) | Exists(roles_needing_mfa)
        has = Exists(
            Authenticator.objects.filter(
                user=OuterRef("pk"), type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
            )
        )
        return User.objects.filter(requires, pk=user.pk).exclude(has).exists()


def tenant_membership(user: User, slug: str) -> Membership | None:
    """The user's active membership of the active organisation ``slug``, with the
    organisation (and its parent and logo) joined: the tenancy check, in one query.
    None for an organisation that does not exist, is inactive or is not the user's.

    Runs unscoped on purpose: it is how the scope is found, and it reads only a row of
    this user."""
    with scopes_disabled():
        return (
            Membership.objects.select_related("organisation", "organisation__parent", "organisation__logo")
            .filter(user=user, is_active=True, organisation__slug=slug, organisation__is_active=True)
            .first()
        )


def members_of_organisation(*, include_inactive: bool = True) -> QuerySet[Membership]:
    """Members of the organisation in the active scope."""
    qs = Membership.objects.select_related("user").order_by("-is_active", "user__last_name", "user__email")
    if not include_inactive:
        qs = qs.filter(is_active=True)
    return qs


def active_manager_count(*, exclude: Membership | None = None) -> int:
    qs = Membership.objects.filter(is_active=True, role__in=MANAGER_ROLES)
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return qs.count()


def invitations_of_organisation() -> QuerySet[Invitation]:
    return Invitation.objects.select_related("invited_by").order_by("-created_at")


def audit_events_of_organisation(limit: int = 50) -> list[AuditEvent]:
    return list(AuditEvent.objects.select_related("actor", "subject_user")[:limit])


def child_organisations(organisation: Organisation) -> QuerySet[Organisation]:
    return Organisation.objects.filter(parent=organisation, is_active=True).order_by("name")


def email_has_account(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()
