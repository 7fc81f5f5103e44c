"""Our overrides of allauth pages: no dead sign-up link, a reachable TOTP secret."""

import pytest

from portal.roles import Role

pytestmark = pytest.mark.django_db


def test_login_page_explains_invitations_instead_of_sign_up(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "/accounts/signup/" not in content
    assert "uitnodiging" in content


def test_sign_up_is_closed(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "nieuw@example.org", "password1": "Xy-lang-wachtwoord-9", "password2": "Xy-lang-wachtwoord-9"},
    )
    from portal.models import User

    assert not User.objects.filter(email="nieuw@example.org").exists()
    assert response.status_code == 200


def test_totp_secret_is_readonly_not_disabled(client, org, member_factory):
    membership = member_factory(org, Role.CASE_HANDLER, mfa=False)
    client.force_login(membership.user)
    # allauth asks for the password again before MFA set-up.
    client.post("/accounts/reauthenticate/", {"password": "Een-goed-test-wachtwoord-1"})
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    content = response.content.decode()
    field = content[content.index('id="authenticator_secret"') - 400 : content.index('id="authenticator_secret"') + 200]
    assert "readonly" in field
    assert "disabled" not in field


ACCOUNT_PAGES = [
    "/accounts/2fa/",
    "/accounts/sessions/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/reauthenticate/",
]


@pytest.mark.parametrize("path", ACCOUNT_PAGES)
def test_account_pages_are_never_stored(path, client, org, member_factory):
    membership = member_factory(org, Role.CASE_HANDLER)
    client.force_login(membership.user)
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_totp_secret_page_is_never_stored(client, org, member_factory):
    membership = member_factory(org, Role.CASE_HANDLER, mfa=False)
    client.force_login(membership.user)
    client.post("/accounts/reauthenticate/", {"password": "Een-goed-test-wachtwoord-1"})
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/password/reset/"])
def test_account_pages_of_someone_signed_out_are_never_stored(path, client):
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
