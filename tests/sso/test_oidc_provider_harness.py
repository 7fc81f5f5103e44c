"""Self-test of the local OpenID provider (tests/sso/oidc_provider.py): a hand-run
authorization code flow with ``requests`` and PyJWT, without the portal's sign-in code."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import pytest
import requests

from tests.sso.oidc_provider import LocalOidcProvider, ProviderError, SignInRefused, running_provider

TENANT_PREFIX = "3f1b2c4d-0000-4a5b-9c8d-1234567890ab/v2.0"
REDIRECT_URI = "http://127.0.0.1:9/accounts/oidc/test/login/callback/"
CLAIMS = {
    "nlEduPersonHomeOrganizationId": "12AB",
    "eduPersonAffiliation": ["employee"],
    "tid": "3f1b2c4d-0000-4a5b-9c8d-1234567890ab",
    "hd": "school.example",
    "amr": ["pwd", "mfa"],
    "acr": "urn:example:loa:2",
}


@pytest.fixture(scope="module")
def provider():
    yield from running_provider(prefix=TENANT_PREFIX)


@pytest.fixture
def client_id(provider):
    client_id = f"portal-{secrets.token_hex(4)}"
    provider.add_client(client_id, "s3cret", [REDIRECT_URI])
    return client_id


def _email() -> str:
    return f"user-{secrets.token_hex(4)}@school.example"


def _authorize_url(
    provider: LocalOidcProvider, client_id: str, *, redirect_uri: str = REDIRECT_URI
) -> tuple[str, dict]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    params = {
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "response_type": "code",
        "scope": "openid profile email",
        "state": secrets.token_urlsafe(16),
        "nonce": secrets.token_urlsafe(16),
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    return f"{provider.metadata['authorization_endpoint']}?{urlencode(params)}", {**params, "verifier": verifier}


def _callback_params(callback: str, flow: dict) -> dict[str, str]:
    assert callback.startswith(REDIRECT_URI + "?")
    params = {key: values[0] for key, values in parse_qs(urlsplit(callback).query).items()}
    assert params["state"] == flow["state"]
    return params


def _exchange(provider, client_id, code, flow, *, basic=False) -> requests.Response:
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": REDIRECT_URI,
        "code_verifier": flow["verifier"],
    }
    auth = None
    if basic:
        auth = (client_id, "s3cret")
    else:
        data.update(client_id=client_id, client_secret="s3cret")
    return requests.post(provider.metadata["token_endpoint"], data=data, auth=auth, timeout=10)


def _tokens(provider, client_id, as_user, *, basic=False) -> tuple[dict, dict]:
    url, flow = _authorize_url(provider, client_id)
    params = _callback_params(provider.authorize(url, as_user=as_user), flow)
    response = _exchange(provider, client_id, params["code"], flow, basic=basic)
    assert response.status_code == 200, response.text
    return response.json(), flow


def _signing_key(provider, id_token: str):
    jwks = requests.get(provider.metadata["jwks_uri"], timeout=10).json()
    return jwt.PyJWKSet.from_dict(jwks)[jwt.get_unverified_header(id_token)["kid"]].key


def _verify(provider, client_id, id_token: str) -> dict:
    return jwt.decode(
        id_token,
        _signing_key(provider, id_token),
        algorithms=["RS256"],
        audience=client_id,
        issuer=provider.issuer,
        options={"require": ["iss", "aud", "exp", "iat", "sub"]},
    )


def _userinfo(provider, tokens) -> dict:
    response = requests.get(
        provider.metadata["userinfo_endpoint"],
        headers={"Authorization": f"Bearer {tokens['access_token']}"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_discovery_names_the_issuer_with_its_prefix(provider):
    assert re.fullmatch(rf"http://127\.0\.0\.1:\d+/{re.escape(TENANT_PREFIX)}", provider.issuer)
    assert provider.metadata["issuer"] == provider.issuer
    for endpoint in ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri"):
        assert provider.metadata[endpoint].startswith(provider.issuer + "/")


@pytest.mark.parametrize("basic", [False, True], ids=["client_secret_post", "client_secret_basic"])
def test_code_flow_delivers_a_verifiable_id_token_with_the_extra_claims(provider, client_id, basic):
    email = _email()
    sub = provider.add_user(email, "pw", CLAIMS)
    tokens, flow = _tokens(provider, client_id, email, basic=basic)

    claims = _verify(provider, client_id, tokens["id_token"])
    assert claims["sub"] == sub
    assert sub != email and "@" not in sub
    assert claims["nonce"] == flow["nonce"]
    assert claims["email"] == email
    assert claims["email_verified"] is True
    assert {key: claims[key] for key in CLAIMS} == CLAIMS

    userinfo = _userinfo(provider, tokens)
    assert userinfo["sub"] == sub
    assert userinfo["email"] == email
    assert {key: userinfo[key] for key in CLAIMS} == CLAIMS


def test_the_subject_is_stable_per_user_and_the_user_can_be_updated(provider, client_id):
    email = _email()
    sub = provider.add_user(email, "pw", {"acr": "one"})
    assert provider.add_user(email, "pw", {"acr": "two"}) == sub
    tokens, _ = _tokens(provider, client_id, email)
    claims = _verify(provider, client_id, tokens["id_token"])
    assert (claims["sub"], claims["acr"]) == (sub, "two")
    assert provider.add_user(_email(), "pw", {}) != sub


@pytest.mark.parametrize(
    ("flag", "error"),
    [
        ("wrong_issuer", jwt.InvalidIssuerError),
        ("wrong_audience", jwt.InvalidAudienceError),
        ("expired", jwt.ExpiredSignatureError),
    ],
)
def test_a_misbehaving_user_gets_an_id_token_pyjwt_rejects(provider, client_id, flag, error):
    email = _email()
    provider.add_user(email, "pw", CLAIMS, misbehave={flag})
    tokens, _ = _tokens(provider, client_id, email)
    with pytest.raises(error):
        _verify(provider, client_id, tokens["id_token"])
    # Only that: the signature is sound and the other checks pass.
    options = {
        "verify_iss": flag != "wrong_issuer",
        "verify_aud": flag != "wrong_audience",
        "verify_exp": flag != "expired",
        "verify_iat": flag != "expired",
    }
    claims = jwt.decode(
        tokens["id_token"],
        _signing_key(provider, tokens["id_token"]),
        algorithms=["RS256"],
        audience=client_id,
        issuer=provider.issuer,
        options=options,
    )
    assert claims["nlEduPersonHomeOrganizationId"] == "12AB"


def test_a_user_without_email_gets_no_email_claim(provider, client_id):
    username = f"entree-{secrets.token_hex(4)}"
    sub = provider.add_user(None, "pw", {"nlEduPersonHomeOrganizationId": "12AB"}, username=username)
    tokens, _ = _tokens(provider, client_id, username)
    claims = _verify(provider, client_id, tokens["id_token"])
    userinfo = _userinfo(provider, tokens)
    assert claims["sub"] == userinfo["sub"] == sub
    for data in (claims, userinfo):
        assert "email" not in data
        assert "email_verified" not in data
        assert data["nlEduPersonHomeOrganizationId"] == "12AB"


def test_a_removed_user_can_no_longer_sign_in(provider, client_id):
    email = _email()
    provider.add_user(email, "pw", CLAIMS)
    url, flow = _authorize_url(provider, client_id)
    pending = _callback_params(provider.authorize(url, as_user=email), flow)

    provider.remove_user(email)

    with pytest.raises(SignInRefused):
        provider.authorize(_authorize_url(provider, client_id)[0], as_user=email)
    # A code handed out before the removal is worthless now.
    response = _exchange(provider, client_id, pending["code"], flow)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"
    with pytest.raises(LookupError):
        provider.remove_user(email)


def test_the_login_form_signs_in_with_email_and_password(provider, client_id):
    email = _email()
    provider.add_user(email, "correct horse", CLAIMS)
    url, flow = _authorize_url(provider, client_id)
    with requests.Session() as agent:
        response = agent.get(url, timeout=10)  # not signed in: sent to the login form
        assert response.url.startswith(provider.login_url)
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)
        response = agent.post(
            response.url,
            data={"csrfmiddlewaretoken": csrf, "login": email, "password": "correct horse"},
            headers={"Referer": response.url},
            allow_redirects=False,
            timeout=10,
        )
        assert response.status_code == 302, response.text
        # allauth sends the user agent on to the authorize URL (``next``).
        response = agent.get(provider.base_url + response.headers["Location"], allow_redirects=False, timeout=10)
        assert response.status_code == 302
    params = _callback_params(response.headers["Location"], flow)
    assert _exchange(provider, client_id, params["code"], flow).status_code == 200


def test_an_unknown_redirect_uri_is_refused_at_the_provider(provider, client_id):
    url, _ = _authorize_url(provider, client_id, redirect_uri="http://127.0.0.1:9/elsewhere/")
    email = _email()
    provider.add_user(email, "pw", {})
    with pytest.raises(ProviderError, match="instead of redirecting"):
        provider.authorize(url, as_user=email)


def test_a_provider_without_prefix_serves_at_the_root_and_stops_cleanly():
    with LocalOidcProvider.start() as provider:
        process = provider._process
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", provider.issuer)
        response = requests.get(f"{provider.issuer}/.well-known/openid-configuration", timeout=10)
        assert response.json()["issuer"] == provider.issuer
    assert process.returncode is not None
    with pytest.raises(requests.ConnectionError):
        requests.get(provider.discovery_url, timeout=2)
