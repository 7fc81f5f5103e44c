"""Invitations: created by a coordinator, mailed as a single-use link, accepted once."""

from __future__ import annotations

import hashlib
import re
import threading
from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from portal.models import AuditEvent, Invitation, Membership, User
from portal.roles import Role
from portal.services import invitation_create
from tests.factories import TEST_PASSWORD, MembershipFactory, SchoolFactory, UserFactory
from tests.portal.helpers import make_invitation

pytestmark = pytest.mark.django_db

NEW_ACCOUNT = {
    "first_name": "Nina",
    "last_name": "Nieuw",
    "password1": "Een-heel-goed-wachtwoord-7",
    "password2": "Een-heel-goed-wachtwoord-7",
}
LINK_RE = re.compile(r"https?://\S+")


def memberships_of(email: str) -> list[Membership]:
    with scopes_disabled():
        return list(Membership.objects.filter(user__email=email))


# --- Creating --------------------------------------------------------------------


def test_coordinator_invites_by_the_view(client, org, coordinator, django_capture_on_commit_callbacks):
    client.force_login(coordinator.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/o/{org.slug}/uitnodigingen/", {"email": "Nieuw@Example.org ", "role": Role.CASE_HANDLER}
        )
    assert response.status_code == 302
    assert response["Location"] == f"/o/{org.slug}/uitnodigingen/"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuw@example.org"]
    links = LINK_RE.findall(message.body)
    assert len(links) == 1
    link = links[0]
    assert link.startswith(f"{settings.SITE_URL}/uitnodiging/")
    token = link.rstrip("/").rsplit("/", 1)[-1]

    # The link is the only credential in the mail: nothing about the inviter,
    # other members or the account, and no second way in.
    body = message.body + message.subject
    assert coordinator.user.email not in body
    assert coordinator.user.last_name not in body
    assert "password" not in body.lower() and "wachtwoord" not in body.lower()
    assert not message.attachments and not getattr(message, "alternatives", [])

    with scope(organisation=org):
        invitation = Invitation.objects.get()
        assert AuditEvent.objects.filter(kind=AuditEvent.Kind.INVITATION_SENT, actor=coordinator.user).count() == 1
    assert invitation.email == "nieuw@example.org"
    assert invitation.role == Role.CASE_HANDLER
    assert invitation.invited_by == coordinator.user
    # Only the hash of the token is stored.
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in invitation.token_hash

    # The invitation list shows it, with the sent message.
    listing = client.get(f"/o/{org.slug}/uitnodigingen/")
    assert "De uitnodiging is verstuurd naar" in listing.text
    assert "Trek uitnodiging voor nieuw@example.org in" in listing.text


def test_mail_waits_for_the_commit(client, org, coordinator, django_capture_on_commit_callbacks):
    """The mail is queued with on_commit: a transaction that never commits sends nothing."""
    client.force_login(coordinator.user)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(f"/o/{org.slug}/uitnodigingen/", {"email": "x@example.org", "role": Role.LEARNER})
    assert response.status_code == 302
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_new_invitation_replaces_the_open_one(client, org, coordinator, invitation_factory):
    old, old_token = invitation_factory(org, email="nieuw@example.org")
    client.force_login(coordinator.user)
    response = client.post(f"/o/{org.slug}/uitnodigingen/", {"email": "nieuw@example.org", "role": Role.LEARNER})
    assert response.status_code == 302
    with scope(organisation=org):
        old.refresh_from_db()
    assert old.revoked_at is not None
    client.logout()
    assert client.get(f"/uitnodiging/{old_token}/").status_code == 410


def test_role_not_allowed_for_the_organisation_kind(client, org, coordinator):
    client.force_login(coordinator.user)
    response = client.post(
        f"/o/{org.slug}/uitnodigingen/", {"email": "x@example.org", "role": Role.MUNICIPAL_COORDINATOR}
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert set(form.errors) == {"role"}
    assert 'id="id_role_error"' in response.text
    with scope(organisation=org):
        assert not Invitation.objects.exists()


def test_service_refuses_a_role_not_allowed_for_the_kind(org, coordinator):
    with scope(organisation=org), pytest.raises(ValidationError) as exc:
        invitation_create(actor_membership=coordinator, email="x@example.org", role=Role.PARTNER_INTAKE)
    assert "role" in exc.value.error_dict


def test_reinviting_an_active_member_is_an_email_error(client, org, coordinator, member_factory):
    member = member_factory(org, Role.LEARNER, email="lid@example.org")
    client.force_login(coordinator.user)
    response = client.post(f"/o/{org.slug}/uitnodigingen/", {"email": "LID@example.org", "role": Role.LEARNER})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"email"}
    assert 'id="id_email_error"' in response.text
    with scope(organisation=org):
        assert not Invitation.objects.exists()
    assert member.user.email == "lid@example.org"


def test_member_of_another_organisation_can_be_invited(client, org, other_org, coordinator):
    MembershipFactory(organisation=other_org, user__email="elders@example.org")
    client.force_login(coordinator.user)
    response = client.post(f"/o/{org.slug}/uitnodigingen/", {"email": "elders@example.org", "role": Role.LEARNER})
    assert response.status_code == 302


def test_revoke_by_the_view(client, org, coordinator, invitation_factory):
    invitation, token = invitation_factory(org)
    client.force_login(coordinator.user)
    response = client.post(f"/o/{org.slug}/uitnodigingen/{invitation.pk}/intrekken/")
    assert response.status_code == 302
    with scope(organisation=org):
        invitation.refresh_from_db()
        assert AuditEvent.objects.filter(kind=AuditEvent.Kind.INVITATION_REVOKED).count() == 1
    assert invitation.revoked_at is not None
    # Revoking twice is refused with a message, not an error page.
    again = client.post(f"/o/{org.slug}/uitnodigingen/{invitation.pk}/intrekken/", follow=True)
    assert "al gebruikt of ingetrokken" in again.text


# --- Accepting -------------------------------------------------------------------


def test_accept_as_new_user(client, org, invitation_factory):
    invitation, token = invitation_factory(org, email="nina@example.org", role=Role.CASE_HANDLER)
    page = client.get(f"/uitnodiging/{token}/")
    assert page.status_code == 200
    assert "nina@example.org" in page.text
    assert "no-store" in page["Cache-Control"]

    response = client.post(f"/uitnodiging/{token}/", NEW_ACCOUNT)
    assert response.status_code == 302
    assert response["Location"] == f"/o/{org.slug}/"

    user = User.objects.get(email="nina@example.org")
    assert user.check_password(NEW_ACCOUNT["password1"])
    assert (user.first_name, user.last_name) == ("Nina", "Nieuw")
    address = EmailAddress.objects.get(user=user)
    assert address.verified and address.primary and address.email == "nina@example.org"
    (membership,) = memberships_of("nina@example.org")
    assert membership.organisation == org
    assert membership.role == Role.CASE_HANDLER
    assert membership.is_active
    with scope(organisation=org):
        invitation.refresh_from_db()
        assert AuditEvent.objects.filter(kind=AuditEvent.Kind.INVITATION_ACCEPTED, subject_user=user).exists()
    assert invitation.accepted_by == user

    # Signed in: the session belongs to the new user.
    assert int(client.session["_auth_user_id"]) == user.pk


def test_accept_with_a_weak_password_shows_the_form(client, org, invitation_factory):
    invitation, token = invitation_factory(org, email="nina@example.org")
    data = {**NEW_ACCOUNT, "password1": "kort", "password2": "kort"}
    response = client.post(f"/uitnodiging/{token}/", data)
    assert response.status_code == 400
    assert "password1" in response.context["form"].errors
    assert not User.objects.filter(email="nina@example.org").exists()


def test_expired_link(client, org, invitation_factory):
    invitation, token = invitation_factory(org, email="laat@example.org")
    with time_machine.travel(timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS, minutes=1)):
        page = client.get(f"/uitnodiging/{token}/")
        assert page.status_code == 410
        assert "verlopen" in page.text
        response = client.post(f"/uitnodiging/{token}/", NEW_ACCOUNT)
        assert response.status_code == 410
    assert memberships_of("laat@example.org") == []
    assert not User.objects.filter(email="laat@example.org").exists()


def test_link_still_works_just_before_it_expires(client, org, invitation_factory):
    invitation, token = invitation_factory(org)
    with time_machine.travel(invitation.expires_at - timedelta(minutes=1)):
        assert client.get(f"/uitnodiging/{token}/").status_code == 200


def test_accepted_link_cannot_be_used_again(client, org, invitation_factory):
    invitation, token = invitation_factory(org, email="nina@example.org")
    assert client.post(f"/uitnodiging/{token}/", NEW_ACCOUNT).status_code == 302
    other = Client()
    response = other.get(f"/uitnodiging/{token}/")
    assert response.status_code == 410
    assert "al gebruikt" in response.text
    assert other.post(f"/uitnodiging/{token}/", NEW_ACCOUNT).status_code == 410
    assert len(memberships_of("nina@example.org")) == 1


def test_revoked_link(client, org, invitation_factory):
    invitation, token = invitation_factory(org, email="weg@example.org", revoked_at=timezone.now())
    response = client.get(f"/uitnodiging/{token}/")
    assert response.status_code == 410
    assert "ingetrokken" in response.text
    assert client.post(f"/uitnodiging/{token}/", NEW_ACCOUNT).status_code == 410
    assert memberships_of("weg@example.org") == []


@pytest.mark.parametrize("token", ["niet*geldig", "a" * 101, "spatie%20erin", "%00"])
def test_malformed_token_is_a_clear_page(client, token):
    response = client.get(f"/uitnodiging/{token}/")
    assert response.status_code == 400
    assert "niet compleet" in response.text
    assert client.post(f"/uitnodiging/{token}/").status_code == 400


def test_unknown_token_is_404(client, org, invitation_factory):
    invitation_factory(org)
    response = client.get("/uitnodiging/bestaat-niet-maar-ziet-er-goed-uit/")
    assert response.status_code == 404
    assert "Deze link werkt niet" in response.text


def test_existing_account_must_sign_in(client, org, invitation_factory):
    UserFactory(email="bestaand@example.org")
    invitation, token = invitation_factory(org, email="bestaand@example.org")
    page = client.get(f"/uitnodiging/{token}/")
    assert page.status_code == 200
    assert "Er bestaat al een account" in page.text
    assert page.context["form"] is None

    response = client.post(f"/uitnodiging/{token}/", NEW_ACCOUNT)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/uitnodiging/{token}/"
    assert memberships_of("bestaand@example.org") == []
    assert "_auth_user_id" not in client.session


def test_existing_account_accepts_after_signing_in(client, org, other_org, invitation_factory):
    existing = MembershipFactory(organisation=other_org, user__email="bestaand@example.org").user
    invitation, token = invitation_factory(org, email="bestaand@example.org", role=Role.LEARNER)
    client.force_login(existing)
    response = client.post(f"/uitnodiging/{token}/")
    assert response.status_code == 302
    assert {m.organisation for m in memberships_of("bestaand@example.org")} == {org, other_org}
    assert existing.check_password(TEST_PASSWORD)  # the password was left alone


def test_signed_in_as_the_wrong_account_is_refused(client, org, member_factory, invitation_factory):
    someone_else = member_factory(org, Role.LEARNER, email="ander@example.org")
    invitation, token = invitation_factory(org, email="bedoeld@example.org")
    client.force_login(someone_else.user)
    page = client.get(f"/uitnodiging/{token}/")
    assert page.status_code == 200
    assert "Deze uitnodiging is voor een ander e-mailadres" in page.text
    response = client.post(f"/uitnodiging/{token}/", NEW_ACCOUNT)
    assert response.status_code == 403
    assert memberships_of("bedoeld@example.org") == []
    assert not User.objects.filter(email="bedoeld@example.org").exists()
    with scope(organisation=org):
        invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_deactivated_member_is_reactivated_by_a_new_invitation(client, org, member_factory, invitation_factory):
    member = member_factory(org, Role.LEARNER, email="terug@example.org")
    with scope(organisation=org):
        Membership.objects.filter(pk=member.pk).update(is_active=False, deactivated_at=timezone.now())
    invitation, token = invitation_factory(org, email="terug@example.org", role=Role.CASE_HANDLER)
    client.force_login(member.user)
    assert client.post(f"/uitnodiging/{token}/").status_code == 302
    (membership,) = memberships_of("terug@example.org")
    assert membership.is_active and membership.role == Role.CASE_HANDLER and membership.deactivated_at is None


# --- Two people (or two tabs) accepting the same link at the same moment ----------


def test_two_threads_accepting_at_once_make_one_membership(file_database):
    org = SchoolFactory()
    _invitation, token = make_invitation(org, email="tegelijk@example.org")
    barrier = threading.Barrier(2)
    results: list[tuple[int, str] | BaseException] = []

    def accept() -> None:
        try:
            client = Client()
            barrier.wait(timeout=10)
            response = client.post(f"/uitnodiging/{token}/", NEW_ACCOUNT)
            results.append((response.status_code, response.get("Location", "")))
        except BaseException as exc:  # reported by the assertion below
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=accept) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    # One wins and lands in the organisation. The other is refused, in one of two
    # correct ways depending on how far the winner had got: the link is used up (410),
    # or the account now exists and it is sent to sign in (as anyone with an account).
    home = f"/o/{org.slug}/"
    assert all(isinstance(result, tuple) for result in results), results
    winners = [result for result in results if result == (302, home)]
    losers = [result for result in results if result != (302, home)]
    assert len(winners) == 1 and len(losers) == 1, results
    status, location = losers[0]
    assert status == 410 or (status == 302 and location.startswith("/accounts/login/")), results
    assert len(memberships_of("tegelijk@example.org")) == 1
    assert User.objects.filter(email="tegelijk@example.org").count() == 1
    with scope(organisation=org):
        assert AuditEvent.objects.filter(kind=AuditEvent.Kind.INVITATION_ACCEPTED).count() == 1
