"""Every HTML page carries a Content-Security-Policy with a nonce and never
'unsafe-inline' for scripts or styles. The <script> in base.html carries the
header's nonce, as must any other inline script; external scripts are our own.

The Django and Wagtail admin (/cms/, /django-admin/) get their own, looser policy;
they are only for platform staff.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from portal.roles import Role
from portal.services import user_sync_staff_flags
from tests.factories import MembershipFactory
from tests.portal.helpers import NONCE_RE, assert_strict_csp, directives
from tests.portal.urlwalk import NOT_TENANT_URLS, build_path, fill_kwargs, our_patterns

pytestmark = pytest.mark.django_db


def is_html_page(response) -> bool:
    """A rendered page: HTML with a body (redirects and bare 405s have none)."""
    return response["Content-Type"].startswith("text/html") and bool(response.content.strip())


@pytest.fixture
def coordinator_client(org, member_factory):
    client = Client()
    client.force_login(member_factory(org, Role.ORG_COORDINATOR).user)
    return client


def test_every_portal_page_has_a_strict_policy(coordinator_client, org):
    """Walks the URLconf, as the isolation test does, so new pages are covered.

    URLs with arguments the registry cannot fill are skipped here; the isolation
    test fails for them.
    """
    checked = []
    for pattern in our_patterns():
        if pattern.name in NOT_TENANT_URLS or pattern.unknown_kwargs or pattern.regex:
            continue
        path = build_path(pattern, fill_kwargs(pattern, org) if pattern.kwargs else {})
        response = coordinator_client.get(path)
        assert response.status_code < 500, path
        if is_html_page(response):
            assert_strict_csp(response, path)
            checked.append(path)
    assert f"/o/{org.slug}/" in checked
    assert f"/o/{org.slug}/leden/" in checked
    assert f"/o/{org.slug}/uitnodigingen/" in checked


def test_pages_for_anonymous_visitors(client, org, invitation_factory):
    _invitation, token = invitation_factory(org)
    for path in [
        "/",
        "/accounts/login/",
        "/accounts/login/code/",
        "/accounts/password/reset/",
        f"/uitnodiging/{token}/",
        "/uitnodiging/niet*geldig/",
        "/bestaat-niet/",
    ]:
        response = client.get(path)
        assert is_html_page(response), (path, response.status_code)
        assert_strict_csp(response, path)


def test_signed_in_pages_outside_the_walk(coordinator_client, org, member_factory):
    learner = MembershipFactory(organisation=org, role=Role.LEARNER)
    for path in [
        "/accounts/2fa/",
        "/accounts/password/change/",
        f"/o/{org.slug}/leden/{learner.pk}/",
        "/o/bestaat-niet/",
    ]:
        response = coordinator_client.get(path)
        assert is_html_page(response), (path, response.status_code)
        assert_strict_csp(response, path)


def test_error_and_mfa_pages(client, org, member_factory):
    client.force_login(member_factory(org, Role.LEARNER).user)
    forbidden = client.get(f"/o/{org.slug}/leden/")
    assert forbidden.status_code == 403
    assert_strict_csp(forbidden, "403")

    client.force_login(member_factory(org, Role.CASE_HANDLER, mfa=False).user)
    page = client.get("/account/mfa-vereist/")
    assert page.status_code == 200
    assert_strict_csp(page, "mfa-vereist")


def test_nonce_is_new_for_every_response(client):
    first = NONCE_RE.search(client.get("/")["Content-Security-Policy"]).group(1)
    second = NONCE_RE.search(client.get("/")["Content-Security-Policy"]).group(1)
    assert first != second


def test_the_check_catches_a_missing_nonce():
    """The helper above can fail: a script without the header's nonce is reported."""

    class Fake(dict):
        content = b""

    good = '<script src="/static/vendor/htmx/htmx.min.js" nonce="abcdefghijklmnopqrst" defer></script>'
    fake = Fake({"Content-Security-Policy": "script-src 'self' 'nonce-abcdefghijklmnopqrst'"})
    fake.content = good.encode()
    assert_strict_csp(fake, "fake")
    fake.content = (good + "<script>alert(1)</script>").encode()
    with pytest.raises(AssertionError, match="no nonce"):
        assert_strict_csp(fake, "fake")
    fake.content = good.replace("abcdefghijklmnopqrst", "other").encode()
    with pytest.raises(AssertionError, match="differs"):
        assert_strict_csp(fake, "fake")
    fake.content = (good + '<script src="https://cdn.example.com/x.js"></script>').encode()
    with pytest.raises(AssertionError, match="cdn"):
        assert_strict_csp(fake, "fake")
    fake.content = good.encode()
    fake["Content-Security-Policy"] = "script-src 'self' 'unsafe-inline'"
    with pytest.raises(AssertionError, match="unsafe-inline"):
        assert_strict_csp(fake, "fake")


def test_admin_screens_get_the_admin_policy(client, platform_org, member_factory):
    admin = member_factory(platform_org, Role.PLATFORM_ADMIN)
    user_sync_staff_flags(user=admin.user)
    client.force_login(admin.user)
    for path in ("/django-admin/", "/cms/"):
        response = client.get(path)
        assert response.status_code == 200, path
        script_src = directives(response["Content-Security-Policy"])["script-src"]
        assert script_src == [str(source) for source in settings.ADMIN_CSP["script-src"]]
