"""Every way to sign in is rate limited the same way: after five failures even the
right password (or code) does not get in.

The Django admin and the Wagtail admin have no login of their own: their login
URLs are served by allauth's LoginView (see portal/urls.py).
"""

from __future__ import annotations

import re

import pytest
from allauth.account.views import LoginView
from django.core import mail
from django.urls import resolve

from portal.roles import Role
from portal.services import user_sync_staff_flags
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN_PATHS = ["/accounts/login/", "/django-admin/login/", "/cms/login/"]
EMAIL = "lotte@example.org"
TOO_MANY = "Te veel inlogpogingen"


@pytest.fixture
def learner(org, member_factory):
    """A role without MFA, so the right password alone signs in."""
    return member_factory(org, Role.LEARNER, email=EMAIL)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def is_allauth_login(path: str) -> bool:
    view_class = getattr(resolve(path).func, "view_class", None)
    return view_class is not None and issubclass(view_class, LoginView)


@pytest.mark.parametrize("path", LOGIN_PATHS)
def test_login_paths_are_allauths(path):
    assert is_allauth_login(path)


@pytest.mark.parametrize("path", LOGIN_PATHS)
def test_sixth_attempt_with_the_right_password_is_refused(path, client, learner):
    for attempt in range(5):
        response = client.post(path, {"login": EMAIL, "password": f"fout-{attempt}"})
        assert response.status_code == 200, attempt
        assert not signed_in(client)
    response = client.post(path, {"login": EMAIL, "password": TEST_PASSWORD})
    assert not signed_in(client)
    assert response.status_code == 200
    codes = [error.code for error in response.context["form"].non_field_errors().as_data()]
    assert codes == ["too_many_login_attempts"]
    assert TOO_MANY in response.text


@pytest.mark.parametrize("path", LOGIN_PATHS)
def test_four_failures_then_the_right_password_signs_in(path, client, learner):
    """The control for the test above: the limit, not the path, refuses the sixth try."""
    for attempt in range(4):
        client.post(path, {"login": EMAIL, "password": f"fout-{attempt}"})
    response = client.post(path, {"login": EMAIL, "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert signed_in(client)


def test_failures_on_one_path_count_on_the_others(client, learner):
    """An attacker cannot get five tries per login screen."""
    for attempt, path in enumerate(LOGIN_PATHS + LOGIN_PATHS[:2]):
        client.post(path, {"login": EMAIL, "password": f"fout-{attempt}"})
    client.post("/cms/login/", {"login": EMAIL, "password": TEST_PASSWORD})
    assert not signed_in(client)


# --- Login by code ---------------------------------------------------------------


def request_code(client) -> str:
    response = client.post("/accounts/login/code/", {"email": EMAIL})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/code/confirm/")
    assert len(mail.outbox) == 1
    codes = re.findall(r"^\s*([A-Z0-9]{4,}(?:-[A-Z0-9]+)*)\s*$", mail.outbox[0].body, re.MULTILINE)
    assert len(codes) == 1, mail.outbox[0].body
    return codes[0]


def wrong(code: str) -> str:
    return "XXXXXX" if code != "XXXXXX" else "YYYYYY"


def test_login_by_code_right_code_signs_in(client, learner):
    code = request_code(client)
    for _ in range(4):
        response = client.post("/accounts/login/code/confirm/", {"code": wrong(code)})
        assert response.status_code == 200
        assert not signed_in(client)
    response = client.post("/accounts/login/code/confirm/", {"code": code})
    assert response.status_code == 302
    assert signed_in(client)


def test_login_by_code_sixth_attempt_with_the_right_code_is_refused(client, learner):
    code = request_code(client)
    for _ in range(5):
        client.post("/accounts/login/code/confirm/", {"code": wrong(code)})
        assert not signed_in(client)
    response = client.post("/accounts/login/code/confirm/", {"code": code})
    assert not signed_in(client)
    # The code is spent: the flow is aborted and the person starts again at the login.
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not response["Location"].startswith("/accounts/login/code/confirm/")
    assert not signed_in(client)


# --- The admin screens send anonymous visitors to allauth ------------------------


@pytest.mark.parametrize("path", ["/django-admin/", "/cms/"])
def test_admin_sends_anonymous_visitors_to_allauth_login(path, client):
    response = client.get(path)
    assert response.status_code == 302
    location = response["Location"]
    assert is_allauth_login(location.split("?", 1)[0])
    assert "next=" in location
    page = client.get(location)
    assert page.status_code == 200
    assert 'name="password"' in page.text


@pytest.mark.parametrize("path", ["/django-admin/", "/cms/"])
def test_admin_refuses_members_without_staff_rights(path, client, org, coordinator):
    """One redirect to the admin login, then a clear 403: no endless redirect loop."""
    client.force_login(coordinator.user)
    response = client.get(path, follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 1
    assert "Dit mag je niet doen" in response.text


@pytest.mark.parametrize(("path", "role"), [("/django-admin/", Role.PLATFORM_ADMIN), ("/cms/", Role.CONTENT_EDITOR)])
def test_admin_lets_in_the_roles_that_have_it(path, role, client, platform_org, member_factory):
    member = member_factory(platform_org, role)
    user_sync_staff_flags(user=member.user)
    client.force_login(member.user)
    assert client.get(path).status_code == 200
