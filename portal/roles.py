"""Roles and permissions, decided in one place.

A role belongs to a membership (a user in one organisation). What a role may do
is the ``PERMISSIONS`` table below; nothing else in the code compares roles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from portal.models import Membership
    from portal.tenancy import TenantRequest


class Role(models.TextChoices):
    LEARNER = "learner", _("Deelnemer (leerkracht, coach, vrijwilliger)")
    CASE_HANDLER = "case_handler", _("Aandachtsfunctionaris of vertrouwenscontactpersoon")
    ORG_COORDINATOR = "org_coordinator", _("Coördinator van de organisatie")
    MUNICIPAL_COORDINATOR = "municipal_coordinator", _("Coördinator van de gemeente")
    PARTNER_INTAKE = "partner_intake", _("Intakemedewerker van een partner")
    CONTENT_EDITOR = "content_editor", _("Redacteur")
    PLATFORM_ADMIN = "platform_admin", _("Platformbeheerder")


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Gemeente")
    SCHOOL = "school", _("School")
    SPORTS_CLUB = "sports_club", _("Sportclub")
    PARTNER = "partner", _("Partnerorganisatie")
    PLATFORM = "platform", _("Platform")


class Action(models.TextChoices):
    ORGANISATION_VIEW = "organisation.view", _("Organisatie bekijken")
    TRAINING_TAKE = "training.take", _("Training volgen")
    TRAINING_ASSIGN = "training.assign", _("Training toewijzen")
    TRAINING_VIEW_MATRIX = "training.view_matrix", _("Voortgang van iedereen zien")
    CASE_RAISE = "case.raise", _("Een signaal melden")
    CASE_VIEW = "case.view", _("Casussen bekijken")
    CASE_HANDLE = "case.handle", _("Casussen behandelen")
    CASE_SETTINGS = "case.settings", _("Bewaartermijn en nazorg van casussen instellen")
    CASE_EXPORT = "case.export", _("Alle casussen van de organisatie exporteren")
    REFERRAL_RECEIVE = "referral.receive", _("Doorverwijzingen ontvangen")
    REFERRAL_AREA = "referral.area", _("Doorverwijzingen in de gemeente beheren")
    DIRECTORY_MANAGE = "directory.manage", _("Lokale sociale kaart beheren")
    ACCESS_LOG_VIEW = "access_log.view", _("Inzagelog bekijken")
    MEMBERS_VIEW = "members.view", _("Leden bekijken")
    MEMBERS_INVITE = "members.invite", _("Mensen uitnodigen")
    MEMBERS_MANAGE = "members.manage", _("Rollen wijzigen en leden deactiveren")
    SIGN_IN_MANAGE = "sign_in.manage", _("Inloggen via de eigen organisatie instellen")
    PRIVACY_MANAGE = "privacy.manage", _("Privacyverzoeken behandelen en het verwerkingslogboek bekijken")
    DASHBOARD_AREA = "dashboard.area", _("Dashboard van het hele gebied zien")
    CONTENT_EDIT = "content.edit", _("Inhoud bewerken")
    RULES_EDIT = "rules.edit", _("Verwijsregels bewerken")
    PLATFORM_ADMIN = "platform.admin", _("Platform beheren")


R = Role
PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.ORGANISATION_VIEW: frozenset(Role),
    Action.TRAINING_TAKE: frozenset(Role),
    Action.TRAINING_ASSIGN: frozenset({R.ORG_COORDINATOR, R.MUNICIPAL_COORDINATOR}),
    Action.TRAINING_VIEW_MATRIX: frozenset({R.ORG_COORDINATOR, R.MUNICIPAL_COORDINATOR}),
    Action.CASE_RAISE: frozenset({R.LEARNER, R.CASE_HANDLER, R.ORG_COORDINATOR}),
    Action.CASE_VIEW: frozenset({R.CASE_HANDLER, R.ORG_COORDINATOR}),
    Action.CASE_HANDLE: frozenset({R.CASE_HANDLER}),
    Action.CASE_SETTINGS: frozenset({R.ORG_COORDINATOR}),
    Action.CASE_EXPORT: frozenset({R.ORG_COORDINATOR}),
    Action.REFERRAL_RECEIVE: frozenset({R.PARTNER_INTAKE}),
    Action.REFERRAL_AREA: frozenset({R.MUNICIPAL_COORDINATOR}),
    Action.DIRECTORY_MANAGE: frozenset({R.MUNICIPAL_COORDINATOR, R.PLATFORM_ADMIN}),
    Action.ACCESS_LOG_VIEW: frozenset({R.ORG_COORDINATOR, R.PLATFORM_ADMIN}),
    Action.MEMBERS_VIEW: frozenset({R.ORG_COORDINATOR, R.MUNICIPAL_COORDINATOR, R.PLATFORM_ADMIN}),
    Action.MEMBERS_INVITE: frozenset({R.ORG_COORDINATOR, R.MUNICIPAL_COORDINATOR, R.PLATFORM_ADMIN}),
    Action.MEMBERS_MANAGE: frozenset({R.ORG_COORDINATOR, R.MUNICIPAL_COORDINATOR, R.PLATFORM_ADMIN}),
    Action.SIGN_IN_MANAGE: frozenset({R.ORG_COORDINATOR, R.MUNICIPAL_COORDINATOR, R.PLATFORM_ADMIN}),
    Action.PRIVACY_MANAGE: frozenset({R.ORG_COORDINATOR, R.MUNICIPAL_COORDINATOR, R.PLATFORM_ADMIN}),
    Action.DASHBOARD_AREA: frozenset({R.MUNICIPAL_COORDINATOR, R.PLATFORM_ADMIN}),
    Action.CONTENT_EDIT: frozenset({R.CONTENT_EDITOR, R.PLATFORM_ADMIN}),
    Action.RULES_EDIT: frozenset({R.PLATFORM_ADMIN}),
    Action.PLATFORM_ADMIN: frozenset({R.PLATFORM_ADMIN}),
}

# Actions that show case data (or let one reach it). A role holding any of them
# must use multi-factor authentication before it can reach anything at all.
CASE_DATA_ACTIONS = frozenset(
    {
        Action.CASE_VIEW,
        Action.CASE_HANDLE,
        Action.CASE_EXPORT,
        Action.REFERRAL_RECEIVE,
        Action.REFERRAL_AREA,
        Action.ACCESS_LOG_VIEW,
        Action.PRIVACY_MANAGE,
        Action.PLATFORM_ADMIN,
    }
)
MFA_ROLES = frozenset(role for action in CASE_DATA_ACTIONS for role in PERMISSIONS[action])

# Which roles a membership of each kind of organisation can hold.
ROLES_BY_KIND: dict[OrganisationKind, tuple[Role, ...]] = {
    OrganisationKind.SCHOOL: (R.LEARNER, R.CASE_HANDLER, R.ORG_COORDINATOR, R.CONTENT_EDITOR),
    OrganisationKind.SPORTS_CLUB: (R.LEARNER, R.CASE_HANDLER, R.ORG_COORDINATOR, R.CONTENT_EDITOR),
    OrganisationKind.MUNICIPALITY: (R.MUNICIPAL_COORDINATOR, R.LEARNER, R.CONTENT_EDITOR),
    OrganisationKind.PARTNER: (R.PARTNER_INTAKE, R.ORG_COORDINATOR, R.CONTENT_EDITOR),
    OrganisationKind.PLATFORM: (R.PLATFORM_ADMIN, R.CONTENT_EDITOR),
}

# Roles that manage members; an organisation must keep at least one of them.
MANAGER_ROLES = PERMISSIONS[Action.MEMBERS_MANAGE]


def role_can(role: str | Role, action: Action | str) -> bool:
    """True when ``role`` may perform ``action``. Unknown actions are refused."""
    try:
        allowed = PERMISSIONS[Action(action)]
    except ValueError:
        return False
    return role in allowed


def can(membership: Membership | None, action: Action | str) -> bool:
    """True when the (active) membership may perform ``action`` in its organisation."""
    if membership is None or not membership.is_active:
        return False
    return role_can(membership.role, action)


def require(request: TenantRequest, action: Action) -> None:
    """In a view: the signed-in member may perform ``action`` here, or the answer is 403."""
    if not can(request.membership, action):
        raise PermissionDenied


def require_permission(membership: Membership, action: Action) -> None:
    """In a service: refuse an actor without the permission (``PermissionError(action)``),
    whatever page or task called it."""
    if not can(membership, action):
        raise PermissionError(action)


def role_requires_mfa(role: str | Role) -> bool:
    return role in MFA_ROLES


def roles_for_kind(kind: str | OrganisationKind) -> tuple[Role, ...]:
    return ROLES_BY_KIND.get(OrganisationKind(kind), ())
