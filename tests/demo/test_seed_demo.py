"""The demo data: idempotent, a user for every role, MFA set up where required."""

from __future__ import annotations

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django_scopes import scopes_disabled

from demo.accounts import DEMO_PASSWORD, DEMO_USERS
from portal.models import Membership, Organisation, User
from portal.roles import Role
from portal.selectors import user_requires_mfa

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    with scopes_disabled():
        return {
            "organisations": Organisation.objects.count(),
            "users": User.objects.count(),
            "memberships": Membership.objects.count(),
            "email_addresses": EmailAddress.objects.count(),
            "authenticators": Authenticator.objects.count(),
        }


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_second_run_creates_nothing():
    first_output = seed()
    after_first = counts()
    demo_users = User.objects.filter(email__in=[u.email for u in DEMO_USERS]).count()
    assert after_first["organisations"] > 0 and demo_users == len(DEMO_USERS)
    second_output = seed()
    assert counts() == after_first
    assert "0 organisations, 0 users, 0 memberships" in second_output
    assert "0 organisations" not in first_output
    # The national directory is loaded too (the data migration already did; nothing is left to create).
    assert "National directory ready (0 created, 0 updated" in first_output
    assert "National directory ready (0 created, 0 updated" in second_output


def test_every_role_has_a_demo_user():
    seed()
    with scopes_disabled():
        roles = set(
            Membership.objects.filter(user__email__in=[u.email for u in DEMO_USERS]).values_list("role", flat=True)
        )
    assert roles == {role.value for role in Role}


def test_demo_users_can_sign_in_with_the_demo_password():
    seed()
    for spec in DEMO_USERS:
        user = User.objects.get(email=spec.email)
        assert user.check_password(DEMO_PASSWORD), spec.email
        assert EmailAddress.objects.filter(user=user, email=spec.email, verified=True, primary=True).exists()


def test_mfa_users_have_a_totp_authenticator():
    seed()
    needing = [u for u in User.objects.all() if user_requires_mfa(u)]
    assert len(needing) >= 5  # case handler, two coordinators, partner, platform admin (and the Belgian coordinator)
    for user in needing:
        assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(), user.email
        assert Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists(), user.email
    for user in User.objects.all():
        if not user_requires_mfa(user):
            assert not Authenticator.objects.filter(user=user).exists(), user.email


def test_admin_flags_follow_the_roles():
    seed()
    admin = User.objects.get(email="beheer@demo.veilig-online.nl")
    editor = User.objects.get(email="redacteur@demo.veilig-online.nl")
    learner = User.objects.get(email="leerkracht@demo.veilig-online.nl")
    assert admin.is_staff and admin.is_superuser
    assert editor.is_staff and not editor.is_superuser
    assert editor.groups.filter(name="Editors").exists()
    assert not learner.is_staff and not learner.is_superuser


def test_schools_hang_under_their_municipality():
    seed()
    school = Organisation.objects.get(slug="obs-de-regenboog")
    assert school.parent.slug == "zuiderhaven"
    belgian = Organisation.objects.get(slug="sint-jozefschool")
    assert belgian.country == belgian.parent.country == "BE"


def test_the_demo_school_is_linked_to_entree_and_owns_a_domain_without_a_provider_on():
    from demo.accounts import seed_demo
    from sso.models import FederationLink, SignInDomain, SignInSettings

    seed_demo()
    seed_demo()

    link = FederationLink.objects.get()
    assert (link.organisation.slug, link.federation, link.home_organisation_id) == (
        "obs-de-regenboog",
        "entree",
        "99dr",
    )
    assert SignInDomain.objects.get().is_verified
    # No provider switched on: the demo's e-mail-first login goes on to the password.
    assert not SignInSettings.objects.filter(status=SignInSettings.Status.ACTIVE).exists()
