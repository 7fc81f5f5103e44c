"""Who receives a message: chosen by permission (``portal.roles``), never by role name."""

from __future__ import annotations

from django.db.models import QuerySet

from portal.models import Membership, Organisation
from portal.roles import Action, Role, role_can, roles_for_kind


def roles_that_can(action: Action, *, organisation_kind: str | None = None) -> list[Role]:
    """The roles that may ``action`` (only those an organisation of ``organisation_kind`` can hold)."""
    roles = roles_for_kind(organisation_kind) if organisation_kind else tuple(Role)
    return [role for role in roles if role_can(role, action)]


def members_who_can(
    action: Action,
    *,
    organisation_id: int,
    organisation_kind: str | None = None,
    active_users_only: bool = True,
) -> QuerySet[Membership]:
    """The active memberships of one organisation whose role may ``action``, with their users."""
    members = Membership.objects.filter(
        organisation_id=organisation_id,
        role__in=roles_that_can(action, organisation_kind=organisation_kind),
        is_active=True,
    )
    if active_users_only:
        members = members.filter(user__is_active=True)
    return members.select_related("user")


def coordinators(organisation: Organisation) -> QuerySet[Membership]:
    """Who manages the organisation's members: told when a message to one of them failed.
    Users that are no longer active are told too (in the portal only, as before)."""
    return members_who_can(
        Action.MEMBERS_MANAGE,
        organisation_id=organisation.pk,
        organisation_kind=organisation.kind,
        active_users_only=False,
    )
