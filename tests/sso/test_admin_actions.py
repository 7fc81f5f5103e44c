"""The platform administrator's emergency switch for a broken provider."""

from __future__ import annotations

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from portal.models import AuditEvent
from portal.roles import Role
from portal.services import user_sync_staff_flags
from sso.models import SignInSettings
from tests.factories import MembershipFactory, PlatformFactory, UserFactory

pytestmark = pytest.mark.django_db


def _admin_client(*, superuser: bool) -> Client:
    platform = PlatformFactory(name="Platform", slug="platform-sso-test", country="NL")
    user = UserFactory(with_totp=True)
    MembershipFactory(organisation=platform, user=user, role=Role.PLATFORM_ADMIN if superuser else Role.CONTENT_EDITOR)
    user_sync_staff_flags(user=user)
    client = Client()
    client.force_login(user)
    return client


def test_the_platform_administrator_switches_a_provider_off_and_opens_the_password_login(org):
    sign_in = SignInSettings.objects.create(
        organisation=org, provider_kind="oidc", status=SignInSettings.Status.ACTIVE, password_login=False
    )
    client = _admin_client(superuser=True)

    response = client.post(
        "/django-admin/sso/signinsettings/", {"action": "switch_off", "_selected_action": [sign_in.pk]}
    )

    assert response.status_code == 302
    sign_in.refresh_from_db()
    assert (sign_in.status, sign_in.password_login) == (SignInSettings.Status.OFF, True)
    with scopes_disabled():
        assert AuditEvent.objects.filter(organisation=org, kind=AuditEvent.Kind.SIGN_IN_SETTINGS_CHANGED).exists()


def test_a_content_editor_cannot(org):
    sign_in = SignInSettings.objects.create(organisation=org, provider_kind="oidc", status=SignInSettings.Status.ACTIVE)
    client = _admin_client(superuser=False)

    response = client.post(
        "/django-admin/sso/signinsettings/", {"action": "switch_off", "_selected_action": [sign_in.pk]}
    )

    assert response.status_code == 403
    sign_in.refresh_from_db()
    assert sign_in.status == SignInSettings.Status.ACTIVE
