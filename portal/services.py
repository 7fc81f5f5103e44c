"""Writes for tenancy and accounts: verbs on nouns, one transaction each.

Audit rows are written in the same transaction; mail is queued with
``transaction.on_commit`` so a rolled-back change sends nothing.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from portal.models import AuditEvent, Invitation, Membership, Organisation, User
from portal.roles import MANAGER_ROLES, Action, OrganisationKind, Role, require_permission
from portal.selectors import active_manager_count

EDITORS_GROUP = "Editors"  # created by Wagtail's migrations
PLATFORM_EDITORS_GROUP = "Platformredactie"  # created by ``setup_cms``: edits the national library
TOKEN_BYTES = 32


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def audit_record(
    *, organisation: Organisation, kind: str, actor: User | None, subject: User | None = None, detail: str = ""
) -> None:
    """Write one audit row; call it inside the transaction of the change it records."""
    AuditEvent.objects.create(
        organisation=organisation, kind=kind, actor=actor, subject_user=subject, detail=detail[:200]
    )


def _check_role_allowed(*, organisation: Organisation, role: str, actor_membership: Membership) -> None:
    if role not in organisation.allowed_roles:
        raise ValidationError({"role": _("Deze rol bestaat niet bij dit soort organisatie.")})
    if role == Role.PLATFORM_ADMIN and actor_membership.role != Role.PLATFORM_ADMIN:
        raise ValidationError({"role": _("Alleen een platformbeheerder kan deze rol geven.")})


def _invitation_ref(invitation: Invitation) -> str:
    """The start of an invitation's audit rows: the sweep that deletes the invitation
    finds them by it and removes the invitee's address (``invitations_expire_cleanup``)."""
    return f"uitnodiging {invitation.pk}: "


@dataclass(frozen=True)
class InvitationCreated:
    invitation: Invitation
    link: str


def invitation_create(*, actor_membership: Membership, email: str, role: str) -> InvitationCreated:
    """Invite ``email`` to the actor's organisation with ``role`` and email the link.

    Runs inside the organisation's scope. The token is returned once (in the link)
    and stored only as a hash.
    """
    require_permission(actor_membership, Action.MEMBERS_INVITE)
    organisation = actor_membership.organisation
    email = email.strip().lower()
    _check_role_allowed(organisation=organisation, role=role, actor_membership=actor_membership)
    if Membership.objects.filter(user__email__iexact=email, is_active=True).exists():
        raise ValidationError({"email": _("Deze persoon is al lid van deze organisatie.")})

    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = timezone.now()
    with transaction.atomic():
        # A new invitation replaces any open one for the same address.
        Invitation.objects.filter(email=email, accepted_at__isnull=True, revoked_at__isnull=True).update(revoked_at=now)
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            token_hash=_hash_token(token),
            invited_by=actor_membership.user,
            created_at=now,
            expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
        )
        audit_record(
            organisation=organisation,
            kind=AuditEvent.Kind.INVITATION_SENT,
            actor=actor_membership.user,
            detail=f"{_invitation_ref(invitation)}{email} – {invitation.get_role_display()}",
        )
        link = settings.SITE_URL + reverse("portal:invitation_accept", kwargs={"token": token})
        transaction.on_commit(lambda: _send_invitation_mail(invitation=invitation, link=link))
    return InvitationCreated(invitation=invitation, link=link)


def _send_invitation_mail(*, invitation: Invitation, link: str) -> None:
    context = {
        "organisation": invitation.organisation,
        "role": invitation.get_role_display(),
        "link": link,
        "expires_at": invitation.expires_at,
    }
    send_mail(
        subject=render_to_string("portal/email/invitation_subject.txt", context).strip(),
        message=render_to_string("portal/email/invitation_body.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


class InvitationInvalid(Exception):
    """Raised for a link that cannot be used; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def invitation_lookup(*, token: str) -> Invitation:
    """Find the open invitation for a token, or raise ``InvitationInvalid``.

    Tokens are looked up by hash across organisations (the token is the credential).
    """
    if not token or len(token) > 100 or not all(c.isalnum() or c in "-_" for c in token):
        raise InvitationInvalid("malformed")
    with scopes_disabled():
        invitation = Invitation.objects.select_related("organisation").filter(token_hash=_hash_token(token)).first()
    if invitation is None:
        raise InvitationInvalid("unknown")
    if invitation.status != "open":
        raise InvitationInvalid(invitation.status)
    return invitation


def invitation_accept(
    *,
    invitation: Invitation,
    user: User | None,
    first_name: str = "",
    last_name: str = "",
    password: str | None = None,
) -> Membership:
    """Accept an open invitation: create the account if needed, then the membership.

    An existing account must be signed in as the invited address. The invitation
    row is locked so a link used twice at the same moment creates one membership.
    """
    organisation = invitation.organisation
    with scope(organisation=organisation), transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.status != "open":
            raise InvitationInvalid(locked.status)
        if user is None:
            if User.objects.filter(email__iexact=locked.email).exists():
                raise InvitationInvalid("account_exists")
            user = User.objects.create_user(
                email=locked.email, password=password, first_name=first_name, last_name=last_name
            )
            # The address is proven: the link was mailed to it.
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        elif (user.email or "").lower() != locked.email.lower():
            raise InvitationInvalid("wrong_account")
        else:
            EmailAddress.objects.update_or_create(
                user=user, email__iexact=locked.email, defaults={"email": user.email, "verified": True}
            )

        membership, _created = Membership.objects.update_or_create(
            organisation=organisation,
            user=user,
            defaults={"role": locked.role, "is_active": True, "deactivated_at": None},
        )
        locked.accepted_at = timezone.now()
        locked.accepted_by = user
        locked.save(update_fields=["accepted_at", "accepted_by"])
        audit_record(
            organisation=organisation,
            kind=AuditEvent.Kind.INVITATION_ACCEPTED,
            actor=user,
            subject=user,
            detail=membership.get_role_display(),
        )
        user_sync_staff_flags(user=user)
    return membership


def invitation_revoke(*, actor_membership: Membership, invitation: Invitation) -> None:
    require_permission(actor_membership, Action.MEMBERS_INVITE)
    with transaction.atomic():
        updated = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if not updated:
            raise ValidationError(_("Deze uitnodiging is al gebruikt of ingetrokken."))
        audit_record(
            organisation=invitation.organisation,
            kind=AuditEvent.Kind.INVITATION_REVOKED,
            actor=actor_membership.user,
            detail=f"{_invitation_ref(invitation)}{invitation.email}",
        )


def _check_keeps_a_manager(membership: Membership, *, new_role: str | None, deactivating: bool) -> None:
    losing_manager = (
        membership.is_active and membership.role in MANAGER_ROLES and (deactivating or new_role not in MANAGER_ROLES)
    )
    if losing_manager and active_manager_count(exclude=membership) == 0:
        raise ValidationError(
            _("De organisatie moet minstens één coördinator houden. Geef eerst iemand anders die rol.")
        )


def membership_change_role(*, actor_membership: Membership, membership: Membership, role: str) -> Membership:
    """Give a member another role. The organisation always keeps a coordinator."""
    require_permission(actor_membership, Action.MEMBERS_MANAGE)
    _check_role_allowed(organisation=membership.organisation, role=role, actor_membership=actor_membership)
    if role == membership.role:
        return membership
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        _check_keeps_a_manager(membership, new_role=role, deactivating=False)
        old = membership.get_role_display()
        membership.role = role
        membership.save(update_fields=["role"])
        audit_record(
            organisation=membership.organisation,
            kind=AuditEvent.Kind.ROLE_CHANGED,
            actor=actor_membership.user,
            subject=membership.user,
            detail=f"{old} → {membership.get_role_display()}",
        )
        user_sync_staff_flags(user=membership.user)
    return membership


def membership_deactivate(*, actor_membership: Membership, membership: Membership) -> Membership:
    """Deactivate a member and end every session of that user at once."""
    require_permission(actor_membership, Action.MEMBERS_MANAGE)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
        if not membership.is_active:
            return membership
        _check_keeps_a_manager(membership, new_role=None, deactivating=True)
        membership.is_active = False
        membership.deactivated_at = timezone.now()
        membership.save(update_fields=["is_active", "deactivated_at"])
        audit_record(
            organisation=membership.organisation,
            kind=AuditEvent.Kind.MEMBER_DEACTIVATED,
            actor=actor_membership.user,
            subject=membership.user,
        )
        user_sync_staff_flags(user=membership.user)
        user_end_sessions(user=membership.user)
    return membership


def membership_reactivate(*, actor_membership: Membership, membership: Membership) -> Membership:
    require_permission(actor_membership, Action.MEMBERS_MANAGE)
    with transaction.atomic():
        Membership.objects.filter(pk=membership.pk).update(is_active=True, deactivated_at=None)
        membership.refresh_from_db()
        audit_record(
            organisation=membership.organisation,
            kind=AuditEvent.Kind.MEMBER_REACTIVATED,
            actor=actor_membership.user,
            subject=membership.user,
        )
        user_sync_staff_flags(user=membership.user)
    return membership


def user_end_sessions(*, user: User) -> int:
    """End every tracked session of ``user``; returns how many were ended."""
    sessions = list(UserSession.objects.filter(user=user))
    for session in sessions:
        session.end()
    return len(sessions)


def user_sync_staff_flags(*, user: User) -> None:
    """Derive Django/Wagtail admin access from the user's active roles.

    Platform administrators are staff and superusers; content editors join the
    Wagtail editors group, and those of the platform organisation also the library's
    "Platformredactie". Nobody else reaches an admin screen.
    """
    with scopes_disabled():
        held = set(Membership.objects.filter(user=user, is_active=True).values_list("role", "organisation__kind"))
    roles = {role for role, _kind in held}
    is_admin = Role.PLATFORM_ADMIN in roles
    is_editor = Role.CONTENT_EDITOR in roles
    is_platform_editor = (Role.CONTENT_EDITOR, OrganisationKind.PLATFORM) in held
    if user.is_staff != (is_admin or is_editor) or user.is_superuser != is_admin:
        user.is_staff = is_admin or is_editor
        user.is_superuser = is_admin
        user.save(update_fields=["is_staff", "is_superuser"])
    member_of = {EDITORS_GROUP: is_editor, PLATFORM_EDITORS_GROUP: is_platform_editor}
    for group in Group.objects.filter(name__in=member_of):
        if member_of[group.name]:
            user.groups.add(group)
        else:
            user.groups.remove(group)


# What an invitee's address becomes in the audit trail once the invitation is deleted.
ADDRESS_REMOVED = "(adres verwijderd)"


def invitations_expire_cleanup(*, older_than_days: int = 90) -> int:
    """Delete invitations that ended (expired, revoked or accepted) long ago, and take
    the invitee's address out of their audit rows (sent, revoked): the row stays, the
    address becomes ``ADDRESS_REMOVED``. One transaction; safe to run twice.

    Rows are found by the invitation's number at their start (``_invitation_ref``);
    rows written before that number was added, by the organisation, the address and a
    time before the invitation ended.
    """
    cutoff = timezone.now() - timedelta(days=older_than_days)
    # Every organisation's invitations: a platform sweep, so outside any tenant scope.
    with scopes_disabled(), transaction.atomic():
        ended = list(
            Invitation.objects.select_for_update()
            .filter(expires_at__lt=cutoff)
            .only("pk", "organisation_id", "email", "expires_at")
        )
        if not ended:
            return 0
        changed: list[AuditEvent] = []
        for invitation in ended:
            changed += _invitation_audit_addresses_remove(invitation)
        AuditEvent.objects.bulk_update(changed, ["detail"], batch_size=500)
        deleted, _detail = Invitation.objects.filter(pk__in=[invitation.pk for invitation in ended]).delete()
    return deleted


def _invitation_audit_addresses_remove(invitation: Invitation) -> list[AuditEvent]:
    ref, email = _invitation_ref(invitation), invitation.email
    legacy = Q(created_at__lte=invitation.expires_at) & (Q(detail__iexact=email) | Q(detail__istartswith=f"{email} – "))
    rows = list(
        AuditEvent.objects.filter(
            Q(detail__startswith=ref) | legacy,
            organisation_id=invitation.organisation_id,
            kind__in=[AuditEvent.Kind.INVITATION_SENT, AuditEvent.Kind.INVITATION_REVOKED],
        ).only("pk", "detail")
    )
    for row in rows:
        if email.lower() in row.detail.lower():
            start = row.detail.lower().index(email.lower())
            row.detail = row.detail[:start] + ADDRESS_REMOVED + row.detail[start + len(email) :]
        else:  # the address was cut off at 200 characters
            row.detail = (ref if row.detail.startswith(ref) else "") + ADDRESS_REMOVED
    return rows


def authenticator_secrets_rotate(*, batch_size: int = 500) -> tuple[int, int, int]:
    """Re-encrypt the second factors' secrets (``portal.adapters.MFAAdapter``) under the
    current key of FIELD_ENCRYPTION_KEYS; ``manage.py rotate_field_keys`` calls it.

    Returns (rows re-encrypted, rows read, rows no configured key decrypts).
    Idempotent and batched: secrets already under the current key are left alone; each
    batch is one transaction with its rows locked, so a code checked meanwhile reads
    either the old or the new token, both valid while the old key is still listed. A
    row no key decrypts (its key was removed too early) is counted and left as it is:
    that second factor no longer works anyway, and it must not stop the rotation of
    the other rows.
    """
    from allauth.mfa.models import Authenticator

    from portal import crypto
    from portal.adapters import authenticator_secrets_map

    def rotate(token: str) -> str:
        return token if crypto.is_current(token) else str(crypto.rotate(token))

    secret_types = (Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES)
    last_pk = 0
    rotated = rows = unreadable = 0
    while True:
        with transaction.atomic():
            batch = list(
                Authenticator.objects.select_for_update()
                .filter(type__in=secret_types, pk__gt=last_pk)
                .order_by("pk")
                .only("pk", "data")[:batch_size]
            )
            for authenticator in batch:
                try:
                    data = authenticator_secrets_map(authenticator.data, rotate)
                except crypto.InvalidToken:
                    unreadable += 1
                    continue
                if data != authenticator.data:
                    Authenticator.objects.filter(pk=authenticator.pk).update(data=data)
                    rotated += 1
        rows += len(batch)
        if len(batch) < batch_size:
            return rotated, rows, unreadable
        last_pk = batch[-1].pk


def user_sessions_purge() -> int:
    """Delete the rows of allauth's session list (IP address and browser at sign-in)
    whose Django session has ended: signed out, expired or deleted. allauth itself
    removes them only when the same person opens the list or signs in again.

    Returns the number of rows deleted. Safe to run twice; a session that is still
    valid keeps its row. With the database session engine (the portal's) this is one
    query; with another engine each row asks the session store (allauth's ``purge``).
    """
    from importlib import import_module

    from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

    store = import_module(settings.SESSION_ENGINE).SessionStore
    if issubclass(store, DatabaseSessionStore):
        live = store.get_model_class().objects.filter(expire_date__gt=timezone.now()).values("session_key")
        _total, per_model = UserSession.objects.exclude(session_key__in=live).delete()
        return int(per_model.get(UserSession._meta.label, 0))
    return sum(1 for session in UserSession.objects.iterator() if session.purge())


def accounts_without_membership_delete(*, now: datetime | None = None, batch_size: int = 200) -> int:
    """Delete the accounts that have no membership left (active or not), are no
    platform administrator or editor (not staff, not superuser, in no Django/Wagtail
    group) and were not used for ``ACCOUNTS_WITHOUT_MEMBERSHIP_KEEP_DAYS``: no sign-in
    since then (``last_login``, else ``date_joined``).

    Returns how many accounts were deleted. Batched: each batch is one transaction
    that selects (and locks) the accounts that still qualify and deletes them. What hangs on the account goes with it (e-mail addresses, second
    factors, sessions, notifications); the audit trail keeps its rows with the actor
    and subject emptied, the admin logs lose the account's name
    (``user_admin_logs_anonymise``).
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ACCOUNTS_WITHOUT_MEMBERSHIP_KEEP_DAYS)
    with scopes_disabled():
        # Memberships of every organisation: an account belongs to none of them.
        has_membership = Exists(Membership.objects.filter(user=OuterRef("pk")))
        unused = (
            User.objects.annotate(last_used=Coalesce("last_login", "date_joined"))
            .filter(~has_membership, is_staff=False, is_superuser=False, groups__isnull=True, last_used__lt=cutoff)
            .order_by("pk")
        )
        deleted = 0
        while True:
            with transaction.atomic():
                ids = list(unused.select_for_update(of=("self",)).values_list("pk", flat=True)[:batch_size])
                if not ids:
                    return deleted
                _total, per_model = User.objects.filter(pk__in=ids).delete()
                deleted += per_model.get(User._meta.label, 0)


# What the admin logs say about an account once it is deleted.
DELETED_ACCOUNT = "(verwijderd account)"


def user_admin_logs_anonymise(*, user_id: int) -> int:
    """Take a deleted account's name out of the admin logs that are about it: Django's
    admin log (``object_repr``, the name at the time; ``change_message``) and Wagtail's
    log of the user admin (``label``, ``data``). The rows stay (what was done, when, by
    whom); they say "(verwijderd account)". Runs inside the deletion's transaction
    (``portal.receivers``). Returns the number of rows changed.
    """
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    content_type = ContentType.objects.get_for_model(User)
    about = {"content_type": content_type, "object_id": str(user_id)}
    changed = LogEntry.objects.filter(**about).update(object_repr=DELETED_ACCOUNT, change_message="")
    changed += int(ModelLogEntry.objects.filter(**about).update(label=DELETED_ACCOUNT, data={}))
    return changed
