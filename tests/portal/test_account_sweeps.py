"""Daily sweeps over accounts: the session list's rows of ended sessions, accounts
without any membership that nobody used for a long time, and the invitees' addresses
in the audit trail once their invitation is gone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from portal.celery import app
from portal.models import AuditEvent, Invitation, User
from portal.roles import Role
from portal.services import audit_record, invitation_create, invitation_revoke
from portal.tasks import accounts_without_membership_sweep, invitations_expire_sweep, user_sessions_purge
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def beat_tasks() -> set[str]:
    return {entry["task"] for entry in app.conf.beat_schedule.values()}


# --- The session list (allauth.usersessions) ---------------------------------------


def _session_row(user, key: str, *, expires_in: timedelta | None) -> UserSession:
    if expires_in is not None:
        Session.objects.create(session_key=key, session_data="x", expire_date=timezone.now() + expires_in)
    return UserSession.objects.create(user=user, session_key=key, ip="192.0.2.7", user_agent="Firefox")


def test_rows_of_ended_sessions_are_deleted_and_live_ones_kept():
    user = UserFactory()
    live = _session_row(user, "l" * 32, expires_in=timedelta(hours=1))
    _session_row(user, "e" * 32, expires_in=-timedelta(minutes=1))  # expired, not yet cleared
    _session_row(user, "g" * 32, expires_in=None)  # signed out or cleared: no session left
    other = _session_row(UserFactory(), "o" * 32, expires_in=timedelta(hours=1))

    assert user_sessions_purge() == 2

    assert set(UserSession.objects.values_list("pk", flat=True)) == {live.pk, other.pk}
    assert user_sessions_purge() == 0  # safe to run twice


def test_a_real_sign_in_keeps_its_row_until_sign_out(client, org, member_factory):
    member_factory(org, email="lotte@example.org")
    client.post("/accounts/login/", {"login": "lotte@example.org", "password": TEST_PASSWORD}, REMOTE_ADDR="192.0.2.9")
    assert UserSession.objects.filter(user__email="lotte@example.org").count() == 1
    other = Client()
    other.post("/accounts/login/", {"login": "lotte@example.org", "password": TEST_PASSWORD})

    assert user_sessions_purge() == 0
    client.post("/accounts/logout/")
    # allauth left the ended session's row (IP address, browser); the sweep takes it.
    assert UserSession.objects.filter(user__email="lotte@example.org").count() == 2
    assert user_sessions_purge() == 1
    assert UserSession.objects.get().session_key == other.session.session_key


def test_the_session_list_sweep_is_on_the_beat_schedule():
    assert "portal.tasks.user_sessions_purge" in beat_tasks()


# --- Accounts without any membership ------------------------------------------------

KEEP = 365


def _old(user, *, days: int, signed_in: bool = True):
    """Make ``user`` last used ``days`` ago (by sign-in, or only by being made)."""
    when = timezone.now() - timedelta(days=days)
    User.objects.filter(pk=user.pk).update(date_joined=when, last_login=when if signed_in else None)
    return user


def test_unused_accounts_without_membership_are_deleted(settings, org, member_factory):
    settings.ACCOUNTS_WITHOUT_MEMBERSHIP_KEEP_DAYS = KEEP
    gone = _old(UserFactory(with_totp=True), days=KEEP + 1)
    never_signed_in = _old(UserFactory(), days=KEEP + 1, signed_in=False)
    UserSession.objects.create(user=gone, session_key="s" * 32, ip="192.0.2.7", user_agent="Firefox")

    recent = _old(UserFactory(), days=KEEP - 1)
    # Made long ago, but signed in recently.
    active_login = UserFactory()
    User.objects.filter(pk=active_login.pk).update(
        date_joined=timezone.now() - timedelta(days=KEEP * 3), last_login=timezone.now() - timedelta(days=10)
    )
    member = _old(member_factory(org).user, days=KEEP * 2)
    inactive_member = member_factory(org)
    inactive_member.is_active = False
    inactive_member.save()
    _old(inactive_member.user, days=KEEP * 2)
    staff = _old(UserFactory(is_staff=True), days=KEEP * 2)
    superuser = _old(UserFactory(is_superuser=True), days=KEEP * 2)
    editor = _old(UserFactory(), days=KEEP * 2)
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])

    assert accounts_without_membership_sweep() == 2

    remaining = set(User.objects.values_list("pk", flat=True))
    assert gone.pk not in remaining and never_signed_in.pk not in remaining
    assert {
        recent.pk,
        active_login.pk,
        member.pk,
        inactive_member.user_id,
        staff.pk,
        superuser.pk,
        editor.pk,
    } <= remaining
    # What hangs on the account went with it.
    assert not Authenticator.objects.filter(user_id=gone.pk).exists()
    assert not EmailAddress.objects.filter(user_id=gone.pk).exists()
    assert not UserSession.objects.filter(user_id=gone.pk).exists()
    assert accounts_without_membership_sweep() == 0


def test_the_keep_period_is_a_setting(settings):
    user = _old(UserFactory(), days=40)
    settings.ACCOUNTS_WITHOUT_MEMBERSHIP_KEEP_DAYS = 60
    assert accounts_without_membership_sweep() == 0
    settings.ACCOUNTS_WITHOUT_MEMBERSHIP_KEEP_DAYS = 30
    assert accounts_without_membership_sweep() == 1
    assert not User.objects.filter(pk=user.pk).exists()


def test_the_audit_trail_keeps_its_rows_without_the_account(settings, org, member_factory):
    settings.ACCOUNTS_WITHOUT_MEMBERSHIP_KEEP_DAYS = KEEP
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    former = member_factory(org)
    with scope(organisation=org):
        audit_record(organisation=org, kind=AuditEvent.Kind.MEMBER_DEACTIVATED, actor=former.user, subject=former.user)
        former.delete()  # e.g. removed in the admin: no membership left
    _old(former.user, days=KEEP + 1)

    assert accounts_without_membership_sweep() == 1

    with scope(organisation=org):
        event = AuditEvent.objects.get(kind=AuditEvent.Kind.MEMBER_DEACTIVATED)
        assert (event.actor_id, event.subject_user_id) == (None, None)
    assert User.objects.filter(pk=coordinator.user_id).exists()


def test_the_default_keep_period_is_a_year():
    from portal.settings import base

    assert base.ACCOUNTS_WITHOUT_MEMBERSHIP_KEEP_DAYS == 365


def test_the_account_sweep_is_on_the_beat_schedule():
    assert "portal.tasks.accounts_without_membership_sweep" in beat_tasks()


# --- Invitees' addresses in the audit trail -----------------------------------------


def _invite(coordinator, email: str):
    with scope(organisation=coordinator.organisation):
        return invitation_create(actor_membership=coordinator, email=email, role=Role.LEARNER).invitation


def _age(invitation, days: int) -> None:
    with scopes_disabled():
        Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(days=days))


def _details(org) -> dict[str, list[str]]:
    with scope(organisation=org):
        rows = AuditEvent.objects.order_by("pk").values_list("kind", "detail")
    found: dict[str, list[str]] = {}
    for kind, detail in rows:
        found.setdefault(kind, []).append(detail)
    return found


def test_deleting_an_old_invitation_removes_the_address_from_its_audit_rows(org, other_org, member_factory):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    old = _invite(coordinator, "oud@example.org")
    with scope(organisation=org):
        invitation_revoke(actor_membership=coordinator, invitation=old)
    kept = _invite(coordinator, "nieuw@example.org")
    elsewhere = _invite(member_factory(other_org, Role.ORG_COORDINATOR), "oud@example.org")
    assert any("oud@example.org" in d for d in _details(org)[AuditEvent.Kind.INVITATION_SENT])
    _age(old, 91)
    _age(elsewhere, 10)

    assert invitations_expire_sweep() == 1

    role = old.get_role_display()
    details = _details(org)
    assert details[AuditEvent.Kind.INVITATION_SENT] == [
        f"uitnodiging {old.pk}: (adres verwijderd) – {role}",
        f"uitnodiging {kept.pk}: nieuw@example.org – {role}",
    ]
    assert details[AuditEvent.Kind.INVITATION_REVOKED] == [f"uitnodiging {old.pk}: (adres verwijderd)"]
    # Another organisation's rows about the same address, whose invitation is kept, keep it.
    assert _details(other_org)[AuditEvent.Kind.INVITATION_SENT] == [
        f"uitnodiging {elsewhere.pk}: oud@example.org – {role}"
    ]
    assert invitations_expire_sweep() == 0


def test_rows_written_before_the_invitation_number_are_found_too(org, member_factory):
    coordinator = member_factory(org, Role.ORG_COORDINATOR)
    old = _invite(coordinator, "oud@example.org")
    with scope(organisation=org):
        # As invitation_create and invitation_revoke wrote them before.
        AuditEvent.objects.all().delete()
        audit_record(
            organisation=org,
            kind=AuditEvent.Kind.INVITATION_SENT,
            actor=coordinator.user,
            detail=f"oud@example.org – {old.get_role_display()}",
        )
        audit_record(
            organisation=org, kind=AuditEvent.Kind.INVITATION_REVOKED, actor=coordinator.user, detail="oud@example.org"
        )
        # A look-alike address is not touched.
        audit_record(
            organisation=org,
            kind=AuditEvent.Kind.INVITATION_REVOKED,
            actor=coordinator.user,
            detail="oud@example.org.nl",
        )
        AuditEvent.objects.update(created_at=timezone.now() - timedelta(days=100))
    _age(old, 91)

    assert invitations_expire_sweep() == 1

    details = _details(org)
    assert details[AuditEvent.Kind.INVITATION_SENT] == [f"(adres verwijderd) – {old.get_role_display()}"]
    assert details[AuditEvent.Kind.INVITATION_REVOKED] == ["(adres verwijderd)", "oud@example.org.nl"]
